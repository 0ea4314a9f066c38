import Foundation
import PostgresNIO
import Region
import Testing

/// The PostgreSQL server the tests use: `IWOTCH_TEST_DATABASE_URL` (Scripts/test starts a
/// throwaway one and sets it). Each test makes its own database and drops it afterwards; login
/// roles are named per test, since roles belong to the whole cluster.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["IWOTCH_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var available: Bool { url != nil }

    static var admin: DatabaseAddress {
        get throws { try DatabaseAddress.parse(url!, from: "IWOTCH_TEST_DATABASE_URL") }
    }

    /// A new empty database, migrated, handed to `body` as the owner's address; dropped afterwards.
    static func withDatabase(migrated: Bool = true, _ body: (DatabaseAddress) async throws -> Void) async throws {
        let admin = try admin
        let name = "iwotch_t_" + UUID().uuidString.prefix(8).lowercased()
        try await RegionDatabase.with(admin) { try await $0.script("CREATE DATABASE \(name)") }
        var address = admin
        address.database = name
        do {
            if migrated { _ = try await RegionDatabase.with(address) { try await Migrations.migrate($0) } }
            try await body(address)
        } catch {
            try? await drop(name)
            throw error
        }
        try await drop(name)
    }

    static func drop(_ name: String) async throws {
        try await RegionDatabase.with(try admin) { try await $0.script("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    /// A login role that is a member of `group`, named uniquely; its address (trust on the
    /// throwaway server's private socket, so no password).
    static func role(_ group: String, in address: DatabaseAddress, label: String) async throws -> DatabaseAddress {
        let name = "\(label)_" + UUID().uuidString.prefix(6).lowercased()
        try await RegionDatabase.with(address) { try await $0.script("CREATE ROLE \(name) LOGIN IN ROLE \(group)") }
        var role = address
        role.user = name
        return role
    }

    /// Runs SQL as the owner.
    static func owner(_ address: DatabaseAddress, _ sql: String) async throws {
        try await RegionDatabase.with(address) { try await $0.script(sql) }
    }
}

@Suite struct TestServerTests {
    /// In CI the server must be there: a run that silently skipped every database test would pass.
    @Test func theServerIsGivenInCI() {
        if ProcessInfo.processInfo.environment["CI"].map({ !$0.isEmpty }) == true {
            #expect(TestServer.available, "CI is set but IWOTCH_TEST_DATABASE_URL is not: Scripts/test starts a throwaway PostgreSQL and sets it; run the tests through Scripts/test.")
        }
    }
}
