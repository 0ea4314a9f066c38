import Foundation
import PostgresNIO
import Region
import Testing
import TestSupport

/// Over TCP, as a laptop connects: the password from the environment (never the command line),
/// and TLS used when the server offers it and insisted on with sslmode=require. Needs the
/// throwaway server's loopback listener (IWOTCH_TEST_DATABASE_TCP, set by Scripts/pg-throwaway).
@Suite(.enabled(if: TestServer.available && ProcessInfo.processInfo.environment["IWOTCH_TEST_DATABASE_TCP"] != nil,
                "IWOTCH_TEST_DATABASE_TCP is not set (Scripts/test sets it with its throwaway server)"))
struct ConnectionTests {
    static let tcp = ProcessInfo.processInfo.environment["IWOTCH_TEST_DATABASE_TCP"] ?? ""

    /// Whether the connection of `address` is encrypted, as the server sees it.
    static func encrypted(_ address: DatabaseAddress) async throws -> Bool {
        try await RegionDatabase.with(address) { db in
            try await db.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first!.decode(Bool.self)
        }
    }

    @Test func aPasswordFromTheEnvironmentAndTLSWhenOfferedOrRequired() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            let role = "laptop_" + UUID().uuidString.prefix(6).lowercased()
            let secret = UUID().uuidString
            try await TestServer.owner(address, """
                CREATE ROLE \(role) LOGIN PASSWORD '\(secret)' IN ROLE iwotch_facilitator;
                INSERT INTO iwotch.facilitator_sites VALUES ('\(role)', 's1');
                """)
            let base = "postgres://\(role)@\(Self.tcp)/\(address.database)"
            for (mode, expected) in [("", true), ("?sslmode=prefer", true), ("?sslmode=require", true), ("?sslmode=disable", false)] {
                let resolved = try #require(try DatabaseAddress.resolve(option: base + mode, environment: ["PGPASSWORD": secret]))
                #expect(try await Self.encrypted(resolved) == expected, "\(mode)")
            }
            // A wrong password is a clear failure.
            let wrong = try #require(try DatabaseAddress.resolve(option: base, environment: ["PGPASSWORD": "not-it"]))
            await #expect(throws: RegionDatabase.Failure.self) { try await Self.encrypted(wrong) }

            // The command line: the password from PGPASSWORD, TLS required.
            let run = try BuiltBinary.run(["sync", "--database", base + "?sslmode=require", "--journal", laptops.live("A").deletingLastPathComponent().path],
                                          environment: ["PGPASSWORD": secret, "PGPASSFILE": "/nonexistent"])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.stdout.contains("Sent 19 lines of 2 deliveries"))
            #expect(!run.output.contains(secret))
            let failed = try BuiltBinary.run(["sync", "--database", base, "--journal", laptops.live("A").deletingLastPathComponent().path],
                                             environment: ["PGPASSWORD": "not-it", "PGPASSFILE": "/nonexistent"])
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("password authentication failed"), "\(failed.stderr)")
        }
    }

    /// sslmode=verify-full against the throwaway server, whose certificate a throwaway authority
    /// signed for the name localhost only (Scripts/pg-throwaway): trusted and encrypted by that
    /// name; refused, with words saying why, by another name for the same server or without the
    /// authority's certificate.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["IWOTCH_TEST_DATABASE_CA"] != nil, "IWOTCH_TEST_DATABASE_CA is not set (Scripts/pg-throwaway sets it)"))
    func verifyFullChecksTheAuthorityAndTheHostName() async throws {
        let ca = ProcessInfo.processInfo.environment["IWOTCH_TEST_DATABASE_CA"]!
        let port = Self.tcp.split(separator: ":").last.map(String.init) ?? ""
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            let role = "laptop_" + UUID().uuidString.prefix(6).lowercased()
            let secret = UUID().uuidString
            try await TestServer.owner(address, """
                CREATE ROLE \(role) LOGIN PASSWORD '\(secret)' IN ROLE iwotch_facilitator;
                INSERT INTO iwotch.facilitator_sites VALUES ('\(role)', 's1');
                """)
            let environment = ["PGPASSWORD": secret, "HOME": "/nonexistent"]
            func target(_ host: String, _ query: String) throws -> DatabaseAddress {
                try #require(try DatabaseAddress.resolve(option: "postgres://\(role)@\(host):\(port)/\(address.database)?sslmode=verify-full" + query, environment: environment))
            }
            #expect(try await Self.encrypted(try target("localhost", "&sslrootcert=\(ca)")) == true)
            // PGSSLROOTCERT names the authority as well as ?sslrootcert= does.
            let fromEnvironment = try #require(try DatabaseAddress.resolve(option: "postgres://\(role)@localhost:\(port)/\(address.database)?sslmode=verify-full",
                                                                          environment: environment.merging(["PGSSLROOTCERT": ca]) { $1 }))
            #expect(try await Self.encrypted(fromEnvironment) == true)

            // The same server by a name its certificate does not hold.
            do {
                _ = try await Self.encrypted(try target("127.0.0.1", "&sslrootcert=\(ca)"))
                Issue.record("verify-full accepted a certificate for localhost at 127.0.0.1")
            } catch let failure as RegionDatabase.Failure {
                #expect(failure.description.contains("the server's certificate is not for the host name 127.0.0.1 (sslmode=verify-full)"), "\(failure.description)")
                #expect(!failure.unreachable)
            }
            // An authority this machine does not trust (the system's, not the throwaway one).
            do {
                _ = try await Self.encrypted(try target("localhost", ""))
                Issue.record("verify-full accepted a certificate from an authority not trusted")
            } catch let failure as RegionDatabase.Failure {
                #expect(failure.description.contains("not signed by an authority this machine trusts"), "\(failure.description)")
            }
            // The command line says the same, sends nothing, and exits 1.
            let journal = laptops.live("A").deletingLastPathComponent().path
            let run = try BuiltBinary.run(["sync", "--journal", journal, "--database", "postgres://\(role)@127.0.0.1:\(port)/\(address.database)?sslmode=verify-full&sslrootcert=\(ca)"],
                                          environment: environment.merging(["PGPASSFILE": "/nonexistent"]) { $1 })
            #expect(run.status == 1, "\(run.output)")
            #expect(run.stderr.contains("Refused postgres://\(role)@127.0.0.1:\(port)/\(address.database): the server's certificate is not for the host name 127.0.0.1"), "\(run.stderr)")
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 0)
        }
    }
}
