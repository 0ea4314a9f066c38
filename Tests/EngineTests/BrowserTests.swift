import Foundation
import Testing
import Programme
@testable import Runtime
@testable import SessionEngine
import Views

/// The manual browser: sessions -> agenda items -> an item's page, and the search across it all.
@Suite struct BrowserTests {
    static let bundled = Fixture.repository.appendingPathComponent("Content/i-wotch").path

    @Test func searchIgnoresCaseAndAccentsAndSaysWhereTheMatchIs() throws {
        let programme = try Fixture.programme()
        let cafe = ManualSearch.hits(in: programme, for: "CAFE")
        #expect(cafe.count == 1)
        #expect(cafe.first?.field == .sessionTitle && cafe.first?.activity == nil)
        #expect(cafe.first?.match == 17..<21, "Group session 1: |Café|")
        #expect(ManualSearch.hits(in: programme, for: "café") == cafe)
        #expect(ManualSearch.hits(in: programme, for: "疼痛").count == 1)
        #expect(ManualSearch.hits(in: programme, for: "Ásks").map(\.activity) == ["c1-review"])
        let aims = ManualSearch.hits(in: programme, for: "AIMS")
        #expect(aims.map(\.field) == [.title, .step(1), .fidelity(1)])
        #expect(aims.allSatisfy { $0.activity == "g1-welcome" && $0.session == "group-1" })
        #expect(ManualSearch.hits(in: programme, for: "  ").isEmpty)
        #expect(ManualSearch.hits(in: programme, for: "no such words").isEmpty)
    }

    @Test func fromTheHomeScreenThroughSessionsAndItemsAndBack() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.press(.down, .down, .enter)                  // Browse the manual
        #expect(driver.state.screen.kind == .browse && driver.state.browser.level == .sessions)
        var text = driver.frame().plainText
        #expect(text.contains("Group session 1: Café and 疼痛") && text.contains("Telephone call 1"))
        driver.press(.enter)
        #expect(driver.state.browser.level == .items)
        #expect(driver.frame().plainText.contains("Relaxation practice"))
        driver.press(.down, .enter)
        text = driver.frame().plainText
        #expect(driver.state.browser.chosenItem(driver.programme)?.id == "g1-welcome")
        #expect(text.contains("Activity · 20 min · item 2 of 4\n"))
        #expect(text.contains("Lead: Nurse facilitator and Lay facilitator, together\n"))
        #expect(text.contains("Steps (2)") && text.contains("  1. Introduce yourselves.") && text.contains("Fidelity checklist (2)"))
        driver.press(.right)
        #expect(driver.state.browser.chosenItem(driver.programme)?.id == "g1-break")
        driver.press(.left, .escape)
        #expect(driver.state.browser.level == .items && driver.state.browser.item == 1)
        driver.press(.escape, .escape)
        #expect(driver.state.screen.kind == .home && driver.runner.quitMessage == nil)
    }

    @Test func searchResultsJumpToTheHitAndNStepsThroughThem() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.runner.startBrowsing(manualOnly: false)
        driver.press(.character("/")); driver.type("aims")
        #expect(driver.state.browser.level == .search && driver.state.browser.hits.count == 3)
        let results = driver.frame().plainText
        #expect(results.contains("3 hits for “aims”"))
        #expect(results.contains("step 2: Explain the aims of the session."))
        driver.press(.down, .enter)
        #expect(driver.state.browser.level == .detail && driver.state.browser.shownHit?.field == .step(1))
        var text = driver.frame().plainText
        #expect(text.contains("▶ 2. Explain the aims of the session."))
        #expect(text.contains("Hit 2 of 3 for “aims”: step 2. n next, N previous."))
        driver.press(.character("n"))
        #expect(driver.frame().plainText.contains("▶ 2. Explains the aims of the session."))
        driver.press(.character("n"))                       // round to the first: the title
        text = driver.frame().plainText
        #expect(text.contains("▶ Welcome and aims") && text.contains("Hit 1 of 3"))
        driver.press(.character("N"))
        #expect(driver.state.browser.hitIndex == 2)
        // In the search line ? and n are typed, not keys.
        driver.press(.character("/")); driver.type("?n")
        #expect(driver.state.screen.kind == .browse && driver.state.browser.query.text == "aims?n")
        #expect(driver.frame().plainText.contains("No hits for “aims?n”."))
        driver.press(.escape)
        #expect(driver.state.browser.level == .detail)
    }

    @Test func anItemPagesWithPgDnAndStopsAtItsEnd() throws {
        let programme = try #require(ProgrammeLoader.load(path: Self.bundled).programme)
        let driver = try Driver(programme: programme)
        defer { driver.cleanUp() }
        driver.runner.startBrowsing(manualOnly: false)
        driver.press(.down, .down, .enter)                  // Day 2
        driver.press(.down, .down, .down, .down, .enter)    // the fifth item
        let page = try #require(driver.state.browser.page(programme, width: 80))
        #expect(page.lines.count > 20, "a long item")
        driver.press(.pageDown)
        #expect(driver.state.browser.scroll == 19)
        driver.press(.end, .pageDown, .down)
        #expect(driver.state.browser.scroll == page.lines.count - 20)
        #expect(driver.frame().plainText.contains("Rows \(page.lines.count - 19)-\(page.lines.count) of \(page.lines.count)"))
        driver.press(.home)
        #expect(driver.state.browser.scroll == 0)
    }

    /// An outline's page says under its source that only the title and aims are published; a
    /// reconstructed item's page has no such row.
    @Test func anOutlineSaysItsDetailIsReconstructed() throws {
        let programme = try #require(ProgrammeLoader.load(path: Self.bundled).programme)
        let driver = try Driver(programme: programme)
        defer { driver.cleanUp() }
        driver.runner.startBrowsing(manualOnly: false)
        driver.press(.enter, .down, .enter)                 // Day 1, its second item
        let page = try #require(driver.state.browser.page(programme, width: 80))
        #expect(page.lines.prefix(5).map(\.text) == [
            "Introductions, group work and course aims",
            "Activity · 30 min · item 2 of 15",
            "Lead: Nurse facilitator and Lay facilitator, together",
            "Source: outline, Development paper (BMJ Open 2022;12:e053725), Table 2, day 1",
            "row 1",
        ])
        #expect(page.lines[5].text == "Only the title and aims are published; the steps, timings and fidelity items are")
        #expect(page.lines[6].text == "reconstructed.")
        #expect(driver.frame().plainText.contains("Only the title and aims are published;"))
        let movement = try #require(programme.session("day-1")?.agenda.first { $0.id == "d1-movement-posture" })
        let reconstructed = ManualPage(item: movement, number: 13, of: 15, width: 80, roles: programme.roles)
        #expect(reconstructed.lines[2].text == "Lead: Lay facilitator")
        #expect(reconstructed.lines[3].text.hasPrefix("Source: reconstructed, COPERS Day 1 session 6"))
        #expect(!reconstructed.lines.contains { $0.text.hasPrefix("Only the title") })
    }

    @Test func onItsOwnTheBrowserIsTheWholeConsole() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.runner.startBrowsing(manualOnly: true)
        #expect(!driver.frame().plainText.contains("LIVE"), "nothing is being delivered")
        driver.press(.enter, .enter, .character("q"))
        #expect(driver.runner.quitMessage == "Goodbye.")
    }

    @Test func aSearchHitWithStrangeTextNeverBreaksTheScreen() throws {
        let programme = try Fixture.programme()
        // Control characters and a right-to-left override must not reach the terminal.
        var edited = programme
        edited.sessions[0].agenda[1].steps[0] = "Introduce \u{1B}[31myourselves\u{202E} and é\u{301}"
        let driver = try Driver(programme: edited)
        defer { driver.cleanUp() }
        driver.runner.startBrowsing(manualOnly: false)
        driver.press(.character("/")); driver.type("YOURSELVES")
        let text = driver.frame().plainText
        #expect(!text.contains("\u{1B}") && !text.contains("\u{202E}"))
        driver.press(.enter)
        #expect(!driver.frame().plainText.contains("\u{1B}"))
    }
}
