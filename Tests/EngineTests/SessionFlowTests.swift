import Foundation
import Testing
@testable import Journal
@testable import SessionEngine

@Suite struct SessionFlowTests {
    @Test func aShortSessionFromSetupToSignOff() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        #expect(driver.state.screen.kind == .walkthrough)
        #expect(driver.delivery?.roster == ["P01", "P02", "P03"])
        #expect(driver.delivery?.currentActivity == "g1-arrival")

        // Register: P01 present, P02 late, P03 absent (notified), and a walk-in.
        driver.press(.character("a"))
        driver.press(.character("p"))                 // each mark moves on to the next person
        driver.wait(minutes: 5)
        driver.press(.character("l"), .character("x"), .character("y"))
        #expect(driver.state.registerSelection == 2, "after the absence question the selection stays in range")
        driver.press(.character("w")); driver.type("W01"); driver.press(.enter)
        driver.press(.escape)
        let attendance = try #require(driver.delivery?.attendance)
        #expect(attendance["P01"]?.status == .present)
        #expect(attendance["P02"]?.status == .late && attendance["P02"]?.arrivedAt == driver.now)
        #expect(attendance["P03"]?.status == .absent && attendance["P03"]?.notified == true)
        #expect(attendance["W01"]?.status == .present && driver.delivery?.walkIns == ["W01"])

        // Arrival has one step: the first "next" arms, the second moves on to the welcome.
        driver.wait(minutes: 5)
        driver.press(.pageDown)
        #expect(driver.state.advanceArmed && driver.delivery?.currentActivity == "g1-arrival")
        driver.press(.pageDown)
        #expect(driver.delivery?.currentActivity == "g1-welcome")
        driver.press(.space)
        #expect(driver.delivery?.currentStep == 1)
        driver.press(.pageUp)
        #expect(driver.delivery?.currentStep == 0)

        // Checklist: fully, then partly with an adaptation; who delivered cycles.
        driver.wait(minutes: 18)
        driver.press(.character("f"), .character("2"), .character("1"))
        driver.press(.character("m")); driver.type("Ran short of time"); driver.press(.enter)
        driver.press(.up, .character("b"))
        driver.press(.escape)
        let ratings = try #require(driver.delivery?.ratings)
        #expect(ratings["g1-welcome-1"]?.level == "fully")
        #expect(ratings["g1-welcome-1"]?.deliveredBy == ["nurse"])   // was both (the leads), b cycled on
        #expect(ratings["g1-welcome-2"]?.level == "partly")
        #expect(ratings["g1-welcome-2"]?.adaptation?.reason == "Ran short of time")

        // A note with accents, CJK and emoji.
        driver.press(.character("n")); driver.type("Zoë's café 疼痛 👍"); driver.press(.enter)
        #expect(driver.delivery?.notes.map(\.text) == ["Zoë's café 疼痛 👍"])

        // Close: summary, both sign off, the delivery is closed and the console leaves.
        driver.wait(minutes: 3)
        driver.press(.character("c"), .enter)
        #expect(driver.state.screen.kind == .close, "no close without both sign-offs")
        driver.press(.character("1"), .character("2"), .enter)
        #expect(driver.runner.quitMessage?.contains("closed and signed off") == true)

        let events = try driver.events()
        let closed = try #require(events.last)
        guard case .deliveryClosed(let data) = closed.body else { Issue.record("last event is \(closed.type)"); return }
        #expect(data.signoffs.map(\.code) == ["N01", "L01"])
        #expect(data.summary.participants == 4 && data.summary.present == 2 && data.summary.late == 1 && data.summary.absent == 1)
        #expect(events.filter { $0.type == "activity-ended" }.count == 2)
        let check = JournalCheck.run([try #require(driver.journalURL)], programmes: [driver.programme])
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map(\.message))")
    }

    @Test func nothingIsShownAsDoneUntilItIsOnDisk() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.runner.writer?.close()        // the disk goes away
        driver.press(.character("a"), .character("p"))
        #expect(driver.delivery?.attendance["P01"] == nil)
        #expect(driver.state.status?.kind == .problem)
        #expect(driver.state.status?.text.hasPrefix("✗ Not saved:") == true)
        #expect(driver.frame().plainText.contains("✗ Not saved:"))

        // A note that cannot be saved stays on screen, text and all.
        driver.press(.escape, .character("n")); driver.type("Projector failed")
        driver.press(.enter)
        #expect(driver.state.screen.kind == .note && driver.state.note.text == "Projector failed")
        #expect(driver.delivery?.notes.isEmpty == true)
    }

    @Test func leavingALiveSessionAsksFirstAndResumeReturnsToTheSamePlace() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.press(.character("a"), .character("p"), .escape)
        driver.wait(minutes: 10)
        driver.press(.pageDown, .pageDown, .space)   // welcome, step 2
        driver.wait(minutes: 4)
        driver.press(.character("p"))               // pause
        driver.wait(minutes: 2)
        driver.press(.character("q"))
        #expect(driver.state.dialog == .confirmQuit)
        driver.press(.character("n"))
        #expect(driver.state.dialog == nil && driver.runner.quitMessage == nil)
        let before = driver.frame().plainText
        driver.press(.character("q"), .character("y"))
        #expect(driver.runner.quitMessage?.contains("resume") == true)

        driver.restart()
        #expect(driver.state.resumable.count == 1)
        driver.press(.enter)                          // Resume is the first choice
        #expect(driver.state.screen.kind == .walkthrough)
        #expect(driver.delivery?.currentActivity == "g1-welcome")
        #expect(driver.delivery?.currentStep == 1)
        #expect(driver.delivery?.attendance["P01"]?.status == .present)
        #expect(driver.delivery?.isPaused == true)
        // Same clock, same screen (but for the status line, which says it resumed).
        let after = driver.frame().plainText.split(separator: "\n").dropLast(2)
        #expect(Array(after) == Array(before.split(separator: "\n").dropLast(2)))
    }

    @Test func privacyRefusalsAreMessagesNotCrashes() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        let count = try driver.events().count
        driver.press(.character("n")); driver.type("call 07700 900123"); driver.press(.enter)
        #expect(driver.state.screen.kind == .note, "the text stays for editing")
        #expect(driver.state.status?.text.contains("phone number") == true)
        #expect(try driver.events().count == count)
    }

    @Test func setupRefusesNamesAndNeedsTwoFacilitatorsForAGroup() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 Margaret")
        #expect(driver.state.screen.kind == .setup)
        #expect(driver.state.setup.problem?.contains("looks like a name") == true)
        #expect(driver.state.setup.focus == .participants)
        #expect(driver.journalURL == nil)
    }

    @Test func aGroupsRosterIsCarriedOverToItsNextDelivery() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 P02 P07")
        driver.press(.character("q"), .character("y"))
        driver.restart()
        driver.press(.down, .enter)                   // Run (below the resumable delivery)
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        #expect(driver.state.setup.site.text == "S01")
        #expect(driver.state.setup.facilitators.map(\.text) == ["N01", "L01"])
        #expect(driver.state.setup.roster == ["P01", "P02", "P07"])
    }

    @Test func timersComeFromRecordedTimesAndPausesStopThem() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.wait(minutes: 4)
        var timing = Timing(driver.state, now: driver.now)
        #expect(timing.itemElapsed == 240 && timing.state == .onTime)
        driver.press(.character("p"))
        driver.wait(minutes: 30)
        timing = Timing(driver.state, now: driver.now)
        #expect(timing.itemElapsed == 240 && timing.paused)
        driver.press(.character("p"))
        driver.wait(minutes: 4.5)                      // 8.5 of 10 minutes: inside the 2-minute warning
        timing = Timing(driver.state, now: driver.now)
        #expect(timing.state == .warning && timing.words == "⚠ 2 min left")
        driver.wait(minutes: 1.25)                     // 9:45 of 10 minutes: 15 s left
        #expect(Timing(driver.state, now: driver.now).words == "⚠ under a minute left")
        driver.wait(minutes: 0.5)                      // 10:15: the plan is used up, not yet over time
        timing = Timing(driver.state, now: driver.now)
        #expect(timing.state == .warning && timing.words == "⚠ time up")
        driver.wait(minutes: 0.25)                     // 10:30: half a minute past the plan is over time
        timing = Timing(driver.state, now: driver.now)
        #expect(timing.state == .overrun && timing.words == "‼ 1 min over")
        #expect(driver.frame().plainText.contains("‼ 1 min over"))
        driver.wait(minutes: 1)                        // 11:30: 12 minutes to the nearest, 2 over
        #expect(Timing(driver.state, now: driver.now).words == "‼ 2 min over")
    }
}

@Suite struct ResumeRefusalTests {
    @Test func aDeliveryOpenInAnotherConsoleIsNotResumedTwice() throws {
        let first = try Driver()
        defer { first.cleanUp() }
        first.startGroupSession()
        // A second console on the same journal folder while the first still holds the delivery.
        let second = try Driver(folder: first.folder)
        #expect(second.state.resumable.count == 1)
        second.press(.enter)
        #expect(second.state.screen.kind == .home)
        #expect(second.state.status?.kind == .problem)
        #expect(second.state.status?.text.contains("is open in another iwotch") == true)
        #expect(second.state.status?.text.contains("Close that one first") == true)
        #expect(second.state.status?.text.contains("Not saved") == false)
    }
}
