import Foundation
import Testing
@testable import Journal
@testable import Runtime
@testable import SessionEngine

/// Through the runner and a real journal: each event takes the offset from UTC of its own moment,
/// and a resumed delivery records how long the console was stopped.
struct ClockAndResumeFlowTests {
    @Test func eachEventTakesTheOffsetOfItsOwnMoment() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        // The clocks go forward an hour 30 minutes in (as at the start of British Summer Time).
        let change = Fixture.start.addingTimeInterval(30 * 60)
        driver.runner = ConsoleRunner(programme: driver.programme, directory: JournalDirectory(root: driver.folder), mode: .live,
                                      utcOffset: { $0 < change ? 0 : 60 })
        driver.startGroupSession()
        driver.wait(minutes: 40)
        driver.press(.character("p"))
        let events = try driver.events()
        #expect(events.first?.utcOffsetMinutes == 0)
        #expect(events.last?.type == "timer-paused")
        #expect(events.last?.utcOffsetMinutes == 60, "written at 10:40 UTC, after the change: +01:00")
        let line = try String(contentsOf: try #require(driver.journalURL), encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.contains("\"utc_offset\":\"+01:00\""))
    }

    @Test func resumingWritesTheGapAndTheAuditAndTimingSayIt() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        let last = try #require(try driver.events().last)
        // Killed; started again 12 minutes 34 seconds after the last event: 754 s.
        driver.restart()
        driver.now = last.time.addingTimeInterval(754)
        driver.press(.enter)                          // Resume is the first choice
        let resumed = try #require(try driver.events().last)
        #expect(resumed.body == .consoleResumed(.init(lastEventAt: last.time, gapSeconds: 754)))
        #expect(driver.delivery?.interruptions == [754])
        #expect(driver.state.status?.text == "✓ Saved 10:12: resumed where you left off, after 12:34 stopped")
        #expect(JournalCheck.check(try ReadJournal.read(try #require(driver.journalURL))).problems.filter { $0.severity == .error }.isEmpty)
    }
}
