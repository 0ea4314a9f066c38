import Foundation
import Journal
import PostgresNIO
import Region
import Testing
import TestSupport

/// Erasing a participant's records on a laptop: tombstones keep every line's place and hash, so
/// the chain still checks. Laptop A's D1 (Laptops, seed 1, site S1, group G1) is: 1 opened,
/// 2 G1-P1 enrolled, 3 G1-P2 enrolled, 4 G1-P1 present, 5 G1-P2 absent, 6 activity started,
/// 7-8 ratings, 9 activity ended, 10 closed (2 participants, 1 present, 1 absent).
@Suite struct JournalErasureTests {
    static let d1 = "2026-03-02-G1-day-a-d1"

    static func lines(_ url: URL) throws -> [Data] {
        RawJournal(data: try Data(contentsOf: url)).lines.map { Data($0.bytes) }
    }

    @Test func theLinesNamingTheParticipantAreChosenWithoutCase() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let lines = try Self.lines(laptops.live("A").appendingPathComponent(Self.d1 + ".jsonl"))
        let planned = Erasure.plan(lines, Erasure.Request(site: "s1", group: "g1", participant: "g1-p2"))
        #expect(planned.map(\.index) == [2, 4])
        #expect(planned.map(\.tombstone.seq) == [3, 5])
        #expect(planned[0].tombstone.erased == lineHash(lines[2]))
        #expect(planned[0].tombstone.prev == lineHash(lines[1]))
        // Another group or site: nothing.
        #expect(Erasure.plan(lines, Erasure.Request(site: "S1", group: "G2", participant: "G1-P2")).isEmpty)
        #expect(Erasure.plan(lines, Erasure.Request(site: "S2", group: "G1", participant: "G1-P2")).isEmpty)
    }

    @Test func anErasedJournalStillChecksAndSaysHowManyLinesWereErased() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let url = laptops.live("A").appendingPathComponent(Self.d1 + ".jsonl")
        let before = try Self.lines(url)
        #expect(try Erasure.rewrite(url, Erasure.Request(site: "S1", group: "G1", participant: "G1-P2")) == 2)
        let after = try Self.lines(url)
        #expect(after.count == 10)
        for index in [0, 1, 3, 5, 6, 7, 8, 9] { #expect(after[index] == before[index], "line \(index + 1) changed") }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(!text.contains("G1-P2"))
        // Nor the erased events' random ids, without which their hashes cannot be reversed by trying codes.
        #expect(!text.contains("00000000-0000-4000-8000-000001000003") && !text.contains("00000000-0000-4000-8000-000001000005"))
        #expect(text.hasSuffix("\n"))
        // The tombstone of line 3, written out by hand.
        let expected = #"{"delivery":"2026-03-02-G1-day-a-d1","erased":"\#(lineHash(before[2]))","mode":"live","prev":"\#(lineHash(before[1]))","seq":3,"type":"erased"}"#
        #expect(String(decoding: after[2], as: UTF8.self) == expected)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let check = JournalCheck.run([url])
        #expect(check.errorCount == 0, "\(check.diagnostics.map(\.description))")
        #expect(check.diagnostics.map(\.message).contains("2 lines erased on request (a participant's records); the chain still checks through them"))
        // The figures leave the participant out: 1 participant, present.
        let state = try ReadJournal.read(url).state
        #expect(state.summary.participants == 1)
        #expect(state.summary.present == 1)
        #expect(state.summary.absent == 0)
        // Erasing again finds nothing.
        #expect(try Erasure.rewrite(url, Erasure.Request(site: "S1", group: "G1", participant: "G1-P2")) == 0)
    }

    @Test func aCorrectionOfAnErasedLineIsErasedWithIt() throws {
        var writer = TestWriter(delivery: "2026-03-02-G1-day-a-d9", seed: 9)
        writer.delivery(site: "S1", group: "G1", day: 0, closed: true, quality: 0)
        // Line 11: the absence of G9-P2 (line 5) corrected to present.
        let mark = writer.events[4].id
        writer.append(.correction(Correction(refersTo: mark, field: "status", old: .string("absent"), new: .string("present"), reason: "came late")),
                      at: Timestamp.parse("2026-03-02T10:00:00.000Z")!)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-erase-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try writer.save(in: folder)
        let url = folder.appendingPathComponent(writer.delivery + ".jsonl")
        #expect(Erasure.plan(try Self.lines(url), Erasure.Request(site: "S1", group: "G1", participant: "G9-P2")).map(\.tombstone.seq) == [3, 5, 11])
        #expect(try Erasure.rewrite(url, Erasure.Request(site: "S1", group: "G1", participant: "G9-P2")) == 3)
        #expect(JournalCheck.run([url]).errorCount == 0)
    }

    @Test func anEditedTombstoneBreaksTheChain() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let url = laptops.live("A").appendingPathComponent(Self.d1 + ".jsonl")
        _ = try Erasure.rewrite(url, Erasure.Request(site: "S1", group: "G1", participant: "G1-P2"))
        var lines = try Self.lines(url)
        var tombstone = try #require(Tombstone.parse(lines[4]))
        tombstone.erased = "sha256:" + String(repeating: "0", count: 64)
        lines[4] = tombstone.line
        try lines.reduce(into: Data()) { $0.append($1); $0.append(0x0A) }.write(to: url)
        let check = JournalCheck.run([url])
        #expect(check.diagnostics.map(\.message).contains("line 5 does not match the hash recorded on line 6"))
    }

    @Test func anOpenDeliveryIsLeftAlone() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let url = laptops.live("A").appendingPathComponent(Self.d1 + ".jsonl")
        let before = try Data(contentsOf: url)
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: Erasure.FileProblem.self) { try Erasure.rewrite(url, Erasure.Request(site: "S1", group: "G1", participant: "G1-P2")) }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func theCommandScreensTheReasonAndErases() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let folder = laptops.live("A").deletingLastPathComponent().path
        let base = ["journal", "erase", "--journal", folder, "--site", "S1", "--group", "G1", "--participant", "G1-P2"]
        let phone = try BuiltBinary.run(base + ["--reason", "call her on 07700 900123"])
        #expect(phone.status == 2)
        #expect(phone.stderr.contains("This reason looks like it holds a phone number"), "\(phone.stderr)")
        let named = try BuiltBinary.run(base + ["--reason", "request from g1-p2"])
        #expect(named.status == 2)
        #expect(named.stderr.contains("the reason names the participant's code"), "\(named.stderr)")
        let run = try BuiltBinary.run(base + ["--reason", "participant's request, ref IG-14"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout.contains("Erased 2 lines in 1 journal of group G1 at site S1, recorded in erasures.log."), "\(run.stdout)")
        // The laptop's record: the reason and the counts, no code; private.
        let log = laptops.live("A").deletingLastPathComponent().appendingPathComponent("erasures.log")
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: log)) as? [String: Any])
        #expect(entry["reason"] as? String == "participant's request, ref IG-14")
        #expect(entry["lines"] as? Int == 2)
        #expect(entry["journals"] as? Int == 1)
        #expect(!String(decoding: try Data(contentsOf: log), as: UTF8.self).uppercased().contains("G1-P2"))
        #expect((try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int) == 0o600)
        let check = try BuiltBinary.run(["journal", "check", "--journal", folder])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.stderr.contains("warning: 2 lines erased on request"), "\(check.stderr)")
    }
}

/// Erasing in the region's database, against a real server: tombstones in place of the stored
/// lines, the erasure recorded without the code, and a laptop that still holds the lines neither
/// brings them back nor keeps them.
@Suite(.enabled(if: TestServer.available, "IWOTCH_TEST_DATABASE_URL is not set (Scripts/test sets it)"))
struct DatabaseErasureTests {
    static let request = Erasure.Request(site: "S1", group: "G1", participant: "G1-P2")

    static func stored(_ address: DatabaseAddress, _ delivery: String) async throws -> StoredJournal {
        try await RegionDatabase.with(address) { try await StoredJournal.all($0) }.first { $0.delivery == delivery }!
    }

    @Test func erasedInTheDatabaseNotBroughtBackAndErasedOnTheLaptopBySync() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let file = laptops.live("A").appendingPathComponent(JournalErasureTests.d1 + ".jsonl")
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            _ = try await SyncTests.sync(address, laptops.live("A"))
            let outcome = try await RegionDatabase.with(address) { try await DatabaseErasure.run($0, Self.request, reason: "participant's request, ref IG-14") }
            #expect(outcome.lines == 2)
            #expect(outcome.deliveries == 1)
            #expect(outcome.erasure == 1)
            // The record: who, why, how much; no code.
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erasures WHERE reason = 'participant''s request, ref IG-14' AND erased_by = current_user AND lines = 2") == 1)
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erased_lines WHERE erasure_id = 1 AND seq IN (3, 5)") == 2)
            // Stored: no trace of the code, the chain still checks, the check says 2 lines erased.
            let d1 = try await Self.stored(address, JournalErasureTests.d1)
            #expect(!String(decoding: d1.data, as: UTF8.self).contains("G1-P2"))
            let check = JournalCheck.run([d1.url], load: { _ in d1.data })
            #expect(check.errorCount == 0)
            #expect(check.diagnostics.warningCount == 1)
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 19)
            // The typed columns drop what the tombstone drops: the ids are new, the type says erased.
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events WHERE event_type = 'erased' AND actor = '' AND event_id::text NOT LIKE '00000000-0000-4000-8000-%'") == 2)

            // The laptop still holds them: sync sends nothing, says so, and erases them there.
            let status = try await RegionDatabase.with(address) { try await Sync.status($0, journals: try SyncTests.journals(laptops.live("A"))) }
            #expect(status.first { $0.delivery == JournalErasureTests.d1 }?.erasedInDatabase.keys.sorted() == [3, 5])
            let again = try await SyncTests.sync(address, laptops.live("A"))
            #expect(again.allSatisfy { $0.sent == 0 && $0.problem == nil })
            let held = try #require(again.first { $0.delivery == JournalErasureTests.d1 })
            #expect(held.erasedInDatabase.keys.sorted() == [3, 5])
            #expect(try Erasure.rewrite(file) { Erasure.plan($0, seqs: held.erasedInDatabase) } == 2)
            // Now the laptop's file is the stored delivery byte for byte, and nothing more is said.
            #expect(try Data(contentsOf: file) == (try await Self.stored(address, JournalErasureTests.d1)).data)
            let after = try await SyncTests.sync(address, laptops.live("A"))
            #expect(after.allSatisfy { $0.sent == 0 && $0.problem == nil && $0.erasedInDatabase.isEmpty })
        }
    }

    @Test func aLaptopThatErasedFirstSendsItsTombstones() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let file = laptops.live("A").appendingPathComponent(JournalErasureTests.d1 + ".jsonl")
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            #expect(try Erasure.rewrite(file, Self.request) == 2)
            let outcomes = try await SyncTests.sync(address, laptops.live("A"))
            #expect(outcomes.reduce(0) { $0 + $1.sent } == 19)
            #expect(outcomes.allSatisfy { $0.problem == nil })
            #expect(try Data(contentsOf: file) == (try await Self.stored(address, JournalErasureTests.d1)).data)
            // Nothing left to erase in the database.
            let outcome = try await RegionDatabase.with(address) { try await DatabaseErasure.run($0, Self.request, reason: "ref IG-14") }
            #expect(outcome.erasure == nil)
            #expect(outcome.lines == 0)
            // The tombstones are recorded as erased lines, by no erasure of the database's.
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erased_lines WHERE erasure_id IS NULL AND seq IN (3, 5)") == 2)
            #expect(try await SyncTests.sync(address, laptops.live("A")).allSatisfy { $0.erasedOnlyHere.isEmpty && $0.erasedInDatabase.isEmpty })
        }
    }

    @Test func onlyTheRegionOrTheOwnerErasesAndOnlyIntoTombstones() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            _ = try await SyncTests.sync(address, laptops.live("A"))
            // A borough supervisor of north (S1's borough) and a facilitator of S1 may not.
            let supervisor = try await TestServer.role("iwotch_supervisor", in: address, label: "sup")
            let facilitator = try await TestServer.role("iwotch_facilitator", in: address, label: "fac")
            try await TestServer.owner(address, """
                INSERT INTO iwotch.supervisor_boroughs VALUES ('\(supervisor.user)', 'north');
                INSERT INTO iwotch.facilitator_sites VALUES ('\(facilitator.user)', 's1');
                """)
            for role in [supervisor, facilitator] {
                do {
                    _ = try await RegionDatabase.with(role) { try await DatabaseErasure.run($0, Self.request, reason: "ref IG-14") }
                    Issue.record("\(role.user) erased")
                } catch let failure as RegionDatabase.Failure {
                    #expect(failure.description.contains("only the region's data manager (a member of iwotch_region) or the database's owner erases records; nothing was erased"),
                            "\(role.user): \(failure.description)")
                }
            }
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erasures") == 0)
            // The region's data manager may, recorded in its own name, without the owner's powers.
            let region = try await TestServer.role("iwotch_region", in: address, label: "region")
            let outcome = try await RegionDatabase.with(region) { try await DatabaseErasure.run($0, Self.request, reason: "ref IG-14") }
            #expect(outcome.lines == 2)
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erasures WHERE erased_by = '\(region.user)'") == 1)
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erased_lines") == 2)
            // Even the region role changes no other column, and no event outside an erasure.
            await #expect(throws: RegionDatabase.Failure.self) {
                try await TestServer.owner(region, "UPDATE iwotch.events SET actor = 'X' WHERE seq = 4")
            }
            await #expect(throws: RegionDatabase.Failure.self) {
                try await TestServer.owner(region, "UPDATE iwotch.events SET line = line WHERE seq = 4")
            }
            // The owner cannot change a line into anything but its tombstone, even inside an erasure.
            await #expect(throws: RegionDatabase.Failure.self) {
                try await TestServer.owner(address, """
                    BEGIN;
                    INSERT INTO iwotch.erasures (reason, deliveries, lines) VALUES ('test', 1, 1);
                    SELECT set_config('iwotch.erasure', '1', true);
                    UPDATE iwotch.events SET line = convert_to('{}', 'UTF8') WHERE seq = 3;
                    COMMIT;
                    """)
            }
            // Outside an erasure, an UPDATE is refused as before; the records are untouched.
            await #expect(throws: RegionDatabase.Failure.self) {
                try await TestServer.owner(address, "UPDATE iwotch.events SET actor = 'X' WHERE seq = 3")
            }
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.erasures") == 1)
            // Only the two lines the region erased differ from their hashes.
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events WHERE hash <> 'sha256:' || encode(sha256(line), 'hex')") == 2)
        }
    }

    /// The command line end to end: `db erase`, then the reports and the check from the database
    /// equal those from the laptop's files once the laptop has synced (and so erased) too.
    @Test func reportsAfterErasureSayWhatWasErased() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let journal = laptops.live("A").deletingLastPathComponent()
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            let database = ReportFromDatabaseTests.url(address)
            #expect(try BuiltBinary.run(["sync", "--database", database, "--journal", journal.path]).status == 0)
            let erase = try BuiltBinary.run(["db", "erase", "--database", database, "--site", "s1", "--group", "g1", "--participant", "G1-P2", "--reason", "ref IG-14"])
            #expect(erase.status == 0, "\(erase.output)")
            #expect(erase.stdout.contains("Erased 2 lines in 1 delivery of group g1 at site s1 (erasure 1 in iwotch.erasures)."), "\(erase.stdout)")
            let status = try BuiltBinary.run(["sync", "--status", "--database", database, "--journal", journal.path])
            #expect(status.stdout.contains("2 lines of delivery \(JournalErasureTests.d1) (3, 5) erased in the region's database on request, still on this laptop"), "\(status.output)")
            let sync = try BuiltBinary.run(["sync", "--database", database, "--journal", journal.path])
            #expect(sync.status == 0, "\(sync.output)")
            #expect(sync.stdout.contains("erased 2 of 2 lines of delivery \(JournalErasureTests.d1) (3, 5) on this laptop"), "\(sync.stdout)")
            for report in ["attendance", "fidelity"] {
                let files = try BuiltBinary.run(["report", report, "--format", "markdown", "live"], in: journal)
                let stored = try BuiltBinary.run(["report", report, "--format", "markdown", "--database", database], in: journal)
                #expect(files.status == 0, "\(files.stderr)")
                #expect(stored.stdout == files.stdout)
                #expect(!stored.stdout.contains("G1-P2"))
                #expect(stored.stdout.contains("2 lines in 1 journal erased on request (a participant's records)"), "\(stored.stdout)")
            }
            let check = try BuiltBinary.run(["db", "check", "--database", database])
            #expect(check.status == 0, "\(check.output)")
            #expect(check.stderr.contains("warning: 2 lines erased on request"), "\(check.stderr)")
        }
    }

    /// The reverse: the laptop erased after its lines were sent. Sync says the database still holds
    /// them in full until `db erase` is run there, and then says nothing more.
    @Test func aLaptopThatErasedAfterSendingIsToldTheDatabaseHoldsThemInFull() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let file = laptops.live("A").appendingPathComponent(JournalErasureTests.d1 + ".jsonl")
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            _ = try await SyncTests.sync(address, laptops.live("A"))
            #expect(try Erasure.rewrite(file, Self.request) == 2)
            let outcomes = try await SyncTests.sync(address, laptops.live("A"))
            #expect(outcomes.first { $0.delivery == JournalErasureTests.d1 }?.erasedOnlyHere == [3, 5])
            #expect(outcomes.allSatisfy { $0.sent == 0 && $0.problem == nil })
            let database = ReportFromDatabaseTests.url(address)
            let run = try BuiltBinary.run(["sync", "--status", "--database", database, "--journal", laptops.live("A").deletingLastPathComponent().path])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.stderr.contains("2 lines of delivery \(JournalErasureTests.d1) (3, 5) erased on this laptop on request are held in full in the region's database"), "\(run.stderr)")
            _ = try await RegionDatabase.with(address) { try await DatabaseErasure.run($0, Self.request, reason: "ref IG-14") }
            let after = try await SyncTests.sync(address, laptops.live("A"))
            #expect(after.allSatisfy { $0.erasedOnlyHere.isEmpty && $0.erasedInDatabase.isEmpty && $0.problem == nil })
            #expect(try Data(contentsOf: file) == (try await Self.stored(address, JournalErasureTests.d1)).data)
        }
    }
}
