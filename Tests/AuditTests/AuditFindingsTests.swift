import Foundation
import Journal
import Programme
import Testing
@testable import Audit

/// Known answers for the findings of the independent audit (issue 19): each expected value is
/// worked out by hand in the comment beside it, from journals written here or the fixture.
@Suite struct AuditFindingsTests {
    static let base = Timestamp.parse("2026-06-01T09:00:00.000Z")!
    static func at(_ minutes: Double, day: Int = 0) -> Date { base.addingTimeInterval(Double(day) * 86_400 + minutes * 60) }

    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-findings-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func rows(_ document: ReportDocument, _ section: String) -> [[String]] {
        document.sections.first { $0.id == section }!.table.rows.map { $0.map(\.display) }
    }

    // MARK: Missed items

    @Test func missedItemsRankByShareOfTheTimesTheyApplied() {
        func tally(_ item: String, _ position: Int, short: Int, of applied: Int) -> MissedTally {
            MissedTally(session: "s", position: position, item: item, applied: applied, partly: 0, missed: short)
        }
        // a 10 of 18 = 55.6%, b 12 of 24 = 50.0%, c 9 of 20 = 45.0%, d 9 of 18 = 50.0%, e 0 of 5 (never short).
        // By count the order was b, a, c, d; by share it is a, then b and d tied at 50% (b's 12 before d's 9), then c.
        let ranked = MissedTally.ranked([tally("a", 0, short: 10, of: 18), tally("b", 1, short: 12, of: 24), tally("c", 2, short: 9, of: 20),
                                         tally("d", 3, short: 9, of: 18), tally("e", 4, short: 0, of: 5)])
        #expect(ranked.map(\.item) == ["a", "b", "d", "c"])
        // Equal share and count: agenda order (position), not the item's name.
        #expect(MissedTally.ranked([tally("z", 0, short: 1, of: 2), tally("y", 1, short: 1, of: 2)]).map(\.item) == ["z", "y"])
    }

    // MARK: JSON bands

    @Test func jsonNamesTheHighBandAsTheCSVDoes() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let json = JSONFormat.render(FidelityReport.make(ReportInput(set: fixture.read(), filters: Filters())))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let sections = try #require(root["sections"] as? [String: Any])
        func bands(_ id: String, _ key: String) -> [String?] {
            ((sections[id] as? [String: Any])?["rows"] as? [[String: Any]] ?? []).map { $0[key] as? String }
        }
        // D1 62.5% moderate, D2 100.0% high, D3 30.0% low (bands 80/50).
        #expect(bands("deliveries", "adherence_band") == ["moderate", "high", "low"])
        // Sessions: the same three; facilitators L1 54.5% moderate, N1 75.0% moderate, N2 30.0% low.
        let sessions = JSONFormat.render(SessionsReport.make(ReportInput(set: fixture.read(), filters: Filters()), sample: .init(share: 0, seed: 1)))
        #expect(sessions.components(separatedBy: "\"adherence_band\" : \"high\"").count - 1 == 1)
        #expect(bands("facilitators", "adherence_band") == ["moderate", "moderate", "low"])
        // Agreement is not judged against bands: no band key.
        #expect(bands("agreement", "agreement_band").allSatisfy { $0 == nil })
    }

    // MARK: REDCap branching

    @Test func redcapLeavesDeliveredByEmptyWhereTheDictionaryHidesIt() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let rows = REDCapTests.parse(REDCapExport.records(fixture.read().filtered(Filters()), heads: [:]))
        let header = rows[0]
        let items = rows.filter { $0[0] == "2026-03-02-G1-day-a-d1" && $0[1] == "component_fidelity" }
        // D1: i1 fully (nurse), i2 partly (nurse), i3 fully (lay), i4 not delivered (lay), i5 not applicable (lay).
        // comp_by shows only when comp_adherence is neither 0 nor na: the last two are empty.
        #expect(items.map { $0[header.firstIndex(of: "comp_adherence")!] } == ["2", "1", "2", "0", "na"])
        #expect(items.map { $0[header.firstIndex(of: "comp_by")!] } == ["nurse", "nurse", "lay", "", ""])
    }

    @Test func redcapCarriesTheCheckVerdictBesideTheHead() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let set = fixture.read()
        var heads: [String: String] = [:], checked: [String: Bool] = [:]
        for file in set.files where file.kind == .journal { if let delivery = file.delivery { heads[delivery] = file.head; checked[delivery] = !file.failedCheck } }
        let rows = REDCapTests.parse(REDCapExport.records(set.filtered(Filters()), heads: heads, checked: checked))
        let column = rows[0].firstIndex(of: "journal_check_passed")!
        // D1 and D3 pass; D2's file has a damaged line: 1, 0, 1 (yes/no), on the main rows only.
        #expect(rows.dropFirst().filter { $0[1].isEmpty }.map { $0[column] } == ["1", "0", "1"])
        #expect(rows.dropFirst().filter { !$0[1].isEmpty }.allSatisfy { $0[column].isEmpty })
    }

    // MARK: Timing

    @Test func anItemComeBackToIsOneRunWithItsTimesAddedAndItemsNeverRunShowZero() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var t = Writer(delivery: "2026-06-01-G1-day-a-t1", seed: 21)
        t.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0))
        t.start("act-1", at: Self.at(0))
        t.start("act-2", at: Self.at(10))      // act-1 stops: 10 min
        t.start("act-1", at: Self.at(25))      // act-2 stops: 15 min; act-1 again
        t.end("act-1", at: Self.at(30))        // act-1: 10 + 5 = 15 min, one delivery
        t.append(.timerPaused, at: Self.at(32))
        t.append(.timerResumed, at: Self.at(37))
        // Both sign off 40 minutes in; the close event is written at 55.
        t.append(.deliveryClosed(.init(summary: DeliveryState.replay(t.events).summary, signoffs: [
            .init(code: "N1", role: "nurse", at: Self.at(39), meaning: DeliveryClosed.signoffMeaning),
            .init(code: "L1", role: "lay", at: Self.at(40), meaning: DeliveryClosed.signoffMeaning),
        ])), at: Self.at(55))
        try t.save(in: root)
        // A second delivery closed with no sign-off: measured to its close, 20 minutes.
        var u = Writer(delivery: "2026-06-02-G2-day-a-u1", seed: 22)
        u.open(session: "day-a", site: "S1", group: "G2", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0, day: 1))
        u.run("act-1", from: Self.at(0, day: 1), to: Self.at(20, day: 1))
        u.close(signed: [], at: Self.at(20, day: 1))
        try u.save(in: root)

        let input = ReportInput(set: AuditSet.read([root.appendingPathComponent("2026-06-01-G1-day-a-t1.jsonl"),
                                                    root.appendingPathComponent("2026-06-02-G2-day-a-u1.jsonl")]), filters: Filters())
        let report = TimingReport.make(input)
        // Item, ran in, not run, median, min, max: arrival never started in either (0 ran, 2 not run, no minutes);
        // act-1 15 and 20 (median 17.5); act-2 15 in t1, never in u1.
        #expect(Self.rows(report, "items").map { [$0[1], $0[4], $0[5], $0[6], $0[7], $0[8]] } == [
            ["arrival", "0", "2", "–", "–", "–"],
            ["act-1", "2", "0", "17.5", "15.0", "20.0"],
            ["act-2", "1", "1", "15.0", "15.0", "15.0"],
        ])
        // Length: t1 to the last sign-off, 40 min less the 5 min pause = 35.0; u1 to its close, 20.0.
        // Median of 20 and 35 = 27.5; one delivery measured to its close.
        #expect(Self.rows(report, "sessions") == [["day-a", "60", "2", "27.5", "20.0", "35.0", "1", "0", "0.0"]])
        #expect(!report.facts.contains { $0.label == "Bands" })
    }

    // MARK: Attendance

    @Test func oneToOneAndTelephoneContactsAreReported() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let call = DeliveryOpened.SessionSnapshot(id: "call-a", title: "Call A", kind: "one-to-one", mode: "telephone", plannedMinutes: 20, agenda: [
            .init(id: "talk", kind: "activity", title: "Talk", minutes: 20, lead: ["nurse"], fidelity: ["k1"]),
        ])
        var day = Writer(delivery: "2026-06-01-G1-day-a-g1", seed: 31)
        day.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0))
        day.enrol(["P1", "P2"], at: Self.at(0))
        day.mark("P1", .present, at: Self.at(1)); day.mark("P2", .present, at: Self.at(1))
        try day.save(in: root)
        var first = Writer(delivery: "2026-06-08-G1-call-a-c1", seed: 32)
        first.open(session: "call-a", site: "S1", group: "G1", facilitators: [("N1", "nurse")], at: Self.at(0, day: 7), snapshot: call)
        first.enrol(["P1"], at: Self.at(0, day: 7)); first.mark("P1", .present, at: Self.at(1, day: 7))
        try first.save(in: root)
        var second = Writer(delivery: "2026-06-15-G1-call-a-c2", seed: 33)
        second.open(session: "call-a", site: "S1", group: "G1", facilitators: [("N1", "nurse")], at: Self.at(0, day: 14), snapshot: call)
        second.enrol(["p1"], at: Self.at(0, day: 14)); second.mark("p1", .absent, at: Self.at(1, day: 14), notified: true)
        try second.save(in: root)

        let files = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        let report = AttendanceReport.make(ReportInput(set: AuditSet.read(files), filters: Filters()))
        // P1 (and p1, the same person): two calls, one attended, one absent; P2 had no call.
        // Columns: contacts, attended, did not attend, not answered, rearranged, not marked, from failed files.
        #expect(Self.rows(report, "contacts") == [["S1", "G1", "P1", "call-a", "one-to-one", "telephone", "2", "1", "1", "0", "0", "0", "0"]])
        // Group days still count only the group day: P1 attended 1.
        #expect(Self.rows(report, "participants").map { [$0[2], $0[3]] } == [["P1", "1"], ["P2", "1"]])
        #expect(!report.facts.contains { $0.label == "Bands" })
    }

    /// The plan: the programme's one-to-one sessions, each once per participant on any of its rosters.
    @Test func oneToOneContactsAreReportedAgainstThePlan() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        // The mini programme as the fixture's (id audit-fixture), with a second one-to-one session:
        // planned contacts are call-1 then call-2, in the programme's order.
        let mini = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ProgrammeTests/Fixtures/mini").path
        var programme = try #require(ProgrammeLoader.load(path: mini).programme)
        programme.id = "audit-fixture"
        var second = try #require(programme.session("call-1"))
        second.id = "call-2"
        programme.sessions.append(second)
        func call(_ id: String) -> DeliveryOpened.SessionSnapshot {
            .init(id: id, title: id, kind: "one-to-one", mode: "telephone", plannedMinutes: 20, agenda: [
                .init(id: "talk", kind: "activity", title: "Talk", minutes: 20, lead: ["nurse"], fidelity: ["k1"]),
            ])
        }
        var day = Writer(delivery: "2026-06-01-G1-day-a-p1", seed: 71)
        day.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0))
        day.enrol(["P1", "P2"], at: Self.at(0))
        try day.save(in: root)
        var other = Writer(delivery: "2026-06-01-G2-day-a-p2", seed: 72)
        other.open(session: "day-a", site: "S1", group: "G2", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0))
        other.enrol(["P1"], at: Self.at(0))
        try other.save(in: root)
        // G1's P1 attends call-1 and does not answer call-2; P2's call-1 is rearranged.
        let calls: [(String, String, String, AttendanceMarked.Status, AttendanceMarked.Outcome?)] = [
            ("c1", "call-1", "P1", .present, nil), ("c2", "call-2", "p1", .absent, .notAnswered), ("c3", "call-1", "P2", .absent, .rearranged),
        ]
        for (index, (name, session, code, status, outcome)) in calls.enumerated() {
            var writer = Writer(delivery: "2026-06-0\(index + 2)-G1-\(session)-\(name)", seed: 80 + index)
            writer.open(session: session, site: "S1", group: "G1", facilitators: [("N1", "nurse")], at: Self.at(0, day: index + 1),
                        snapshot: call(session))
            writer.enrol([code], at: Self.at(0, day: index + 1))
            _ = writer.append(.attendanceMarked(.init(participant: code, status: status, notified: outcome == nil ? nil : false, outcome: outcome)),
                              at: Self.at(1, day: index + 1))
            try writer.save(in: root)
        }
        let files = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        let set = AuditSet.read(files)
        // Columns: site, group, participant, planned, attended, not yet attended.
        let report = AttendanceReport.make(ReportInput(set: set, filters: Filters(), programmes: [programme]))
        #expect(Self.rows(report, "plan") == [
            ["S1", "G1", "P1", "2", "1", "call-2"],
            ["S1", "G1", "P2", "2", "0", "call-1, call-2"],
            ["S1", "G2", "P1", "2", "0", "call-1, call-2"],
        ])
        // Without the programme's content there is no plan to count against.
        #expect(Self.rows(AttendanceReport.make(ReportInput(set: set, filters: Filters())), "plan").isEmpty)
    }

    @Test func aDoseRuleThatCountsContactsCountsEachCallAttended() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let call = DeliveryOpened.SessionSnapshot(id: "call-a", title: "Call A", kind: "one-to-one", mode: "telephone", plannedMinutes: 20, agenda: [
            .init(id: "talk", kind: "activity", title: "Talk", minutes: 20, lead: ["nurse"], fidelity: ["k1"]),
        ])
        // At least 2 contacts among day-a and call-a.
        let rule = DeliveryOpened.Dose(sessions: ["day-a", "call-a"], minimum: 2, description: "Two contacts.", counts: "contacts")
        var day = Writer(delivery: "2026-06-01-G1-day-a-d1", seed: 51)
        day.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0), dose: rule)
        day.enrol(["P1", "P2", "P3"], at: Self.at(0))
        day.mark("P1", .present, at: Self.at(1)); day.mark("P2", .absent, at: Self.at(1)); day.mark("P3", .absent, at: Self.at(1))
        try day.save(in: root)
        // P1 answers one call; P2 answers two; P3's call goes unanswered.
        let calls: [(String, String, AttendanceMarked.Status, AttendanceMarked.Outcome?)] = [
            ("c1", "P1", .present, nil), ("c2", "P2", .present, nil), ("c3", "P2", .late, nil), ("c4", "P3", .absent, .notAnswered),
        ]
        for (index, (name, code, status, outcome)) in calls.enumerated() {
            var writer = Writer(delivery: "2026-06-0\(index + 2)-G1-call-a-\(name)", seed: 60 + index)
            writer.open(session: "call-a", site: "S1", group: "G1", facilitators: [("N1", "nurse")], at: Self.at(0, day: index + 1),
                        snapshot: call, dose: rule)
            writer.enrol([code], at: Self.at(0, day: index + 1))
            _ = writer.append(.attendanceMarked(.init(participant: code, status: status, notified: outcome == nil ? nil : false, outcome: outcome)),
                          at: Self.at(1, day: index + 1))
            try writer.save(in: root)
        }
        let files = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        let report = AttendanceReport.make(ReportInput(set: AuditSet.read(files), filters: Filters()))
        // Counted, planned (the minimum), dose: P1 day + call = 2, met; P2 two calls = 2, met
        // (absent from the day); P3 none attended = 0, not yet (contacts can still be booked).
        #expect(Self.rows(report, "participants").map { [$0[2], $0[3], $0[4], $0[9]] } == [
            ["P1", "2", "2", "met"], ["P2", "2", "2", "met"], ["P3", "0", "2", "not yet"],
        ])
        // Contacts: attended, did not attend, not answered, rearranged, not marked.
        #expect(Self.rows(report, "contacts").map { Array($0[2...3]) + Array($0[6...11]) } == [
            ["P1", "call-a", "1", "1", "0", "0", "0", "0"], ["P2", "call-a", "2", "2", "0", "0", "0", "0"],
            ["P3", "call-a", "1", "0", "0", "1", "0", "0"],
        ])
        #expect(report.facts.first { $0.label == "Dose rule" }?.value == "at least 2 contacts of day-a, call-a: Two contacts.")
    }

    // MARK: Agreement

    @Test func kappaLeavesOutItemsEitherSideRatedNotApplicable() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var k = Writer(delivery: "2026-06-01-G1-day-a-k1", seed: 41)
        k.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0))
        k.rate("act-1", "i1", "fully", by: ["nurse"], at: Self.at(5)); k.rate("act-1", "i2", "fully", by: ["nurse"], at: Self.at(6))
        k.rate("act-2", "i3", "partly", by: ["lay"], at: Self.at(7)); k.rate("act-2", "i4", "not-applicable", by: ["lay"], at: Self.at(8))
        try k.save(in: root)
        var review = Writer(delivery: k.delivery, seed: 42)
        review.review(SupervisorReview(method: .audio, competence: 3, competenceScale: [.init(score: 3, label: "Competent")], ratings: [
            .init(activity: "act-1", item: "i1", level: "fully"), .init(activity: "act-1", item: "i2", level: "partly"),
            .init(activity: "act-2", item: "i3", level: "partly"), .init(activity: "act-2", item: "i4", level: "fully"),
        ]), actor: "SUP1", at: Self.at(0, day: 3))
        try review.save(in: root, name: "review-k1")
        let set = AuditSet.read([root.appendingPathComponent(k.delivery + ".jsonl"), root.appendingPathComponent("review-k1.jsonl")])
        let rows = Self.rows(FidelityReport.make(ReportInput(set: set, filters: Filters())), "agreement")
        // i4 is out (the facilitators said not applicable). Pairs (f,f) (f,p) (p,p): pₒ = 2/3.
        // Self f 2/3, p 1/3; supervisor f 1/3, p 2/3: pₑ = 2/3·1/3 + 1/3·2/3 = 4/9. κ = (6/9 − 4/9) ÷ (5/9) = 0.40, fair.
        // (Counting i4 as a fourth pair (na, f) would give pₒ = 1/2, pₑ = 1/2·1/2 + 1/4·1/2 = 3/8, κ = 0.20, slight.)
        // Self on the three: (2 + 2 + 1) ÷ 6 = 83.3%; review (2 + 1 + 1) ÷ 6 = 66.7% ▽; agreement 2 of 3 = 66.7%.
        #expect(rows[0] == ["2026-06-01-G1-day-a-k1", "SUP1", "audio", "3", "83.3%", "66.7% ▽", "66.7%", "0.40", "fair", "3", "Competent"])
        // The REDCap export uses the same pairs.
        let records = REDCapTests.parse(REDCapExport.records(set.filtered(Filters()), heads: [:]))
        let reviewRow = try #require(records.first { $0[1] == "supervisor_review" })
        #expect(reviewRow[records[0].firstIndex(of: "rev_items")!] == "3" && reviewRow[records[0].firstIndex(of: "rev_kappa")!] == "0.400")
    }

    // MARK: Sources: copies, rehearsals, failed files

    @Test func theFileInLiveIsTheOriginalWhicheverSortsFirst() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        var d = Writer(delivery: "2026-06-01-G1-day-a-x1", seed: 51)
        d.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: Self.at(0))
        try d.save(in: root.appendingPathComponent("a-backup"))
        try d.save(in: root.appendingPathComponent("north/live"))
        // Byte-identical: "a-backup/…" sorts before "north/live/…", but the one in live/ is the facilitator's.
        let set = AuditSet.read([root.appendingPathComponent("a-backup/\(d.delivery).jsonl"), root.appendingPathComponent("north/live/\(d.delivery).jsonl")])
        #expect(set.files.map { $0.kind } == [.copy, .journal])
        // Neither in live/: the one named after the delivery is the original, the renamed one the copy.
        try d.save(in: root.appendingPathComponent("b"))
        try d.save(in: root.appendingPathComponent("a"), name: "renamed")
        let other = AuditSet.read([root.appendingPathComponent("a/renamed.jsonl"), root.appendingPathComponent("b/\(d.delivery).jsonl")])
        #expect(other.files.map { $0.kind } == [.copy, .journal])
    }

    @Test func rehearsalsAreListedAsLeftOutAndFailedFilesFlagTheirRows() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let set = fixture.read()
        let input = ReportInput(set: set, filters: Filters())
        let kinds = Dictionary(uniqueKeysWithValues: input.sources.journals.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0.kind) })
        #expect(kinds["2026-03-03-REH-day-a-r1.jsonl"] == "rehearsal — left out")
        var withRehearsals = Filters()
        withRehearsals.includeRehearsals = true
        #expect(ReportInput(set: set, filters: withRehearsals).sources.journals.contains { $0.kind == "rehearsal" })
        // D2's file has a damaged line: its row says failed; D1 and D3 passed.
        let deliveries = Self.rows(FidelityReport.make(input), "deliveries")
        #expect(deliveries.map { $0[11] } == ["passed", "failed", "passed"])
        #expect(input.facts().contains { $0.label == "Failed files" && $0.value.hasPrefix("1 of the 3 deliveries was read from a journal that failed") })
        // Pooled tables count the pooled deliveries read from a failed file (D2: S1/G1 day-b act-3, N1 and L1, March).
        let fidelity = FidelityReport.make(input)
        #expect(Self.rows(fidelity, "activities").map { [$0[1], $0.last!] } == [["act-1", "0"], ["act-2", "0"], ["act-3", "1"]])
        #expect(Self.rows(fidelity, "facilitators").map { [$0[0], $0.last!] } == [["L1", "1"], ["N1", "1"], ["N2", "0"]])
        #expect(Self.rows(fidelity, "sites").map { [$0[0], $0.last!] } == [["S1", "1"], ["S2", "0"]])
        #expect(Self.rows(fidelity, "months").map { [$0[0], $0.last!] } == [["2026-03", "1"], ["2026-04", "0"]])
        #expect(Self.rows(TimingReport.make(input), "items").map { [$0[1], $0.last!] } == [["arrival", "0"], ["act-1", "0"], ["act-2", "0"], ["act-3", "1"]])
    }

    // MARK: --facilitator

    @Test func aFacilitatorFilterShowsOnlyTheNamedFacilitatorsFigures() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        var filters = Filters()
        filters.facilitators = ["n2"]
        let report = FidelityReport.make(ReportInput(set: fixture.read(), filters: filters))
        // N2 co-delivered only D3 (with L1): 3 of 10 = 30.0%, low. L1's 30.0% over that one shared delivery is not shown.
        #expect(Self.rows(report, "facilitators") == [["N2", "nurse", "1", "5", "30.0% ▼", "0"]])
        #expect(report.sections.first { $0.id == "facilitators" }!.note.contains("Only the facilitators named by --facilitator"))
    }

    // MARK: CSV numbers

    @Test func csvWritesOneValueACellAndEveryPercentageWithOneDecimal() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let input = ReportInput(set: fixture.read(), filters: Filters())
        let deliveries = CSV.render(FidelityReport.make(input).sections[0].table).components(separatedBy: "\r\n")
        // D2 4 of 4 = 100.0 (was "100"), D3 3 of 10 = 30.0 (was "30"), with their bands.
        #expect(deliveries[2].contains(",4,4,100.0,high,") && deliveries[3].contains(",3,10,30.0,low,"))
        let timing = CSV.render(TimingReport.make(input).sections[0].table).components(separatedBy: "\r\n")
        // arrival: planned 10, ran in 1, not run 1, 12.0 minutes each way, 2.0 over, overran 1, share 1 ÷ 1 = 100.0.
        #expect(timing[0] == "session,activity,title,planned,deliveries,not_run,median,min,max,over,overran,overran_share,failed_check")
        #expect(timing[1] == "day-a,arrival,Arrival,10,1,1,12.0,12.0,12.0,2.0,1,100.0,0")
        let groups = CSV.render(AttendanceReport.make(input).sections[1].table).components(separatedBy: "\r\n")
        // G1: 3 participants, 2 met, 2 ÷ 3 = 66.7.
        #expect(groups[1] == "S1,G1,3,2,66.7,0")
    }

    // MARK: Heads and the check

    @Test func anEditBeforeTheLastLineLeavesHeadAndDigestAloneAndFailsTheCheck() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let journal = fixture.live.appendingPathComponent("2026-04-06-G2-day-a-d3.jsonl")
        let before = AuditSet.read([journal])
        #expect(before.files[0].errors.isEmpty)
        // Line 2 enrols Q1: rename them Q9, leaving every other byte alone.
        var lines = try String(contentsOf: journal, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines[1].contains("\"Q1\""))
        lines[1] = lines[1].replacingOccurrences(of: "\"Q1\"", with: "\"Q9\"")
        try lines.joined(separator: "\n").write(to: journal, atomically: true, encoding: .utf8)
        let after = AuditSet.read([journal])
        #expect(after.files[0].head == before.files[0].head)
        #expect(after.headsDigest == before.headsDigest)
        // Only the check sees it: line 2 no longer matches the hash line 3 holds.
        #expect(after.files[0].failedCheck)
        let sources = ReportInput(set: after, filters: Filters()).sources
        #expect(sources.table.columns.map(\.key) == ["file", "kind", "events", "check", "head", "problem"])
        #expect(sources.journals[0].verdict == "failed")
    }
}
