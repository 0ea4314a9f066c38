import Foundation
import Testing
@testable import Journal
import Programme
@testable import Runtime
@testable import SessionEngine
import Views

/// Rehearsals: the live walk-through under a REHEARSAL banner, recorded apart from live records,
/// with restart, skip and the timing practice summary.
@Suite struct RehearsalTests {
    func first(_ grid: Grid) -> String { String(grid.plainText.prefix { $0 != "\n" }) }

    @Test func everyScreenOfARehearsalCarriesTheBanner() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        var seen: [String: String] = [:]
        func look(_ name: String) { seen[name] = first(driver.frame()) }
        look("home")
        driver.runner.startSetup(session: "group-1", group: nil); look("setup")
        driver.press(.up, .enter); look("walkthrough")
        driver.press(.character("a")); look("register")
        driver.press(.character("x")); look("absence dialog")
        driver.press(.escape, .character("w")); look("walk-in dialog")
        driver.press(.escape, .escape, .character("f")); look("checklist")
        driver.press(.escape, .character("g")); look("agenda")
        driver.press(.escape, .character("n")); look("note")
        driver.press(.escape, .character("?")); look("help")
        driver.press(.escape, .character("t")); look("timing")
        driver.press(.escape, .character("c")); look("close")
        driver.press(.escape, .character("q")); look("confirm-quit dialog")
        #expect(seen.count == 13)
        for (screen, header) in seen {
            #expect(header.hasPrefix(" REHEARSAL "), "\(screen): \(header)")
        }
        #expect(driver.frame().plainText.contains("Leave the rehearsal?"))
    }

    @Test func theSetUpIsFilledInWithSampleCodesThatCanBeChanged() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.runner.startSetup(session: "group-1", group: nil)
        let form = driver.state.setup
        #expect(form.group.text == "REH" && form.site.text == "TRN-1")
        #expect(form.facilitators.map(\.text) == ["TRN1", "TRN2"])
        #expect(form.roster == ["R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08"])
        // A one-to-one gets one facilitator and one participant; a changed field keeps its text.
        driver.press(.tab, .tab); driver.press(.backspace); driver.type("2")      // site TRN-2
        driver.press(.backTab, .backTab, .right)                                   // session: call-1
        #expect(driver.state.setup.sessionID == "call-1")
        #expect(driver.state.setup.site.text == "TRN-2")
        #expect(driver.state.setup.facilitators.map(\.text) == ["TRN1"] && driver.state.setup.roster == ["R01"])
        driver.press(.up, .enter)
        #expect(driver.state.screen.kind == .walkthrough, "\(driver.state.setup.problem ?? "")")
        #expect(driver.delivery?.opened?.site == "TRN-2")
    }

    @Test func aRehearsalIsRecordedOnlyUnderRehearsalAndNeverOfferedToResumeLive() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        // Home > Rehearse switches the console to the rehearsal folder and its set-up.
        #expect(driver.state.mode == .live)
        driver.press(.down, .enter)
        #expect(driver.state.mode == .rehearsal && driver.state.screen.kind == .setup)
        driver.press(.up, .enter)
        #expect(driver.state.screen.kind == .walkthrough)
        driver.press(.character("a"), .character("p"), .escape, .pageDown, .pageDown, .character("r"))
        driver.press(.character("q"), .character("y"))

        let directory = JournalDirectory(root: driver.folder)
        #expect(directory.files(.rehearsal).count == 1)
        #expect(directory.files(.live).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.folder(for: .live).path))
        let events = try ReadJournal.read(directory.files(.rehearsal)[0]).events.map(\.event)
        #expect(events.count > 10 && events.allSatisfy { $0.mode == .rehearsal })

        // A live console does not offer it; a rehearsal console does, as a rehearsal.
        let live = try Driver(folder: driver.folder)
        #expect(live.state.resumable.isEmpty)
        #expect(!live.frame().plainText.contains("Resume"))
        let rehearsal = try Driver(folder: driver.folder, mode: .rehearsal)
        #expect(rehearsal.state.resumable.count == 1)
        #expect(rehearsal.frame().plainText.contains("Resume the rehearsal of Group session 1"))
        rehearsal.press(.enter)
        #expect(rehearsal.state.screen.kind == .walkthrough && rehearsal.delivery?.currentActivity == "g1-welcome")

        // Even a rehearsal journal copied into the live folder is not offered live.
        rehearsal.runner.writer?.close()
        try FileManager.default.createDirectory(at: directory.folder(for: .live), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: directory.files(.rehearsal)[0],
                                         to: directory.folder(for: .live).appendingPathComponent("copied.jsonl"))
        #expect(try Driver(folder: driver.folder).state.resumable.isEmpty)
    }

    @Test func restartWritesActivityStartedAgainAndTheTimerStartsFromZero() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.press(.pageDown, .pageDown, .space)         // welcome, step 2
        driver.wait(minutes: 5)
        #expect(Timing(driver.state, now: driver.now).itemElapsed == 300)
        let before = try driver.events().count
        driver.press(.character("r"))
        let events = try driver.events()
        #expect(events.count == before + 1)
        guard case .activityStarted(let started) = events.last?.body else { Issue.record("\(events.last?.type ?? "")"); return }
        #expect(started.activity == "g1-welcome")
        #expect(events.last?.mode == .rehearsal)
        #expect(driver.delivery?.currentStep == 0, "a restart begins at the first step")
        #expect(Timing(driver.state, now: driver.now).itemElapsed == 0)
        #expect(driver.state.status?.text.contains("restarted Welcome and aims") == true)
        driver.wait(minutes: 3)
        #expect(Timing(driver.state, now: driver.now).itemElapsed == 180)

        // Replay from the journal agrees: the time counts from the restart, and the restart is counted.
        let replayed = DeliveryState.replay(try driver.events())
        #expect(replayed.seconds(of: "g1-welcome", until: driver.now) == 180)
        #expect(replayed.restarts["g1-welcome"] == 1)
        let check = JournalCheck.run([try #require(driver.journalURL)], programmes: [driver.programme])
        #expect(check.diagnostics.filter { $0.severity == .error }.isEmpty, "\(check.diagnostics.map(\.message))")
    }

    @Test func skipMovesOnAtOnceAndTheLastItemSaysSo() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.press(.character("s"))
        #expect(driver.delivery?.currentActivity == "g1-welcome" && !driver.state.advanceArmed)
        driver.press(.character("s"), .character("s"))
        #expect(driver.delivery?.currentActivity == "g1-practice")
        driver.press(.character("s"))
        #expect(driver.delivery?.currentActivity == "g1-practice")
        #expect(driver.state.status?.text.contains("last item") == true)
    }

    @Test func theTimingSummaryComesFromTheRecordedTimes() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.wait(minutes: 12)
        driver.press(.character("s"))                       // arrival: 12 of 10 minutes
        driver.wait(minutes: 4)
        driver.press(.character("r"))                       // welcome again from the top
        driver.press(.character("f"), .character("2"), .escape)
        driver.wait(minutes: 15)
        driver.press(.character("s"))                       // welcome: 15 of 20 since the restart
        driver.wait(minutes: 10)                            // break: 10 of 10, still running

        let practice = TimingPractice(driver.state, now: driver.now)
        let rows = Dictionary(uniqueKeysWithValues: practice.rows.map { ($0.id, $0) })
        #expect(rows["g1-arrival"]?.actualSeconds == 720 && rows["g1-arrival"]?.differenceMinutes == 2)
        #expect(rows["g1-arrival"]?.differenceWords == "‼ 2 min over")
        #expect(rows["g1-welcome"]?.actualSeconds == 900 && rows["g1-welcome"]?.differenceMinutes == -5)
        #expect(rows["g1-welcome"]?.restarts == 1 && rows["g1-welcome"]?.differenceWords == "5 min under")
        #expect(rows["g1-break"]?.differenceWords == "on time so far")
        #expect(rows["g1-practice"]?.started == false && rows["g1-practice"]?.differenceWords == "not run")
        #expect(practice.plannedMinutesOfRun == 40 && practice.actualSecondsOfRun == 2220 && practice.totalDifferenceMinutes == -3)
        #expect(practice.unrated.map(\.item) == ["g1-welcome-2", "g1-practice-1"])
        #expect(practice.unrated.first?.behaviour == "Explains the aims of the session.")

        driver.press(.character("t"))
        let text = driver.frame().plainText
        #expect(driver.state.screen.kind == .timing)
        #expect(text.contains("Welcome and aims (restarted 1×)"))
        #expect(text.contains("Total of the 3 items run") && text.contains("3 min under"))
        #expect(text.contains("⚠ Not rated: 2 fidelity items in 2 activities"))
        driver.press(.escape)
        #expect(driver.state.screen.kind == .walkthrough)
    }

    @Test func closingARehearsalEndsOnItsTimingSummary() throws {
        let driver = try Driver(mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        driver.wait(minutes: 8)
        driver.press(.character("c"), .character("1"), .character("2"), .enter)
        #expect(driver.delivery?.isClosed == true)
        #expect(driver.state.screen.kind == .timing && driver.runner.quitMessage == nil)
        #expect(driver.frame().plainText.contains("Enter leave iwotch"))
        driver.press(.enter)
        #expect(driver.runner.quitMessage?.contains("apart from live records") == true)
        #expect(try driver.events().allSatisfy { $0.mode == .rehearsal })
    }

    @Test func aLiveSessionHasNoRehearsalKeys() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        let count = try driver.events().count
        driver.press(.character("r"), .character("s"), .character("t"))
        #expect(try driver.events().count == count)
        #expect(driver.state.screen.kind == .walkthrough && driver.delivery?.currentActivity == "g1-arrival")
        #expect(first(driver.frame()).hasPrefix(" LIVE "))
    }
}
