import Foundation
import Testing
@testable import Journal
import Programme
@testable import Runtime
@testable import SessionEngine
import Views

/// Live reload: rehearsals and the stand-alone browser take up edits to the content files; a
/// live console never does. Each test edits its own copy of the mini fixture.
@Suite struct ContentReloadTests {
    /// A copy of the mini programme in a temporary folder, to edit.
    final class ContentCopy {
        let folder: URL
        var session: URL { folder.appendingPathComponent("sessions/group-1.yaml") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-content-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixture.mini), to: folder)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func programme() throws -> Programme { try #require(ProgrammeLoader.load(path: folder.path).programme) }

        /// Replaces the first `old` in the session file with `new`.
        func edit(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let text = try String(contentsOf: session, encoding: .utf8)
            let range = try #require(text.range(of: old), sourceLocation: sourceLocation)
            try text.replacingCharacters(in: range, with: new).write(to: session, atomically: false, encoding: .utf8)
        }
    }

    /// The next poll, a second on (the runtime looks once a second).
    func poll(_ driver: Driver) {
        driver.now = driver.now.addingTimeInterval(1)
        driver.runner.pollContent(now: driver.now)
    }

    @Test func followingEditsIsAPropertyOfTheMode() throws {
        #expect(!JournalEvent.Mode.live.followsContentEdits)
        #expect(JournalEvent.Mode.rehearsal.followsContentEdits)
        let programme = try Fixture.programme()
        var live = ConsoleState(programme: programme, mode: .live)
        #expect(!live.followsContentEdits)
        live.openManual()
        #expect(!live.followsContentEdits, "browsing from a live console's home keeps its content")
        live.manualOnly = true
        #expect(live.followsContentEdits, "iwotch browse follows edits")
        #expect(ConsoleState(programme: programme, mode: .rehearsal).followsContentEdits)
    }

    @Test func aRehearsalTakesUpANewTextAndKeepsItsPinnedAgenda() throws {
        let content = try ContentCopy()
        let driver = try Driver(programme: try content.programme(), mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.runner.followContent(at: content.folder.path)
        driver.startRehearsal()
        driver.press(.pageDown, .pageDown)                  // the welcome
        poll(driver)
        #expect(driver.state.status?.text.contains("reloaded") != true, "nothing changed yet")

        // A new wording, and a new item at the end of the agenda (with the planned minutes to match).
        try content.edit("- Introduce yourselves.", "- Introduce yourselves and the course.")
        try content.edit("planned_minutes: 60", "planned_minutes: 65")
        var text = try String(contentsOf: content.session, encoding: .utf8)
        text += "  - id: g1-extra\n    kind: break\n    title: Extra break\n    minutes: 5\n"
        try text.write(to: content.session, atomically: false, encoding: .utf8)
        poll(driver)

        let frame = driver.frame().plainText
        #expect(frame.contains("1. Introduce yourselves and the course."))
        #expect(driver.state.status?.text.hasPrefix("Content reloaded at") == true)
        #expect(driver.state.programme.session("group-1")?.agenda.count == 5)
        #expect(driver.state.agenda.count == 4, "the agenda pinned at opening stays")
        #expect(frame.contains("2 of 4"))
        // Writing still refers to the pinned agenda: moving on works as before.
        driver.press(.character("s"))
        #expect(driver.delivery?.currentActivity == "g1-break")
    }

    @Test func aBrokenEditShowsTheCheckersErrorAndKeepsTheLastGoodContent() throws {
        let content = try ContentCopy()
        let driver = try Driver(programme: try content.programme(), mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.runner.followContent(at: content.folder.path)
        driver.startRehearsal()
        driver.press(.pageDown, .pageDown)

        try content.edit("- Introduce yourselves.", "- Introduce yourselves warmly.")
        poll(driver)
        try content.edit("minutes: 20", "minutes: twenty")
        poll(driver)
        let problem = try #require(driver.state.contentProblems.first)
        #expect(problem.file == "sessions/group-1.yaml")
        #expect(problem.line == 17 && problem.message.contains("whole number"))
        let frame = driver.frame().plainText
        #expect(frame.contains("✗ The content has an error; still showing the last good version:"))
        #expect(frame.contains("sessions/group-1.yaml:17: minutes must be a whole number"))
        #expect(frame.contains("1. Introduce yourselves warmly."), "the last good text stays")
        #expect(driver.state.screen.kind == .walkthrough && driver.runner.quitMessage == nil)

        // Rubbish in place of a file is a problem like any other, never a crash.
        try Data([0xFF, 0xFE, 0x00, 0x9F]).write(to: content.session)
        poll(driver)
        #expect(!driver.state.contentProblems.isEmpty)
        #expect(driver.frame().plainText.contains("sessions/group-1.yaml:"))

        try FileManager.default.removeItem(at: content.session)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixture.mini).appendingPathComponent("sessions/group-1.yaml"), to: content.session)
        poll(driver)
        #expect(driver.state.contentProblems.isEmpty)
        #expect(driver.state.status?.text.hasPrefix("Content fixed and reloaded at") == true)
        #expect(driver.frame().plainText.contains("1. Introduce yourselves."))
    }

    @Test func theBrowserOnItsOwnFollowsEditsAndKeepsItsPlace() throws {
        let content = try ContentCopy()
        let driver = try Driver(programme: try content.programme())
        defer { driver.cleanUp() }
        driver.runner.followContent(at: content.folder.path)
        driver.runner.startBrowsing(manualOnly: true)
        driver.press(.enter, .down, .enter)                  // Welcome and aims, in full
        try content.edit("- Everyone is welcome.", "- Everyone is welcome here.")
        poll(driver)
        #expect(driver.state.browser.level == .detail && driver.state.browser.chosenItem(driver.state.programme)?.id == "g1-welcome")
        #expect(driver.frame().plainText.contains("• Everyone is welcome here."))
    }

    @Test func aLiveConsoleNeverReloads() throws {
        let content = try ContentCopy()
        let original = try content.programme()
        let driver = try Driver(programme: original)
        defer { driver.cleanUp() }
        driver.runner.followContent(at: content.folder.path)
        driver.startGroupSession()
        driver.press(.pageDown, .pageDown)
        try content.edit("- Introduce yourselves.", "- Introduce yourselves and the course.")
        try content.edit("minutes: 10", "minutes: ten")
        poll(driver)
        poll(driver)
        #expect(driver.state.programme == original)
        #expect(driver.state.contentProblems.isEmpty)
        #expect(driver.frame().plainText.contains("1. Introduce yourselves."))

        // Whatever reaches the engine, a live state keeps its content.
        var state = driver.state
        var edited = original
        edited.title = "Edited"
        _ = Engine.update(&state, .contentReloaded(edited), now: driver.now, fresh: UUID())
        _ = Engine.update(&state, .contentRejected([ContentProblem(file: "x.yaml", line: 1, message: "broken")]), now: driver.now, fresh: UUID())
        #expect(state.programme == original && state.contentProblems.isEmpty)
    }
}
