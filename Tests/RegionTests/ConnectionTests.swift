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
}
