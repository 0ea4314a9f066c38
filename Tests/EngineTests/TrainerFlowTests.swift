import Foundation
import Testing
@testable import Journal
import Programme
@testable import Runtime
@testable import SessionEngine
import Views

/// A trainer's flow through rehearsals and the manual: a rehearsal of another programme is
/// refused with a reason, a session asked for by name is honoured beside open rehearsals,
/// skipped items read "not run", and a new search leaves nothing of the last one on screen.
@Suite struct TrainerFlowTests {
    static let training = Fixture.repository.appendingPathComponent("Content/iwotch-training").path

    @Test func aRehearsalOfAnotherProgrammeIsRefusedWithTheProgrammeToOpen() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.press(.character("s"))
        let before = try Data(contentsOf: try #require(driver.journalURL))
        driver.runner.writer?.close()

        let other = try #require(ProgrammeLoader.load(path: Self.training).programme)
        let console = try Driver(programme: other, folder: driver.folder, mode: .rehearsal)
        #expect(console.state.resumable.count == 1 && console.state.screen.kind == .home)
        console.press(.enter)                                // Resume, the first item
        #expect(console.state.screen.kind == .home && console.delivery == nil && console.runner.writer == nil)
        #expect(console.state.status?.kind == .problem)
        #expect(console.state.status?.text == "✗ “Group session 1: Café and 疼痛” belongs to programme mini 1.0, not iwotch-training: "
                + "resume it with `iwotch rehearse --content` and its folder.")
        #expect(console.frame().plainText.contains("resume it with `iwotch rehearse --content` and its folder."))
        // Nothing was written to it: no resume event, no lock taken over.
        let file = try #require(JournalDirectory(root: driver.folder).files(.rehearsal).first)
        #expect(try Data(contentsOf: file) == before)

        // Its own programme takes it up as before.
        let own = try Driver(folder: driver.folder, mode: .rehearsal)
        own.press(.enter)
        #expect(own.state.screen.kind == .walkthrough && own.delivery?.currentActivity == "g1-welcome")
    }

    @Test func aSessionNamedBesideAnOpenRehearsalIsSetUpAndTheOpenOneIsKept() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.restart()
        #expect(driver.state.resumable.count == 1)
        driver.runner.startSetup(asking: "group-1", now: driver.now)
        #expect(driver.state.screen.kind == .setup && driver.state.setup.sessionID == "group-1")
        #expect(driver.state.status?.text == "Your open rehearsal is kept: Esc goes home, where Enter resumes it.")
        // The status line takes its whole row: nothing of the form's hint shows past it.
        #expect(driver.frame().plainText.contains("\nYour open rehearsal is kept: Esc goes home, where Enter resumes it.\n"))
        driver.press(.escape)
        #expect(driver.state.screen.kind == .home)
        driver.press(.enter)
        #expect(driver.state.screen.kind == .walkthrough && driver.delivery?.currentActivity == "g1-arrival")
    }

    @Test func skippedItemsAreNotRunAndLeftOutOfTheTotal() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.wait(minutes: 3)
        driver.press(.character("s"))                        // arrival ran 3 of 10 minutes
        driver.wait(minutes: 4.0 / 60)
        driver.press(.character("s"))                        // welcome left after 4 seconds: skipped
        driver.wait(minutes: 2)                              // break: 2 of 10, still running
        let practice = TimingPractice(driver.state, now: driver.now)
        let rows = Dictionary(uniqueKeysWithValues: practice.rows.map { ($0.id, $0) })
        #expect(rows["g1-arrival"]?.differenceWords == "7 min under")
        #expect(rows["g1-welcome"]?.started == false && rows["g1-welcome"]?.skipped == true)
        #expect(rows["g1-welcome"]?.differenceWords == "not run (skipped)")
        #expect(rows["g1-break"]?.differenceWords == "8 min under so far")
        #expect(rows["g1-practice"]?.skipped == false && rows["g1-practice"]?.differenceWords == "not run")
        // Arrival and break: 10 + 10 planned, 3 + 2 minutes taken, 15 under.
        #expect(practice.run.map(\.id) == ["g1-arrival", "g1-break"])
        #expect(practice.plannedMinutesOfRun == 20 && practice.actualSecondsOfRun == 300 && practice.totalDifferenceMinutes == -15)
        driver.press(.character("t"))
        let text = driver.frame().plainText
        #expect(text.contains("Total of the 2 items run") && !text.contains("0m 04s"))
        #expect(text.contains("not run (skipped)"))
    }

    @Test func anItemSteppedThroughOrRestartedRanHoweverShort() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.press(.character("s"))                        // arrival: passed over
        driver.press(.right)                                 // welcome: step 2 at once
        driver.press(.character("s"))
        let rows = TimingPractice(driver.state, now: driver.now).rows
        #expect(rows[0].skipped && !rows[0].started)
        #expect(!rows[1].skipped && rows[1].started && rows[1].actualSeconds == 0)
    }

    @Test func fiveSecondsOnAnItemIsARunHoweverShort() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.wait(minutes: 5.0 / 60)
        driver.press(.character("s"))                        // arrival left after 5 seconds
        let arrival = try #require(TimingPractice(driver.state, now: driver.now).rows.first)
        #expect(arrival.started && !arrival.skipped && arrival.actualSeconds == 5)
        #expect(arrival.differenceWords == "10 min under")
    }

    @Test func aNewSearchLeavesNothingOfThePreviousOne() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.runner.startBrowsing(manualOnly: false)
        driver.press(.character("/")); driver.type("aims")
        driver.press(.down, .enter)                          // hit 2: step 2 of the welcome
        #expect(driver.frame().plainText.contains("Hit 2 of 3 for “aims”"))
        driver.press(.character("/"))
        #expect(driver.state.status == nil)
        driver.type("z")                                     // "aimsz": no hits
        #expect(driver.state.browser.shownHit == nil && driver.state.status == nil)
        driver.press(.escape)
        let page = driver.frame().plainText
        #expect(driver.state.browser.level == .detail)
        #expect(!page.contains("Hit 2 of 3") && !page.contains("▶ 2. Explain the aims of the session."))
        driver.press(.character("n"))
        #expect(driver.state.status?.text == "No hits for “aimsz”: press / to search for something else.")
    }
}
