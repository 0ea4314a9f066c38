import DeliveryFacts
import Foundation
import Journal
import Testing
@testable import Audit

/// A person is site + group + code, codes compared without case; old journals read as they are.
@Suite struct IdentityTests {
    static let base = Timestamp.parse("2026-05-04T09:00:00.000Z")!
    static func at(_ day: Int) -> Date { base.addingTimeInterval(Double(day) * 86_400) }

    static func write(_ root: URL) throws {
        // North and South both call their group G03, and both have a P01.
        var north = Writer(delivery: "2026-05-04-G03-day-a-n1", seed: 11)
        north.open(session: "day-a", site: "NORTH", group: "G03", facilitators: [("N1", "nurse"), ("L1", "lay")], at: at(0))
        north.enrol(["P01", "P02", "P09"], at: at(0))
        north.mark("P01", .present, at: at(0)); north.mark("P02", .present, at: at(0))    // P09 never marked
        north.close(signed: ["N1", "L1"], at: at(0))
        try north.save(in: root)
        // A week later at North the same people were typed in lower case (an older journal could hold them so).
        var northB = Writer(delivery: "2026-05-11-G03-day-b-n2", seed: 12)
        northB.open(session: "day-b", site: "north", group: "g03", facilitators: [("n1", "nurse"), ("L1", "lay")], at: at(7))
        northB.enrol(["p01", "p02"], at: at(7))
        northB.mark("p01", .late, at: at(7)); northB.mark("P02", .absent, at: at(7), notified: false)
        // Opened by n1, signed off as N1: one facilitator.
        northB.append(.deliveryClosed(.init(summary: DeliveryState.replay(northB.events).summary, signoffs: [
            .init(code: "N1", role: "nurse", at: at(7), meaning: DeliveryClosed.signoffMeaning),
            .init(code: "L1", role: "lay", at: at(7), meaning: DeliveryClosed.signoffMeaning),
        ])), at: at(7))
        try northB.save(in: root)
        var south = Writer(delivery: "2026-05-05-G03-day-a-s1", seed: 13)
        south.open(session: "day-a", site: "SOUTH", group: "G03", facilitators: [("N7", "nurse"), ("L7", "lay")], at: at(1))
        south.enrol(["P01"], at: at(1))
        south.mark("P01", .absent, at: at(1), notified: true)
        try south.save(in: root)
    }

    func withRegion(_ body: (ReportInput) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-identity-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.write(root)
        let files = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        try body(ReportInput(set: AuditSet.read(files), filters: Filters()))
    }

    @Test func equalGroupCodesAtTwoSitesStayTwoGroupsAndCaseNeverSplitsAPerson() throws {
        try withRegion { input in
            let report = AttendanceReport.make(input)
            // The columns up to dose (whether a journal failed its check is another test's business).
            let people = report.sections[0].table.rows.map { $0.prefix(10).map(\.display).joined(separator: " ") }
            // Site Group Code, days attended, planned, late, left early, absent, not marked, dose (2 of day-a, day-b).
            #expect(people == [
                "NORTH G03 P01 2 2 1 0 0 0 met",
                "NORTH G03 P02 1 2 0 0 1 0 not met",
                "NORTH G03 P09 0 2 0 0 0 1 not met",
                "SOUTH G03 P01 0 2 0 0 1 0 not met",
            ])
            let groups = report.sections[1].table.rows.map { $0.map(\.display).joined(separator: " ") }
            // Participants, dose met, share (1 ÷ 3 = 33.3%, 0 ÷ 1 = 0.0%), not yet.
            #expect(groups == ["NORTH G03 3 1 33.3% 0", "SOUTH G03 1 0 0.0% 0"])
        }
    }

    @Test func facilitatorsAndFiltersCompareCodesWithoutCase() throws {
        try withRegion { input in
            let facilitators = FidelityReport.make(input).sections.first { $0.id == "facilitators" }!.table.rows.map { $0[0].display }
            #expect(facilitators == ["L1", "L7", "N1", "N7"])
            var filters = Filters()
            filters.sites = ["North"]
            filters.groups = ["G03"]
            filters.facilitators = ["n1"]
            #expect(ReportInput(set: input.set, filters: filters).deliveries.map(\.id) == ["2026-05-04-G03-day-a-n1", "2026-05-11-G03-day-b-n2"])
        }
    }

    @Test func aLowerCaseSignOffStillSigns() throws {
        try withRegion { input in
            let second = try #require(input.deliveries.first { $0.id == "2026-05-11-G03-day-b-n2" })
            #expect(second.isSigned)    // opened by n1, signed by N1
        }
    }
}
