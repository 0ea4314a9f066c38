import Foundation
import Testing
@testable import SessionEngine
import Views

/// Golden frames: each screen rendered to text at 80x24, 120x40 and a too-small size.
/// Regenerated with IWOTCH_UPDATE_GOLDEN=1 (see Tests/README.md).
@Suite struct FrameTests {
    static let sizes = [(80, 24), (120, 40)]

    /// A delivery in progress: register marked, the welcome under way, one item rated.
    func inProgress() throws -> Driver {
        let driver = try Driver()
        driver.startGroupSession(participants: "P01 P02 P03 JB")
        driver.press(.character("a"), .character("p"))
        driver.wait(minutes: 6)
        driver.press(.character("l"), .character("x"), .character("n"), .escape)
        driver.wait(minutes: 4)
        driver.press(.pageDown, .pageDown, .space)
        driver.wait(minutes: 7)
        driver.press(.character("f"), .character("2"), .escape)
        driver.wait(minutes: 0.5)
        return driver
    }

    @Test func screensAtEachSize() throws {
        let driver = try inProgress()
        defer { driver.cleanUp() }
        for (width, height) in Self.sizes {
            expectGolden(driver.frame(width, height), "walkthrough")
            driver.press(.character("a")); expectGolden(driver.frame(width, height), "register"); driver.press(.escape)
            driver.press(.character("f")); expectGolden(driver.frame(width, height), "checklist"); driver.press(.escape)
            driver.press(.character("g")); expectGolden(driver.frame(width, height), "agenda"); driver.press(.escape)
            driver.press(.character("n")); driver.type("Zoë's café closed 疼痛 ok 👍")
            expectGolden(driver.frame(width, height), "note"); driver.press(.escape)
            driver.press(.character("c")); expectGolden(driver.frame(width, height), "close"); driver.press(.escape)
            driver.press(.character("?")); expectGolden(driver.frame(width, height), "help"); driver.press(.escape)
            driver.press(.character("q")); expectGolden(driver.frame(width, height), "confirm-quit"); driver.press(.character("n"))
        }
    }

    @Test func homeAndSetup() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        expectGolden(driver.frame(), "home")
        driver.press(.enter, .tab); driver.type("G01")
        expectGolden(driver.frame(), "setup")
    }

    /// Many open deliveries to resume: the list closes up, then scrolls, and never runs into
    /// the provenance paragraph below it.
    @Test func homeWithManyDeliveriesToResume() throws {
        let programme = try Fixture.programme()
        for count in [1, 4, 12] {
            let resumable = (1...count).map {
                ResumableDelivery(url: URL(fileURLWithPath: "/tmp/d\($0).jsonl"), title: "Group session", group: "G\($0)", lastEvent: Fixture.start)
            }
            var state = ConsoleState(programme: programme, resumable: resumable)
            state.screen = .home(HomeScreen(selection: count + 3)) // the audit item, below them all
            let lines = ConsoleView.render(state, width: 80, height: 24, now: Fixture.start).plainText.split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines[2..<22]
            #expect(body.contains { $0.contains("▶ Audit the records") }, "the chosen item is in view (\(count) to resume)")
            let provenance = body.firstIndex { $0.contains(programme.provenance.prefix(20)) }
            let lastItem = body.lastIndex { $0.hasPrefix("  ▶") || $0.hasPrefix("    ") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if let provenance, let lastItem { #expect(lastItem < provenance, "items and provenance overlap with \(count) to resume") }
            #expect(body.filter { $0.contains("Resume Group session") }.count == min(count, 16 - 4), "\(body.joined(separator: "\n"))")
        }
    }

    @Test func tooSmallSaysSoAtAnySize() throws {
        let driver = try inProgress()
        defer { driver.cleanUp() }
        expectGolden(driver.frame(60, 20), "walkthrough")
        #expect(driver.frame(79, 24).plainText.contains("Enlarge the window"))
        #expect(driver.frame(80, 23).plainText.contains("Enlarge the window"))
        #expect(driver.frame(2, 1).width == 2)   // never crashes, however small
    }

    @Test func nothingIsToldByColourAlone() throws {
        let driver = try inProgress()
        defer { driver.cleanUp() }
        driver.wait(minutes: 30)   // the welcome (20 min) is now over its budget
        let text = driver.frame().plainText
        #expect(text.contains("‼") && text.contains("min over"))
        #expect(text.contains("✓ Saved") || text.contains("✓ Every entry"))
    }

    @Test func theCursorSitsOnTheFocusedItem() throws {
        let driver = try inProgress()
        defer { driver.cleanUp() }
        let walkthrough = driver.frame()
        let cursor = try #require(walkthrough.cursor)
        #expect(walkthrough[cursor.x, cursor.y].text == "▶")
        driver.press(.character("n")); driver.type("疼痛")
        let note = driver.frame()
        #expect(note.cursor?.x == 2 + 4, "after two wide characters")
    }
}
