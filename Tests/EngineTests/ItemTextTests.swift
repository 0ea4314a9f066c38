import Foundation
import Testing
@testable import Journal
import Programme
@testable import SessionEngine
import TestSupport
import Views

/// The current item in full, one key away during a walk-through and a rehearsal; where each
/// item came from; a walk-through that uses a large window.
@Suite struct ItemTextTests {
    static func bundled() throws -> Programme { try #require(ProgrammeLoader.load(path: BrowserTests.bundled).programme) }

    /// A rehearsal of the bundled Day 1 at its first activity (after the arrival).
    static func dayOne(_ drivers: inout [Driver]) throws -> Driver {
        let driver = try Driver(programme: try bundled(), mode: .rehearsal)
        drivers.append(driver)
        driver.startRehearsal(session: "day-1")
        driver.press(.character("s"))
        return driver
    }

    static func rows(_ grid: Grid) -> [String] { grid.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func iOpensTheItemInFullAndItScrollsAndCloses() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let driver = try Self.dayOne(&drivers)
        let item = try #require(driver.state.currentItem)
        driver.press(.character("i"))
        #expect(driver.state.screen == .itemText(ItemTextScreen()))
        var text = driver.frame().plainText
        // The page is the manual's: title, then where the item came from, then its aims.
        #expect(text.contains(item.title))
        let source = try #require(item.source)
        #expect(text.contains("Source: \(source.kind.rawValue)"))
        #expect(text.contains("Aims"))
        // At 80x24, 20 rows show; the item is longer, so the status line says where the reader is.
        let page = ManualPage(item: item, number: 2, of: driver.state.agenda.count, width: 80)
        #expect(page.lines.count > 20)
        #expect(text.contains("Rows 1-20 of \(page.lines.count): PgDn for more"))
        // ↓ a row, PgDn a page less one row (a row of context), End to the last page, Home back.
        driver.press(.down)
        #expect(driver.state.itemTextScroll == 1)
        driver.press(.pageDown)
        #expect(driver.state.itemTextScroll == min(20, page.lines.count - 20))
        driver.press(.end)
        #expect(driver.state.itemTextScroll == page.lines.count - 20)
        text = driver.frame().plainText
        #expect(text.contains("Rows \(page.lines.count - 19)-\(page.lines.count) of \(page.lines.count)"))
        #expect(!text.contains("PgDn for more"))
        driver.press(.pageDown)
        #expect(driver.state.itemTextScroll == page.lines.count - 20, "no scrolling past the end")
        driver.press(.home)
        #expect(driver.state.itemTextScroll == 0)
        driver.press(.up)
        #expect(driver.state.itemTextScroll == 0, "no scrolling above the top")
        // Esc, i and Enter each close it; nothing was recorded meanwhile.
        let events = try driver.events().count
        for key in [Key.escape, .character("i"), .enter] {
            driver.press(.character("i"))
            driver.press(key)
            #expect(driver.state.screen.kind == .walkthrough, "\(key)")
        }
        #expect(try driver.events().count == events)
    }

    @Test func theFullTextPaneAt80x24() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let driver = try Self.dayOne(&drivers)
        driver.press(.character("i"))
        expectGolden(driver.frame(), "item-text-top")
        driver.press(.end)
        expectGolden(driver.frame(), "item-text-end")
    }

    @Test func aLiveDeliveryOpensItToo() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.press(.pageDown, .pageDown)                // on to the welcome
        driver.press(.character("i"))
        let rows = Self.rows(driver.frame())
        #expect(rows[0].contains("Mini programme › Item 2 of 4 in full › Group session 1"))
        #expect(rows[2] == "Welcome and aims")
        // Who leads, by the roles' titles in the mini programme (Nurse facilitator, Lay facilitator).
        #expect(rows[4] == "Lead: Nurse facilitator and Lay facilitator, together")
        #expect(rows[5] == "Source: reconstructed, Written for the tests.")
        #expect(rows.contains("  • Set a relaxed tone."))
        #expect(rows.contains("  1. Introduce yourselves."))
        #expect(rows.contains("  • Name badges"))
        #expect(rows.contains("  1. Introduces both facilitators."))
    }

    // MARK: Provenance on the walk-through

    @Test func anItemNotPublishedSaysWhereItCameFromOnItsTitleLine() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        // The arrival has no source: nothing is said.
        #expect(Self.rows(driver.frame())[2] == "▶ Arrival · Arrival and register")
        driver.press(.pageDown, .pageDown)
        #expect(Self.rows(driver.frame())[2].hasPrefix("▶ Welcome and aims [reconstructed]"))
        // The break, then the practice: published, so no marker.
        driver.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(driver.state.delivery?.currentActivity == "g1-practice")
        #expect(Self.rows(driver.frame())[2].hasPrefix("▶ Relaxation practice  ") || Self.rows(driver.frame())[2].hasPrefix("▶ Relaxation practice "))
        #expect(!Self.rows(driver.frame())[2].contains("["))
    }

    // MARK: A large window

    @Test func at120x40TheWalkThroughCutsNothingThatFits() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let driver = try Self.dayOne(&drivers)
        driver.runner.handle(.viewport(width: 120, height: 40), now: driver.now)
        let grid = driver.frame(120, 40)
        let text = grid.plainText
        let item = try #require(driver.state.currentItem)
        #expect(!text.contains("…"), "\(text)")
        // Every step is there in full (each starts its own numbered row).
        for (index, step) in item.steps.enumerated() {
            let words = step.split(separator: " ").prefix(4).joined(separator: " ")
            #expect(text.contains("\(index + 1). \(words)"), "step \(index + 1)")
        }
        expectGolden(grid, "walkthrough-day1-rehearsal")
        let live = try Driver()
        defer { live.cleanUp() }
        live.startGroupSession()
        live.press(.pageDown, .pageDown)
        expectGolden(live.frame(120, 40), "walkthrough-welcome-live")
    }

    @Test func at80x24RowsTheShortenedStepsLeaveGoToTheAims() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let driver = try Self.dayOne(&drivers)
        let rows = Self.rows(driver.frame())
        // A rehearsal's two-row bar leaves rows 5 to 18 for the item: 14 rows. The short form
        // takes 12 (aims 1, steps 1 + 5 + the first step's 2, key messages 2, materials 1);
        // the 2 left over give the aims all 3 of theirs, and nothing is left for the key messages.
        #expect(rows[5] == "Aims  Help the group feel safe and relaxed enough to talk openly with each")
        #expect(rows[7] == "      the course aims to do.")
        #expect(rows[8] == "Steps · step 1 of 6")
        #expect(rows[15].hasPrefix("  6. Say clearly"))
        #expect(rows[16].hasPrefix("Key   • This is a safe group"))
        #expect(rows[17].hasSuffix("…"))
        #expect(rows[18].hasPrefix("Have  Flipchart"))
    }

    /// Every item of the bundled sessions: at 120x40 no row of the item is cut; at 80x24 a row is
    /// cut only when no row is left empty (the spacer under the timer aside), so nothing that
    /// would fit is cut.
    @Test func noRowIsCutWhileARowIsEmpty() throws {
        for session in ["day-1", "day-2", "day-3", "one-to-one-1", "one-to-one-2", "call-1", "call-2"] {
            let driver = try Driver(programme: try Self.bundled(), mode: .rehearsal)
            defer { driver.cleanUp() }
            driver.startRehearsal(session: session)
            for _ in driver.state.agenda.indices {
                let item = driver.state.delivery?.currentActivity ?? "?"
                let large = Self.rows(driver.frame(120, 40))
                #expect(!large[5...35].contains { $0.contains("…") }, "\(session) \(item) at 120x40")
                let small = Self.rows(driver.frame(80, 24))
                let body = small[5...18]        // rows 5 to 18 hold the item (a rehearsal's bar takes two rows)
                if body.contains(where: { $0.contains("…") }) {
                    #expect(!body.contains { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(session) \(item) at 80x24")
                }
                driver.press(.character("s"))
            }
        }
    }

    // MARK: Keys on the bar

    @Test func onABreakTheBarOffersNoRating() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(driver.state.delivery?.currentActivity == "g1-break")
        let bar = KeyTables.table(for: driver.state).bar.map(\.0)
        #expect(!bar.contains("f"))
        #expect(bar.contains("i"))
        driver.press(.pageDown, .pageDown)
        #expect(KeyTables.table(for: driver.state).bar.map(\.0).contains("f"))
    }

    @Test func theRehearsalBarHasEveryKeyThatWorksOnTwoRowsAt80() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let driver = try Self.dayOne(&drivers)
        let labels = Set(KeyTables.table(for: driver.state).bar.map(\.0))
        #expect(labels == ["→←", "i", "a", "f", "n", "g", "p", "r", "s", "t", "c", "?", "q"])
        let rows = Self.rows(driver.frame())
        #expect(rows[22].hasPrefix("→← step  i text  a register"))
        #expect(rows[23].hasSuffix("q quit"))
    }
}
