import Foundation
import Region
import Testing
import TestSupport

/// `iwotch sync` killed (SIGKILL) while it sends: the database holds whole deliveries only, each
/// exactly as far as its journal, and the next run sends the rest; every event is then stored once.
@Suite(.enabled(if: TestServer.available, "IWOTCH_TEST_DATABASE_URL is not set (Scripts/test sets it)"))
struct KillTests {
    @Test func aKilledSyncLeavesWholeDeliveriesAndTheNextFinishesIt() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        // Laptop A also carries a region of 1400 deliveries (1200 closed of 10 lines, 200 open of 9:
        // 13800 lines), so its sync takes several transactions of about 4000 lines.
        try Laptops.region(1400, in: laptops.live("A"))
        try await TestServer.withDatabase { address in
            try await TestServer.owner(address, "INSERT INTO iwotch.boroughs VALUES ('north'), ('south');"
                + (1...12).map { "INSERT INTO iwotch.sites VALUES ('s\($0)', '\($0 <= 2 ? "north" : "south")');" }.joined())
            let url = ReportFromDatabaseTests.url(address)
            func sync(_ laptop: String) throws -> CommandRun {
                try BuiltBinary.run(["sync", "--database", url, "--journal", laptops.live(laptop).deletingLastPathComponent().path])
            }
            #expect(try sync("C").status == 0)

            // Laptop A's sync is killed once the first of its transactions is committed.
            let process = Process()
            process.executableURL = BuiltBinary.iwotch
            process.arguments = ["sync", "--database", url, "--journal", laptops.live("A").deletingLastPathComponent().path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var storedAtKill = 0
            for _ in 0..<2000 {
                storedAtKill = try await SyncTests.count(address, "SELECT count(*) FROM iwotch.deliveries")
                if storedAtKill > 2 || !process.isRunning { break }
                try await Task.sleep(for: .milliseconds(5))
            }
            let killedMidway = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            // Every delivery stored is whole: as many lines as its journal, the last hash its file's.
            let partial = try await SyncTests.count(address, """
                SELECT count(*) FROM iwotch.deliveries d
                WHERE d.head_seq <> (SELECT count(*) FROM iwotch.events e WHERE e.delivery_id = d.delivery_id)
                   OR d.head_seq < CASE WHEN d.delivery_id LIKE '%-r%' AND (substring(d.delivery_id from '-r([0-9]+)$')::int % 7) = 0 THEN 9
                                        WHEN d.delivery_id = '\(Laptops.plan[1].delivery)' THEN 9 ELSE 10 END
                """)
            #expect(partial == 0)
            let afterKill = try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events")
            #expect(afterKill < 20 + 13800 + 19, "the kill came after the sync had finished; nothing was cut short")
            #expect(killedMidway)

            for laptop in ["B", "A", "C", "A"] { #expect(try sync(laptop).status == 0) }
            // 49 lines of the three laptops and 13800 of the region, each once.
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 49 + 13800)
            #expect(try await SyncTests.count(address, "SELECT count(DISTINCT event_id) FROM iwotch.events") == 49 + 13800)
            let check = try BuiltBinary.run(["db", "check", "--database", url])
            #expect(check.status == 0)
            // One warning per open delivery, as `journal check` gives for its file.
            #expect(check.stdout.contains("1405 journals checked (1204 closed, 201 open): 0 errors, 201 warnings"), "\(check.stdout)")
        }
    }
}
