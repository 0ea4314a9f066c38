import Audit
import Foundation
import Testing
@testable import Journal
@testable import Runtime
@testable import SessionEngine
import Views

/// The audit screen, driven from the home screen over journals recorded by the console itself:
/// figures worked by hand, the same as the fidelity report's, the filter, and the drill-down.
@Suite struct AuditScreenTests {
    /// One delivery of the mini group session in `driver`'s journal folder, closed and signed.
    /// Register: P01 present, P02 late, P03 absent (not notified). The welcome is rated with
    /// `welcome` (the scale's keys, 2 1 0 n, for its two items), the practice with `practice`; the welcome runs 30 min.
    static func deliver(_ driver: Driver, group: String, welcome: [Character], practice: Character) {
        driver.press(.enter, .tab)                         // Run a live session; session group-1
        driver.type(group); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("N01"); driver.press(.tab)
        driver.type("L01"); driver.press(.tab)
        driver.type("P01 P02 P03"); driver.press(.tab, .enter)
        driver.press(.character("a"), .character("p"), .character("l"), .character("x"), .character("n"), .escape)
        driver.wait(minutes: 10)
        driver.press(.pageDown, .pageDown)                  // arrival's one step, then on to the welcome
        driver.wait(minutes: 25)
        driver.press(.character("f"))
        for key in welcome { driver.press(.character(key)) }
        driver.press(.escape)
        // The practice is rated from the agenda without being run.
        driver.press(.character("g"), .down, .down, .character("f"), .character(practice), .escape, .escape)
        driver.wait(minutes: 5)
        driver.press(.character("c"), .character("1"), .character("2"), .enter)
        driver.restart()
    }

    func openAudit(_ driver: Driver) throws {
        let index = try #require(Home.items(driver.state).firstIndex(of: .audit))
        // A rehearsal's home starts on "Rehearse", a live one on the first item: move from wherever.
        for _ in 0..<Home.items(driver.state).count where driver.state.homeSelection != index { driver.press(.down) }
        driver.press(.enter)
    }

    @Test func aDeliveryFromListToItemRatings() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        // Welcome: fully (2) and partly (1); practice: not applicable. 3 of 4 points = 75.0%, moderate.
        Self.deliver(driver, group: "G01", welcome: ["2", "1"], practice: "n")
        try openAudit(driver)
        #expect(driver.state.screen.kind == .audit)
        #expect(driver.state.audit.records.count == 1)

        let list = driver.frame().plainText
        #expect(list.contains("1 live delivery from 1 journal file"))
        #expect(list.contains("2026-03-04  S01      G01    group-1     N01 L01        2 of 3   75.0% ▽ signed"), "\(list)")
        let id = try #require(driver.state.audit.chosen?.id)
        expectGolden(driver.frame(), "audit-list", masking: [id: "2026-03-04-G01-group-1-xxxxxxxx"])
        expectGolden(driver.frame(120, 40), "audit-list", masking: [id: "2026-03-04-G01-group-1-xxxxxxxx"])

        // The same figure as the fidelity report's row for this delivery.
        let set = AuditSet.read(JournalDirectory(root: driver.folder).files(.live))
        let report = FidelityReport.make(ReportInput(set: set, filters: Filters(), programmes: [driver.programme]))
        let row = try #require(report.sections.first { $0.id == "deliveries" }?.table.rows.first)
        #expect(row.contains { $0.display == "75.0% ▽" })

        driver.press(.enter)
        let delivery = driver.frame().plainText
        #expect(delivery.contains("Register   2 of 3 attended: 1 present, 1 late, 1 absent"))
        #expect(delivery.contains("Adherence  75.0%: 3 of 4 points, 3 rated (1 N/A), 0 unrated  ▽ moderate band"))
        #expect(delivery.contains("closed 10:40 after 40 min (60 planned), signed by N01 and L01"), "\(delivery)")
        let rows = delivery.split(separator: "\n")
        let welcome = try #require(rows.first { $0.contains("Welcome and aims") })
        #expect(["▶ 1", "20 min", "30.0 min", "2 of 2", "75.0% ▽"].allSatisfy(welcome.contains), "\(welcome)")
        let practice = try #require(rows.first { $0.contains("Relaxation practice") })
        #expect(["not run", "1 of 1", "–"].allSatisfy(practice.contains), "\(practice)")
        expectGolden(driver.frame(), "audit-delivery")
        expectGolden(driver.frame(120, 40), "audit-delivery")

        driver.press(.enter)
        let items = driver.frame().plainText
        #expect(items.contains("→ Fully delivered · delivered by N01 (nurse) and L01 (lay)"), "\(items)")
        #expect(items.contains("→ Partly delivered"))
        expectGolden(driver.frame(), "audit-activity")
        driver.press(.right)
        #expect(driver.frame().plainText.contains("→ Not applicable"))
        driver.press(.escape, .escape, .escape)
        #expect(driver.state.screen.kind == .home, "from home, Esc goes back to it")
    }

    @Test func filterByWordsAndByBand() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        Self.deliver(driver, group: "G01", welcome: ["2", "1"], practice: "n")   // 75.0% ▽
        driver.wait(minutes: 60 * 24)
        Self.deliver(driver, group: "G02", welcome: ["2", "2"], practice: "2")   // 100.0%
        try openAudit(driver)
        let book = driver.state.audit
        #expect(book.shown.map { book.records[$0].group } == ["G02", "G01"], "newest first")

        driver.press(.character("/")); driver.type("g01 N01")
        #expect(driver.state.audit.shown.map { driver.state.audit.records[$0].group } == ["G01"])
        #expect(driver.frame().plainText.contains("1 of 2 live deliveries"))
        driver.press(.enter)
        driver.press(.character("x"))
        #expect(driver.state.audit.shown.count == 2)

        driver.press(.down)                                 // G01 chosen
        driver.press(.character("b"))
        #expect(driver.state.audit.shown.map { driver.state.audit.records[$0].group } == ["G01"], "only below the high band")
        #expect(driver.state.audit.chosen?.group == "G01", "the chosen delivery stays chosen")
        driver.press(.character("/")); driver.type("nothing-like-this"); driver.press(.enter)
        #expect(driver.frame().plainText.contains("No delivery matches the filter. x clears it."))
        driver.press(.enter)
        #expect(driver.state.audit.level == .deliveries, "Enter on an empty list opens nothing")

        // Re-reading keeps the filter and place.
        driver.press(.character("x"), .character("b"), .down)
        driver.press(.character("r"))
        #expect(driver.state.audit.belowBandOnly && driver.state.audit.chosen?.group == "G01")
    }

    /// Opened from a rehearsal's home, the audit still shows the live record, without the
    /// REHEARSAL banner that would make it look like practice.
    @Test func fromARehearsalHomeTheAuditIsOfLiveRecords() throws {
        let live = try Driver()
        defer { live.cleanUp() }
        Self.deliver(live, group: "G01", welcome: ["2", "1"], practice: "n")
        let driver = try Driver(folder: live.folder, mode: .rehearsal)
        try openAudit(driver)
        let screen = driver.frame().plainText
        #expect(driver.state.screen.kind == .audit && driver.state.audit.records.count == 1)
        #expect(!screen.contains("REHEARSAL") && screen.contains("75.0% ▽"), "\(screen)")
    }

    @Test func rehearsalsAndFailedJournalsAreNotHidden() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        Self.deliver(driver, group: "G01", welcome: ["2", "1"], practice: "n")
        // A damaged copy of the journal: counted once, and its failed check said on screen.
        let live = JournalDirectory(root: driver.folder).files(.live)
        let original = try #require(live.first)
        var text = try String(contentsOf: original, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"P02\"", with: "\"P9\"")
        try text.write(to: original.deletingLastPathComponent().appendingPathComponent("copy-of-g01.jsonl"), atomically: true, encoding: .utf8)
        driver.restart()
        try openAudit(driver)
        let screen = driver.frame().plainText
        #expect(driver.state.audit.records.count == 1)
        #expect(screen.contains("⚠ 1 failed the check"), "\(screen)")
        #expect(screen.contains("⚠ 1 of 2 journal files failed the check"))
    }
}
