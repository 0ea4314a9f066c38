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
        /// The server could not be reached at all (no answer, refused, unknown host), as opposed
        /// to a server that answered and said no.
        public var unreachable = false
        public init(_ description: String, unreachable: Bool = false) { self.description = description; self.unreachable = unreachable }
    }

    /// Connects, runs `work`, closes (also when `work` throws).
    public static func with<T: Sendable>(_ address: DatabaseAddress, _ work: @escaping @Sendable (RegionDatabase) async throws -> T) async throws -> T {
        // The client's own log would reach standard output: only what it thinks critical.
        var logger = Logger(label: "iwotch.region")
        logger.logLevel = .critical
        let connection = try await connect(address, logger: logger)
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

    /// Connects, or says why not within the address's `connectTimeout`. The wait is bounded here,
    /// not only by the client's TCP connect timeout: a server (or a venue's captive portal) that
    /// takes the connection and never answers would otherwise hold a laptop for ever.
    static func connect(_ address: DatabaseAddress, logger: Logger) async throws -> PostgresConnection {
        let configuration = try configuration(address)
        let gate = Gate<PostgresConnection>()
        let seconds = address.connectTimeout
        let outcome: Result<PostgresConnection, any Error> = await withCheckedContinuation { continuation in
            gate.set(continuation)
            Task {
                do {
                    let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
                    if !gate.resume(.success(connection)) { try? await connection.close() }
                } catch {
                    gate.resume(.failure(error))
                }
            }
            Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
                gate.resume(.failure(Failure("no answer within \(seconds) seconds", unreachable: true)))
            }
        }
        switch outcome {
        case .success(let connection): return connection
        case .failure(let error): throw connectFailure(error, address: address)
        }
    }

    /// Why a connection failed, in words that say what to do.
    static func connectFailure(_ error: any Error, address: DatabaseAddress) -> Failure {
        let display = address.display
        if let failure = error as? Failure, failure.unreachable {
            return Failure("Could not reach \(display): \(failure.description) (connect_timeout). The server is down or not reachable from this network; nothing was sent or changed.", unreachable: true)
        }
        let said = Self.words(error)
        let raw = String(reflecting: error) + ((error as? PSQLError)?.underlying.map { " " + String(reflecting: $0) } ?? "")
        // Only verify-full checks certificates, so only there is a handshake failure about one.
        let verifying = address.tls == .verifyFull
        if verifying, raw.contains("failedToValidateHostname") || raw.contains("HOSTNAME_MISMATCH") || raw.contains("Hostname") {
            return Failure("Refused \(display): the server's certificate is not for the host name \(address.host) (sslmode=verify-full). Connect by the name its certificate was made for, or ask the region's IT team for a certificate that names this host; nothing was sent.")
        }
        if verifying, raw.contains("CERTIFICATE_VERIFY_FAILED") || raw.contains("certificate verify failed") || raw.contains("handshakeFailed") {
            return Failure("Refused \(display): the server's certificate is not signed by an authority this machine trusts (sslmode=verify-full). Give the region's CA certificate with ?sslrootcert=FILE or PGSSLROOTCERT (Manuals/region-guide.md); nothing was sent.")
        }
        if let psql = error as? PSQLError, psql.serverInfo == nil, psql.code == .connectionError || psql.code == .serverClosedConnection {
            return Failure("Could not reach \(display): \(networkReason(raw) ?? said). The server is down or not reachable from this network; nothing was sent or changed.", unreachable: true)
        }
        return Failure("Could not connect to \(display): \(said). Check the URL, that the server is running, and the password (~/.pgpass or PGPASSWORD).")
    }

    /// The client's own connect timeout, a little longer than the wait `connect` bounds, so the
    /// bound (and its words) is the one that applies; the client's then ends the abandoned attempt.
    static func clientTimeout(_ address: DatabaseAddress) -> TimeAmount { .seconds(Int64(address.connectTimeout) + 5) }

    /// The system's words for the last `errno: N` the client's error names ("Connection refused"),
    /// rather than its internals.
    static func networkReason(_ raw: String) -> String? {
        guard let range = raw.range(of: "errno: ", options: .backwards) else { return nil }
        let digits = raw[range.upperBound...].prefix { $0.isNumber }
        guard let code = Int32(digits) else { return nil }
        return String(cString: strerror(code))
    }

    static func configuration(_ address: DatabaseAddress) throws -> PostgresConnection.Configuration {
        if let socket = address.socketPath {
            // No TLS over a local socket, as libpq; sslmode=require cannot be met there.
            if address.tls == .require || address.tls == .verifyFull {
                throw Failure("sslmode=\(address.tls.rawValue) cannot be met over a local socket (\(socket)); give a host name instead of ?host=.")
            }
            var configuration = PostgresConnection.Configuration(unixSocketPath: socket, username: address.user, password: address.password, database: address.database)
            configuration.options.connectTimeout = clientTimeout(address)
            return configuration
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
            // The certificate must chain to a trusted authority and name the host connected to.
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .fullVerification
            if let file = address.rootCertificate {
                guard FileManager.default.isReadableFile(atPath: file) else {
                    throw Failure("sslmode=verify-full: the authority's certificate \(file) (sslrootcert or PGSSLROOTCERT) cannot be read.")
                }
                settings.trustRoots = .file(file)
            }
            tls = .require(try NIOSSLContext(configuration: settings))
        }
        var configuration = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user, password: address.password, database: address.database, tls: tls)
        configuration.options.connectTimeout = clientTimeout(address)
        return configuration
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

    /// Runs a statement and gives the number of rows it inserted, updated or deleted.
    public func affected(_ query: PostgresQuery) async throws -> Int {
        do {
            return try await connection.query(query, logger: logger).get().metadata.rows ?? 0
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

/// The first of several racing outcomes, handed on once.
private final class Gate<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<T, any Error>, Never>?
    private var done = false

    func set(_ continuation: CheckedContinuation<Result<T, any Error>, Never>) {
        lock.lock(); defer { lock.unlock() }
        self.continuation = continuation
    }

    /// Whether this outcome was the first (and so was handed on).
    @discardableResult
    func resume(_ outcome: Result<T, any Error>) -> Bool {
        lock.lock()
        guard !done, let continuation else { lock.unlock(); return false }
        done = true
        self.continuation = nil
        lock.unlock()
        continuation.resume(returning: outcome)
        return true
    }
}
