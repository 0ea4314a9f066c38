import Foundation
import Testing
@testable import SessionEngine
import Journal

/// A journal file the console cannot read may be an open delivery: the home screen lists it,
/// with the reason, instead of leaving it out; Enter says what to do and changes nothing.
@Suite struct UnreadableJournalTests {
    @Test func aFIFOAndADamagedOpeningAreListedWithTheirReasons() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.press(.character("q"), .character("y"))
        let live = JournalDirectory(root: driver.folder).folder(for: .live)
        // Names that sort after the real delivery's (2026-03-04-...), so the order below is by rule, not by name.
        #expect(mkfifo(live.appendingPathComponent("2026-03-05-g02-group-1-pipe.jsonl").path, 0o600) == 0)
        try Data("{\"schema\":1,\"seq\":1, torn\n".utf8).write(to: live.appendingPathComponent("2026-03-06-g03-group-1-torn.jsonl"))
        driver.restart()
        let problems = driver.state.resumable.map(\.problem)
        // The readable open delivery first (it has a time); then the unreadable, by name.
        #expect(problems == [nil, "is not a regular file: it is a FIFO (named pipe)", "has a first line that cannot be read"])
        #expect(driver.state.resumable.map(\.title).dropFirst() == ["2026-03-05-g02-group-1-pipe", "2026-03-06-g03-group-1-torn"])
        let text = driver.frame().plainText
        #expect(text.contains("✗ 2026-03-05-g02-group-1-pipe  is not a regular file: it is a FIFO (named"), "\(text)")
        #expect(text.contains("✗ 2026-03-06-g03-group-1-torn  has a first line that cannot be read"), "\(text)")
        driver.press(.down, .down, .enter)
        #expect(driver.state.screen.kind == .home)
        #expect(driver.state.status?.kind == .problem)
        #expect(driver.state.status?.text == "2026-03-06-g03-group-1-torn has a first line that cannot be read. Run `iwotch journal check` on it; nothing can be added to it until it reads.")
    }
}
