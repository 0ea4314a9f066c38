import Foundation
import Journal
import PostgresNIO
import Region
import Testing

/// `iwotch sync`'s guarantees, against a real server: every event once however often and in
/// whatever order laptops sync, a cut-short sync finished by the next, conflicts refused and named.
@Suite(.enabled(if: TestServer.available, "IWOTCH_TEST_DATABASE_URL is not set (Scripts/test sets it)"))
struct SyncTests {
    static func journals(_ folder: URL) throws -> [LocalJournal] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        return try names.map { try LocalJournal.read(folder.appendingPathComponent($0)) }
    }

    static func sync(_ address: DatabaseAddress, _ folder: URL) async throws -> [Sync.Outcome] {
        let journals = try journals(folder)
        return try await RegionDatabase.with(address) { try await Sync.run($0, journals: journals) }
    }

    static func count(_ address: DatabaseAddress, _ sql: String) async throws -> Int {
        try await RegionDatabase.with(address) { db in
            try await db.rows(PostgresQuery(unsafeSQL: sql)).first!.decode(Int.self)
        }
    }

    static func addSites(_ address: DatabaseAddress) async throws {
        try await TestServer.owner(address, """
            INSERT INTO iwotch.boroughs VALUES ('north'), ('south');
            INSERT INTO iwotch.sites VALUES ('s1', 'north'), ('s2', 'north'), ('s3', 'south');
            """)
    }

    @Test func migratingTwiceAppliesTheSchemaOnce() async throws {
        try await TestServer.withDatabase(migrated: false) { address in
            let first = try await RegionDatabase.with(address) { try await Migrations.migrate($0) }
            let second = try await RegionDatabase.with(address) { try await Migrations.migrate($0) }
            #expect(first == [1, 2])
            #expect(second == [])
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.schema_version WHERE version = 1") == 1)
        }
    }

    @Test func threeLaptopsInAnyOrderTwiceStoreEveryEventOnce() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            for laptop in ["C", "A", "B", "A", "C", "B"] { _ = try await Self.sync(address, laptops.live(laptop)) }
            // 10 + 9 + 10 + 10 + 10 lines (Laptops), each once.
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 49)
            #expect(try await Self.count(address, "SELECT count(DISTINCT event_id) FROM iwotch.events") == 49)
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.deliveries") == 5)
            // A second round sends nothing.
            for laptop in ["B", "C", "A"] {
                let outcomes = try await Self.sync(address, laptops.live(laptop))
                #expect(outcomes.allSatisfy { $0.sent == 0 && $0.problem == nil })
            }
            // What is stored is each file byte for byte, and its chain checks as the file's does.
            let stored = try await RegionDatabase.with(address) { try await StoredJournal.all($0) }
            #expect(stored.count == 5)
            for journal in stored {
                let laptop = Laptops.plan.first { $0.delivery == journal.delivery }!.laptop
                let file = try Data(contentsOf: laptops.live(laptop).appendingPathComponent(journal.delivery + ".jsonl"))
                #expect(journal.data == file, "\(journal.delivery) differs from its file")
                #expect(journal.fileName == journal.delivery + ".jsonl")
            }
            let check = JournalCheck.run(stored.map(\.url), load: { url in stored.first { $0.url == url }!.data })
            #expect(check.errorCount == 0)
            // The region guide's chain check in SQL alone finds nothing wrong.
            #expect(try await Self.count(address, """
                SELECT count(*) FROM iwotch.events e
                LEFT JOIN iwotch.events p ON p.delivery_id = e.delivery_id AND p.seq = e.seq - 1
                WHERE e.prev IS DISTINCT FROM p.hash OR e.hash <> 'sha256:' || encode(sha256(e.line), 'hex')
                """) == 0)
        }
    }

    @Test func anOpenDeliverySyncsAndItsLaterLinesFollow() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            let first = try await Self.sync(address, laptops.live("A"))
            #expect(first.map(\.sent) == [10, 9])
            // D2 is closed on the laptop afterwards: one line more, and only it is sent.
            var d2 = TestWriter(delivery: Laptops.plan[1].delivery, seed: 2)
            d2.delivery(site: "S1", group: "G2", day: 1, closed: true, quality: 1)
            try d2.save(in: laptops.live("A"))
            let status = try await RegionDatabase.with(address) { [journals = try Self.journals(laptops.live("A"))] in
                try await Sync.status($0, journals: journals)
            }
            #expect(status.map(\.waiting) == [0, 1])
            let second = try await Self.sync(address, laptops.live("A"))
            #expect(second.map(\.sent) == [0, 1])
            #expect(try await Self.count(address, "SELECT head_seq FROM iwotch.deliveries WHERE delivery_id = '\(Laptops.plan[1].delivery)'") == 10)
        }
    }

    /// A line still being written (no newline yet) is left for the next sync.
    @Test func aTornLastLineIsNotSent() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let file = laptops.live("B").appendingPathComponent(Laptops.plan[2].delivery + ".jsonl")
        var bytes = try Data(contentsOf: file)
        bytes.removeLast(5)
        try bytes.write(to: file)
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            let outcomes = try await Self.sync(address, laptops.live("B"))
            #expect(outcomes.map(\.sent) == [9])
            #expect(outcomes[0].problem == nil)
        }
    }

    struct Stop: Error {}

    /// A sync stopped after its second commit (one delivery a transaction), as a kill between
    /// transactions leaves it: two whole deliveries stored and nothing of the others; the next
    /// run sends the rest.
    @Test func aSyncCutShortLeavesWholeDeliveriesAndTheNextFinishesIt() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            let journals = try Self.journals(laptops.live("A")) + Self.journals(laptops.live("C"))
            await #expect(throws: Stop.self) {
                try await RegionDatabase.with(address) {
                    try await Sync.run($0, journals: journals, linesPerTransaction: 1) { if $0 == 2 { throw Stop() } }
                }
            }
            // D1 (10 lines) and D2 (9) went in the first two transactions.
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 19)
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.deliveries") == 2)
            let rest = try await RegionDatabase.with(address) { try await Sync.run($0, journals: journals) }
            #expect(rest.map(\.sent) == [0, 0, 10, 10])
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 39)
        }
    }

    /// A laptop whose journal differs from what the database holds (other ratings on lines 7 and
    /// 8, the last stored) is told the delivery and line; nothing stored changes.
    @Test func aDifferingJournalIsRefusedAndNamedWithItsLine() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            // The database holds D3's first 8 lines.
            var shorter = TestWriter(delivery: Laptops.plan[2].delivery, seed: 3)
            shorter.delivery(site: "S2", group: "G3", day: 2, closed: true, quality: 2)
            let folder = laptops.root.appendingPathComponent("early/live")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try shorter.lines.prefix(8).reduce(into: Data()) { $0.append($1); $0.append(0x0A) }
                .write(to: folder.appendingPathComponent(shorter.delivery + ".jsonl"))
            #expect(try await Self.sync(address, folder).map(\.sent) == [8])
            // Laptop B's journal rates i1 and i2 partly (quality 4), not "not delivered" and fully (quality 2).
            var other = TestWriter(delivery: Laptops.plan[2].delivery, seed: 3)
            other.delivery(site: "S2", group: "G3", day: 2, closed: true, quality: 4)
            try other.save(in: laptops.live("B"))
            let outcomes = try await Self.sync(address, laptops.live("B"))
            #expect(outcomes[0].sent == 0)
            let problem = try #require(outcomes[0].problem)
            #expect(problem.contains("\(Laptops.plan[2].delivery).jsonl:8: line 8 of delivery \(Laptops.plan[2].delivery) differs from the line 8 the database holds"))
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 8)
            let stored = try await RegionDatabase.with(address) { try await StoredJournal.all($0) }
            #expect(stored[0].data == shorter.lines.prefix(8).reduce(into: Data()) { $0.append($1); $0.append(0x0A) })
        }
    }

    /// The database itself refuses a line whose prev is not its delivery's stored head, whoever
    /// sends it: here the owner, straight in SQL, skipping line 2.
    @Test func theDatabaseRefusesALineThatDoesNotChainToTheStoredHead() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            var writer = TestWriter(delivery: Laptops.plan[0].delivery, seed: 1)
            writer.delivery(site: "S1", group: "G1", day: 0, closed: true, quality: 0)
            let d1 = writer
            let message = try await RegionDatabase.with(address) { db -> String in
                try await db.rows("INSERT INTO iwotch.events (line) VALUES (\(ByteBuffer(bytes: d1.lines[0])))")
                do {
                    try await db.rows("INSERT INTO iwotch.events (line) VALUES (\(ByteBuffer(bytes: d1.lines[2])))")
                    return "accepted"
                } catch { return "\(error)" }
            }
            #expect(message.contains("delivery \(d1.delivery) line 3: the database holds this delivery up to another line"))
            // The same first line again is no change; line 2 then follows.
            try await RegionDatabase.with(address) { db in
                try await db.rows("INSERT INTO iwotch.events (line) VALUES (\(ByteBuffer(bytes: d1.lines[0])))")
                try await db.rows("INSERT INTO iwotch.events (line) VALUES (\(ByteBuffer(bytes: d1.lines[1])))")
            }
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 2)
        }
    }

    @Test func aSiteTheRegionDoesNotKnowIsRefusedWithWhatToDo() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await TestServer.owner(address, "INSERT INTO iwotch.boroughs VALUES ('north'); INSERT INTO iwotch.sites VALUES ('s1', 'north')")
            let outcomes = try await Self.sync(address, laptops.live("B"))
            #expect(outcomes[0].sent == 0)
            #expect(outcomes[0].problem?.contains("site S2 is not one of the region's sites") == true)
            #expect(outcomes[0].problem?.contains("iwotch.sites") == true)
        }
    }

    /// Reports from the database name a delivery by its laptop's file name, so two deliveries
    /// under one name would be one file: the second is refused, and nothing of it stored.
    @Test func twoDeliveriesUnderOneFileNameAreRefused() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let renamed = laptops.root.appendingPathComponent("renamed/live")
        try FileManager.default.createDirectory(at: renamed, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: laptops.live("A").appendingPathComponent(Laptops.plan[0].delivery + ".jsonl"),
                                         to: renamed.appendingPathComponent("today.jsonl"))
        let other = laptops.root.appendingPathComponent("other/live")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: laptops.live("B").appendingPathComponent(Laptops.plan[2].delivery + ".jsonl"),
                                         to: other.appendingPathComponent("today.jsonl"))
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            #expect(try await Self.sync(address, renamed).map(\.sent) == [10])
            let refused = try await Self.sync(address, other)
            #expect(refused.map(\.sent) == [0])
            #expect(refused[0].problem?.contains("deliveries_file_name_key") == true, "\(refused[0].problem ?? "")")
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 10)
        }
    }

    @Test func eventsCannotBeChangedOrRemovedEvenByTheOwner() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await Self.addSites(address)
            _ = try await Self.sync(address, laptops.live("B"))
            for sql in ["UPDATE iwotch.events SET actor = 'X'", "DELETE FROM iwotch.events", "TRUNCATE iwotch.events CASCADE"] {
                let refused = try await RegionDatabase.with(address) { db -> String in
                    do { try await db.script(sql); return "done" } catch { return "\(error)" }
                }
                #expect(refused.contains("events are append-only"), "\(sql): \(refused)")
            }
            #expect(try await Self.count(address, "SELECT count(*) FROM iwotch.events") == 10)
        }
    }
}
