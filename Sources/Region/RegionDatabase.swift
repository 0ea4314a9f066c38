import Foundation
import NIOSSL
import PostgresNIO

/// One connection to the region's database. The command line is synchronous, so each use is one
/// `RegionDatabase.with(address) { db in ... }` that connects, runs the work and closes.
public struct RegionDatabase: Sendable {
    public let connection: PostgresConnection
    public let address: DatabaseAddress
    let logger: Logger

    /// A problem with the database or what it said, in words for the person at the keyboard.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Connects, runs `work`, closes (also when `work` throws).
    public static func with<T: Sendable>(_ address: DatabaseAddress, _ work: @escaping @Sendable (RegionDatabase) async throws -> T) async throws -> T {
        // The client's own log would reach standard output: only what it thinks critical.
        var logger = Logger(label: "iwotch.region")
        logger.logLevel = .critical
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try configuration(address), id: 1, logger: logger)
        } catch {
            throw Failure("Could not connect to \(address.display): \(Self.words(error)). Check the URL, that the server is running, and the password (~/.pgpass or PGPASSWORD).")
        }
        let database = RegionDatabase(connection: connection, address: address, logger: logger)
        do {
            let result = try await work(database)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    static func configuration(_ address: DatabaseAddress) throws -> PostgresConnection.Configuration {
        if let socket = address.socketPath {
            // No TLS over a local socket, as libpq; sslmode=require cannot be met there.
            if address.tls == .require || address.tls == .verifyFull {
                throw Failure("sslmode=\(address.tls.rawValue) cannot be met over a local socket (\(socket)); give a host name instead of ?host=.")
            }
            return .init(unixSocketPath: socket, username: address.user, password: address.password, database: address.database)
        }
        let tls: PostgresConnection.Configuration.TLS
        switch address.tls {
        case .disable: tls = .disable
        case .prefer, .require:
            // As libpq's prefer and require: encrypted, the certificate not checked.
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            let context = try NIOSSLContext(configuration: settings)
            tls = address.tls == .require ? .require(context) : .prefer(context)
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return .init(host: address.host, port: address.port, username: address.user, password: address.password, database: address.database, tls: tls)
    }

    /// Runs a query and collects its rows.
    @discardableResult
    public func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
            return rows
        } catch {
            throw Failure(Self.words(error))
        }
    }

    /// Runs SQL holding any number of statements (a migration), one statement after another.
    public func script(_ sql: String) async throws {
        for statement in SQLScript.statements(sql) {
            try await rows(PostgresQuery(unsafeSQL: statement))
        }
    }

    /// What the server said, without the client's internals: its message, detail and hint.
    public static func words(_ error: any Error) -> String {
        if let failure = error as? Failure { return failure.description }
        if let error = error as? PSQLError {
            if let info = error.serverInfo, let message = info[.message] {
                var text = message
                if let detail = info[.detail] { text += " (\(detail))" }
                if let hint = info[.hint] { text += " \(hint)" }
                return text
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// The SQLSTATE of a server error, when it was one.
    public static func state(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}

/// Waits for async work from synchronous code (the command line).
public func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = Box<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

private final class Box<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
