import Foundation
import PostgresNIO
import Region
import Testing

/// Access by borough, enforced by PostgreSQL: each test connects as each role and shows what it
/// can and cannot do. North is sites S1 and S2 (D1, D2, D3: 29 lines); South is S3 (D4, D5: 20).
@Suite(.enabled(if: TestServer.available, "IWOTCH_TEST_DATABASE_URL is not set (Scripts/test sets it)"))
struct AccessTests {
    struct Roles {
        var owner, facilitatorS1, facilitatorS3, north, region, stranger: DatabaseAddress
    }

    static func roles(_ address: DatabaseAddress) async throws -> Roles {
        try await SyncTests.addSites(address)
        let roles = Roles(
            owner: address,
            facilitatorS1: try await TestServer.role("iwotch_facilitator", in: address, label: "fac_s1"),
            facilitatorS3: try await TestServer.role("iwotch_facilitator", in: address, label: "fac_s3"),
            north: try await TestServer.role("iwotch_supervisor", in: address, label: "sup_north"),
            region: try await TestServer.role("iwotch_region", in: address, label: "region"),
            stranger: try await TestServer.role("pg_monitor", in: address, label: "stranger"))
        try await TestServer.owner(address, """
            INSERT INTO iwotch.facilitator_sites VALUES ('\(roles.facilitatorS1.user)', 's1'), ('\(roles.facilitatorS3.user)', 's3');
            INSERT INTO iwotch.supervisor_boroughs VALUES ('\(roles.north.user)', 'north');
            """)
        return roles
    }

    /// What a statement gives as `role`: its first column as a number, or the server's words.
    static func attempt(_ role: DatabaseAddress, _ sql: String) async throws -> String {
        try await RegionDatabase.with(role) { db in
            do {
                let rows = try await db.rows(PostgresQuery(unsafeSQL: sql))
                return rows.first.map { (try? $0.decode(Int.self)).map(String.init) ?? "row" } ?? "done"
            } catch {
                return "\(error)"
            }
        }
    }

    @Test func facilitatorsAddOnlyForTheirSitesAndReadNoEvents() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            let roles = try await Self.roles(address)
            #expect(try await SyncTests.sync(roles.facilitatorS1, laptops.live("A")).map(\.sent) == [10, 9])
            // Laptop C's deliveries are at S3: the S1 facilitator's role may not add them.
            let refused = try await SyncTests.sync(roles.facilitatorS1, laptops.live("C"))
            #expect(refused.map(\.sent) == [0, 0])
            #expect(refused.allSatisfy { $0.problem?.contains("row-level security") == true })
            #expect(try await SyncTests.sync(roles.facilitatorS3, laptops.live("C")).map(\.sent) == [10, 10])
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 39)
            // No events to read; of the deliveries, only the heads of its own site's two.
            #expect(try await Self.attempt(roles.facilitatorS1, "SELECT count(*) FROM iwotch.events").contains("permission denied"))
            #expect(try await Self.attempt(roles.facilitatorS1, "SELECT count(*) FROM iwotch.deliveries") == "2")
            #expect(try await Self.attempt(roles.facilitatorS1, "SELECT count(*) FROM iwotch.sites").contains("permission denied"))
        }
    }

    @Test func boroughSupervisorsReadTheirBoroughsAndTheRegionReadsAll() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            let roles = try await Self.roles(address)
            for laptop in ["A", "B", "C"] { _ = try await SyncTests.sync(roles.owner, laptops.live(laptop)) }
            #expect(try await Self.attempt(roles.north, "SELECT count(*) FROM iwotch.events") == "29")
            #expect(try await Self.attempt(roles.north, "SELECT count(*) FROM iwotch.deliveries") == "3")
            #expect(try await Self.attempt(roles.north, "SELECT count(*) FROM iwotch.events WHERE site = 's3'") == "0")
            #expect(try await Self.attempt(roles.region, "SELECT count(*) FROM iwotch.events") == "49")
            let north = try await RegionDatabase.with(roles.north) { try await StoredJournal.all($0) }
            #expect(north.map(\.delivery) == [Laptops.plan[0].delivery, Laptops.plan[2].delivery, Laptops.plan[1].delivery])
            // Someone with no iwotch role reads nothing at all.
            #expect(try await Self.attempt(roles.stranger, "SELECT count(*) FROM iwotch.events").contains("permission denied"))
            // Supervisors read; they do not add.
            let outcomes = try await SyncTests.sync(roles.region, laptops.live("A"))
            #expect(outcomes.allSatisfy { $0.sent == 0 })
            #expect(try await Self.attempt(roles.north, "INSERT INTO iwotch.events (line) VALUES ('\\x7b7d')").contains("permission denied"))
        }
    }

    @Test func noRoleCanChangeOrRemoveAnEvent() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            let roles = try await Self.roles(address)
            _ = try await SyncTests.sync(roles.facilitatorS1, laptops.live("A"))
            for role in [roles.facilitatorS1, roles.north, roles.region, roles.stranger] {
                for sql in ["UPDATE iwotch.events SET actor = 'X'", "DELETE FROM iwotch.events", "TRUNCATE iwotch.events",
                            "UPDATE iwotch.deliveries SET head_seq = 1"] {
                    let result = try await Self.attempt(role, sql)
                    #expect(result.contains("permission denied"), "\(role.user): \(sql) gave \(result)")
                }
            }
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 19)
        }
    }
}
