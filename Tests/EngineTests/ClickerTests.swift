import Foundation
import Testing
@testable import Journal
@testable import SessionEngine
import TestSupport
import Views

/// A presenter clicker's keys (PgUp, PgDn, arrows, b or ., F5, Esc) on every screen: none leaves
/// a running session or opens a question that then takes the clicker's next key, and from every
/// screen some short run of them comes back to a screen where the clicker works.
@Suite struct ClickerTests {
    static let keys: [Key] = [.pageUp, .pageDown, .up, .down, .left, .right, .character("b"), .character("."), .function(5), .escape]
    static let fresh = UUID(uuidString: "00000000-0000-4000-8000-000000000002")!

    /// Where a clicker does its work: the walk-through showing the session, or a screen with no
    /// delivery behind it (home, the manual, the audit), or a closed rehearsal's last summary.
    static func normal(_ state: ConsoleState) -> Bool {
        guard state.dialog == nil else { return false }
        switch state.screen.kind {
        case .walkthrough: return !state.blanked
        case .home, .browse, .audit: return true
        case .timing: return state.delivery?.isClosed ?? true
        default: return false
        }
    }

    /// The fewest clicker keys that bring `state` back to normal (nil if four do not).
    static func way(back state: ConsoleState, now: Date) -> [Key]? {
        var frontier: [(ConsoleState, [Key])] = [(state, [])]
        for _ in 0...4 {
            var next: [(ConsoleState, [Key])] = []
            for (state, path) in frontier {
                if normal(state) { return path }
                for key in keys { next.append((Engine.reduce(state, .key(key), now: now, fresh: fresh).state, path + [key])) }
            }
            frontier = next
        }
        return nil
    }

    @Test func noClickerKeyLeavesARunningSessionOrLeavesTheUserStuck() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let now = Fixture.start.addingTimeInterval(600)
        var checked = 0
        for situation in try KeyTableTests().situations(&drivers) {
            for key in Self.keys {
                let (after, effects) = Engine.reduce(situation.state, .key(key), now: now, fresh: Self.fresh)
                if let delivery = situation.state.delivery, !delivery.isClosed {
                    let quits = effects.contains { if case .quit = $0 { true } else { false } }
                    #expect(!quits, "\(situation.name): \(key.names.short) leaves the session")
                    // Typing b into a walk-in's code changes the question's text, not which question.
                    #expect(after.dialog == nil || situation.state.dialog != nil,
                            "\(situation.name): \(key.names.short) opens a question")
                }
                #expect(Self.way(back: after, now: now) != nil, "\(situation.name), then \(key.names.short): no clicker keys lead back")
                checked += 1
            }
        }
        #expect(checked > 400)
    }

    @Test func escOnTheWalkThroughAsksNothingAndPgDnStillSteps() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.press(.pageDown, .pageDown)                // the welcome, step 1 of 2
        driver.press(.escape)
        #expect(driver.state.dialog == nil)
        #expect(driver.state.status?.text == "The session carries on. To leave, press q (everything is saved).")
        driver.press(.pageDown)
        #expect(driver.delivery?.currentStep == 1)
        // q asks; the clicker's PgUp then closes the question and steps back.
        driver.press(.character("q"))
        #expect(driver.state.dialog == .confirmQuit)
        driver.press(.pageUp)
        #expect(driver.state.dialog == nil)
        #expect(driver.delivery?.currentStep == 0)
        // Enter after q only closes the question: it stays, nothing moves.
        driver.press(.character("q"), .enter)
        #expect(driver.state.dialog == nil)
        #expect(driver.delivery?.currentStep == 0)
        #expect(!driver.state.advanceArmed)
    }

    @Test func bBlanksTheScreenAndAnyKeyShowsItAgainWithoutActing() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.press(.character("b"))
        #expect(driver.state.blanked)
        let text = driver.frame().plainText
        #expect(text.contains("The screen is blank; the session's timers run on."))
        #expect(!text.contains("Arrival and register"))
        let events = try driver.events().count
        driver.press(.pageDown)
        #expect(!driver.state.blanked)
        #expect(try driver.events().count == events, "the key that shows the screen does nothing else")
        driver.press(.character("."))
        #expect(driver.state.blanked)
        driver.press(.character("."))
        #expect(!driver.state.blanked)
    }

    @Test func f5GoesBackToTheSessionFromTheScreensOverIt() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        for key in ["a", "g", "c", "i", "n", "?"] {
            driver.press(.character(Character(key)))
            #expect(driver.state.screen.kind != .walkthrough, "\(key)")
            driver.press(.function(5))
            #expect(driver.state.screen.kind == .walkthrough, "F5 after \(key)")
        }
        // The absence question over the register: F5 cancels it and goes back to the session.
        driver.press(.character("a"), .character("x"))
        #expect(driver.state.dialog != nil)
        driver.press(.function(5))
        #expect(driver.state.dialog == nil)
        #expect(driver.state.screen.kind == .walkthrough)
    }
}
