import Foundation
import Testing
@testable import SessionEngine
import Views

/// Golden frames at 80x24 of the rehearsal and the manual browser. Regenerated with
/// IWOTCH_UPDATE_GOLDEN=1 (see Tests/README.md); the live screens' goldens are FrameTests'.
@Suite struct RehearsalFrameTests {
    @Test func rehearsalWalkthroughAndTimingSummary() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.press(.character("a"), .character("p"), .character("p"), .escape)
        driver.wait(minutes: 12)
        driver.press(.pageDown, .pageDown, .space)
        driver.wait(minutes: 3)
        driver.press(.character("r"))
        driver.wait(minutes: 7)
        driver.press(.character("f"), .character("2"), .escape)
        driver.wait(minutes: 0.5)
        expectGolden(driver.frame(), "rehearsal-walkthrough")
        driver.press(.character("s"))
        driver.wait(minutes: 4)
        driver.press(.character("t"))
        expectGolden(driver.frame(), "timing-summary")
    }

    @Test func browserListDetailAndSearch() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.press(.down, .down, .enter)
        expectGolden(driver.frame(), "browser-list")
        driver.press(.enter, .down, .enter)
        expectGolden(driver.frame(), "browser-detail")
        driver.press(.character("/")); driver.type("AIMS")
        expectGolden(driver.frame(), "browser-search")
        driver.press(.down, .enter)
        expectGolden(driver.frame(), "browser-hit")
    }
}
