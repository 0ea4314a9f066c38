import Foundation
import Testing
import Journal
@testable import Audit

/// The figures of every report against answers worked out by hand from the fixture (Fixture.swift).
@Suite struct ReportFigureTests {
    static func rows(_ document: ReportDocument, _ section: String) -> [[String]] {
        document.sections.first { $0.id == section }!.table.rows.map { $0.map(\.display) }
    }

    func withFixture(_ body: (Fixture, AuditSet) throws -> Void) throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        try body(fixture, fixture.read())
    }

    @Test func readingJoinsCopiesSkipsRehearsalsAndNamesTheDamagedFile() throws {
        try withFixture { fixture, set in
            #expect(set.records.count == 4)   // D1 (and its copy), D2, D3, the rehearsal
            let input = ReportInput(set: set, filters: Filters())
            #expect(input.deliveries.map(\.id) == ["2026-03-02-G1-day-a-d1", "2026-03-09-G1-day-b-d2", "2026-04-06-G2-day-a-d3"])
            #expect(set.files.count == 6)
            // The file in live/ named after the delivery is the original; the renamed one on the stick is the copy.
            #expect(set.files.filter { $0.kind == .copy }.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["copy-of-d1.jsonl"])
            let failed = set.files.filter(\.failedCheck).map { URL(fileURLWithPath: $0.path).lastPathComponent }
            #expect(failed == ["2026-03-09-G1-day-b-d2.jsonl"])
            // The damaged line is a step: D2's figures are read from the rest of the file.
            #expect(input.deliveries[1].adherence.percent == 100)
            #expect(set.files.first { $0.kind == .review }?.delivery == "2026-03-02-G1-day-a-d1")
            var withRehearsals = Filters()
            withRehearsals.includeRehearsals = true
            #expect(set.filtered(withRehearsals).count == 4)
        }
    }

    @Test func filters() throws {
        try withFixture { _, set in
            func ids(_ change: (inout Filters) -> Void) -> [String] {
                var filters = Filters()
                change(&filters)
                return set.filtered(filters).map { String($0.id.suffix(2)) }
            }
            #expect(ids { $0.sites = ["S2"] } == ["d3"])
            #expect(ids { $0.from = "2026-03-05" } == ["d2", "d3"])
            #expect(ids { $0.to = "2026-03-09" } == ["d1", "d2"])
            #expect(ids { $0.facilitators = ["N1"] } == ["d1", "d2"])
            #expect(ids { $0.facilitators = ["L1"] } == ["d1", "d2", "d3"])
            #expect(ids { $0.groups = ["G1"]; $0.sessions = ["day-b"] } == ["d2"])
            #expect(ids { $0.contentVersions = ["2.0"] } == [])
        }
    }

    @Test func fidelityFigures() throws {
        try withFixture { _, set in
            let report = FidelityReport.make(ReportInput(set: set, filters: Filters()))
            let deliveries = Self.rows(report, "deliveries")
            // Score, maximum, adherence: the correction of i2 (not delivered -> partly) is applied.
            #expect(deliveries.map { [$0[5], $0[6], $0[7]] } == [["5", "8", "62.5% ▽"], ["4", "4", "100.0%"], ["3", "10", "30.0% ▼"]])
            #expect(deliveries[0][9] == "1")   // i5 not applicable, out of the denominator
            #expect(Self.rows(report, "activities").map { [$0[1], $0[5]] } == [["act-1", "37.5% ▼"], ["act-2", "50.0% ▼"], ["act-3", "100.0%"]])
            #expect(Self.rows(report, "facilitators").map { [$0[0], $0[2], $0[4]] } == [["L1", "3", "54.5% ▽"], ["N1", "2", "75.0% ▽"], ["N2", "1", "30.0% ▼"]])
            #expect(Self.rows(report, "sites").map { [$0[0], $0[3]] } == [["S1", "75.0% ▽"], ["S2", "30.0% ▼"]])
            #expect(Self.rows(report, "months").map { [$0[0], $0[3]] } == [["2026-03", "75.0% ▽"], ["2026-04", "30.0% ▼"]])
            // Short of full over applied: i2 partly (D1, corrected) + not (D3) = 2 of 2 (100%); i5 N/A in D1,
            // not in D3 = 1 of 1 (100%); i1 fully + not, i3 fully + partly, i4 not + fully = 1 of 2 (50%) each;
            // j1, j2 fully = 0, left out. By share, then count (i2's 2 before i5's 1), then agenda order.
            let missed = Self.rows(report, "missed")
            #expect(missed.map { [$0[2], $0[4], $0[5], $0[6], $0[7], $0[8]] } == [
                ["i2", "2", "1", "1", "2", "100.0%"], ["i5", "1", "1", "0", "1", "100.0%"],
                ["i1", "2", "1", "0", "1", "50.0%"], ["i3", "2", "0", "1", "1", "50.0%"], ["i4", "2", "1", "0", "1", "50.0%"],
            ])
        }
    }

    @Test func supervisorAgreementAndKappa() throws {
        try withFixture { _, set in
            let rows = Self.rows(FidelityReport.make(ReportInput(set: set, filters: Filters())), "agreement")
            // Pairs: (fully,fully) (partly,partly) (fully,partly) (not,not): po 0.75, pe 5/16, kappa 0.4375/0.6875 = 0.636.
            #expect(rows[0] == ["2026-03-02-G1-day-a-d1", "SUP1", "audio", "4", "62.5% ▽", "50.0% ▼", "75.0%", "0.64", "substantial", "3", "Competent"])
            #expect(rows.last?[0] == "All reviews")
            #expect(Agreement([("a", "a"), ("b", "b")]).kappa == 1)
            #expect(Agreement([("a", "a"), ("a", "a")]).kappa == nil)   // one level throughout: undefined
            #expect(Agreement([("a", "b"), ("b", "a")]).kappa == -1)
        }
    }

    @Test func attendanceFigures() throws {
        try withFixture { _, set in
            let report = AttendanceReport.make(ReportInput(set: set, filters: Filters()))
            #expect(Self.rows(report, "participants").map { Array($0[2...]) } == [
                // The last column: D2's file failed its check, and P1-P3 were on its roster (Q1, Q2 were not).
                ["P1", "2", "2", "0", "0", "0", "0", "met", "1"],
                ["P2", "2", "2", "1", "1", "0", "0", "met", "1"],
                ["P3", "1", "2", "0", "0", "1", "0", "not met", "1"],
                ["Q1", "1", "2", "0", "0", "0", "0", "not yet", "0"],
                ["Q2", "1", "2", "0", "0", "0", "0", "not yet", "0"],
            ])
            // Share reaching dose: 2 ÷ 3 = 66.7% at G1 (P1, P2 met), 0 ÷ 2 = 0.0% at G2; count and denominator in their own columns.
            #expect(Self.rows(report, "groups") == [["S1", "G1", "3", "2", "66.7%", "0"], ["S2", "G2", "2", "0", "0.0%", "2"]])
            #expect(Self.rows(report, "sites") == [["S1", "3", "2", "66.7%", "0"], ["S2", "2", "0", "0.0%", "2"]])
        }
    }

    @Test func timingFigures() throws {
        try withFixture { _, set in
            let report = TimingReport.make(ReportInput(set: set, filters: Filters()))
            // Ran in, not run: D3 (day-a) never started its arrival, so arrival ran in 1 and was not run in 1.
            #expect(Self.rows(report, "items").map { [$0[1], $0[3], $0[4], $0[5], $0[6], $0[7], $0[8], $0[9], $0[10], $0[11]] } == [
                ["arrival", "10", "1", "1", "12.0", "12.0", "12.0", "2.0", "1", "100.0%"],
                ["act-1", "20", "2", "0", "22.5", "20.0", "25.0", "2.5", "1", "50.0%"],
                ["act-2", "30", "2", "0", "32.5", "30.0", "35.0", "2.5", "1", "50.0%"],
                ["act-3", "40", "1", "0", "50.0", "50.0", "50.0", "10.0", "1", "100.0%"],
            ])
            #expect(Self.rows(report, "hotspots").map { $0[1] } == ["act-3", "act-1", "act-2", "arrival"])
            // Signed off at the close (67 and 50 minutes in): none measured to the close for want of a sign-off.
            #expect(Self.rows(report, "sessions") == [["day-a", "60", "1", "67.0", "67.0", "67.0", "0", "0", "0.0"],
                                                      ["day-b", "40", "1", "50.0", "50.0", "50.0", "0", "0", "0.0"]])
        }
    }

    /// Deliveries whose console stopped and resumed them are counted, and their stops added up.
    @Test func timingCountsInterruptedDeliveriesAndTheirStops() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-stops-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = Timestamp.parse("2026-05-04T09:00:00.000Z")!
        func at(_ minutes: Double, day: Int) -> Date { base.addingTimeInterval(Double(day) * 86_400 + minutes * 60) }
        // Day 0 stopped twice, for 300 s and 150 s; day 1 once, for 90 s; day 2 never.
        let stops: [[(last: Double, gap: Int)]] = [[(10, 300), (30, 150)], [(20, 90)], []]
        for (day, its) in stops.enumerated() {
            var writer = Writer(delivery: "2026-05-0\(4 + day)-G\(day)-day-a-s\(day)", seed: 60 + day)
            writer.open(session: "day-a", site: "S1", group: "G\(day)", facilitators: [("N1", "nurse"), ("L1", "lay")], at: at(0, day: day))
            for stop in its {
                writer.start("arrival", at: at(stop.last, day: day))
                writer.append(.consoleResumed(.init(lastEventAt: at(stop.last, day: day), gapSeconds: stop.gap)),
                              at: at(stop.last, day: day).addingTimeInterval(Double(stop.gap)))
            }
            writer.close(signed: ["N1", "L1"], at: at(60, day: day))
            try writer.save(in: root.appendingPathComponent("live"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("live").path).sorted()
            .map { root.appendingPathComponent("live").appendingPathComponent($0) }
        let input = ReportInput(set: AuditSet.read(files), filters: Filters())
        #expect(input.deliveries.map(\.interruptedSeconds) == [450, 90, 0])
        let report = TimingReport.make(input)
        // Three closed runs of day-a, each signed at 60 minutes; 2 interrupted; (300 + 150 + 90) / 60 = 9.0 minutes stopped.
        #expect(Self.rows(report, "sessions") == [["day-a", "60", "3", "60.0", "60.0", "60.0", "0", "2", "9.0"]])
    }

    /// A delivery whose opening says `"unreleased": true` is named in every report's header and
    /// says no under Released.
    @Test func deliveriesOfUnreleasedContentAreFlagged() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-unreleased-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let base = Timestamp.parse("2026-05-04T09:00:00.000Z")!
        for (index, unreleased) in [nil, true as Bool?].enumerated() {
            var writer = Writer(delivery: "2026-05-0\(4 + index)-G\(index)-day-a-u\(index)", seed: 40 + index)
            writer.open(session: "day-a", site: "S1", group: "G\(index)", facilitators: [("N1", "nurse"), ("L1", "lay")],
                        at: base.addingTimeInterval(Double(index) * 86_400), unreleased: unreleased)
            try writer.save(in: root.appendingPathComponent("live"))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("live").path).sorted()
            .map { root.appendingPathComponent("live").appendingPathComponent($0) }
        let input = ReportInput(set: AuditSet.read(files), filters: Filters())
        let report = SessionsReport.make(input, sample: .init(share: 0.5, seed: 7))
        #expect(Self.rows(report, "deliveries").map { [$0[11], $0[13]] } == [["yes", "2026-05-04-G0-day-a-u0"], ["no", "2026-05-05-G1-day-a-u1"]])
        #expect(report.facts.first { $0.label == "Unreleased content" }?.value
                == "1 of the 2 deliveries followed content that was not a released version when they opened: 2026-05-05-G1-day-a-u1")
        let fidelity = FidelityReport.make(input)
        #expect(fidelity.facts.contains { $0.label == "Unreleased content" })
    }

    @Test func sessionsAndReproducibleSample() throws {
        try withFixture { _, set in
            let input = ReportInput(set: set, filters: Filters())
            let report = SessionsReport.make(input, sample: .init(share: 0.5, seed: 7))
            // Attended and roster in their own columns; D2's file failed its check.
            // Every fixture delivery followed released content (no `unreleased` in its opening).
            #expect(Self.rows(report, "deliveries").map { [$0[5], $0[6], $0[7], $0[8], $0[9], $0[10], $0[11], $0[12]] } == [
                ["2", "3", "62.5% ▽", "yes", "yes", "1", "yes", "passed"], ["3", "3", "100.0%", "yes", "no", "0", "yes", "failed"],
                ["2", "2", "30.0% ▼", "no", "no", "0", "yes", "passed"],
            ])
            #expect(!report.facts.contains { $0.label == "Unreleased content" })
            #expect(Self.rows(report, "sample").map { $0[4] } == ["first delivery of N1, L1; moderate adherence", "first delivery of N2; low adherence"])
            let full = SessionsReport.sample(input.deliveries, .init(share: 1, seed: 7))
            #expect(full.map(\.1).last == "random top-up")
            // The same seed, the same sample; the sample does not depend on the order files were named in.
            let a = SessionsReport.sample(input.deliveries, .init(share: 1, seed: 99)).map(\.0.id)
            let b = SessionsReport.sample(input.deliveries, .init(share: 1, seed: 99)).map(\.0.id)
            #expect(a == b)
        }
    }
}
