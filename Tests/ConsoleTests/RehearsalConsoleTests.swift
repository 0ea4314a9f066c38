import Foundation
import Testing
import TestSupport

/// The real binary in tmux at 80x24: `iwotch rehearse` on the console fixture, through a few
/// items with a skip and a restart, to the timing summary; the record lands under rehearsal/ only.
@Suite struct RehearsalConsoleTests {
    @Test func rehearseMovesThroughItemsAndOpensTheTimingSummary() async throws {
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-rehearse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: journal) }
        // A live delivery already on record: the reports on it must read the same after the rehearsal.
        try LiveRecord.write(into: journal)
        let before = try LiveRecord.reports(journal)

        let tmux = try Tmux()
        try tmux.start(["rehearse", "--session", "group-1", "--journal", journal.path, "--content", LiveSessionTests.mini])
        // Waiting for every text asserted afterwards, so a half-drawn frame is never what is checked.
        try await tmux.waitFor(text: " REHEARSAL ", "Set up a rehearsal", "TRN-1", "R01 R02 R03 R04 R05 R06 R07 R08")
        try tmux.sendKeys("Up", "Enter")
        try await tmux.waitFor(text: " REHEARSAL ", "Arrival and register", "1 of 5", "r restart")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: " REHEARSAL ", "Welcome and aims", "2 of 5")
        try tmux.sendKeys("Right")
        try await tmux.waitFor(text: "step 2 of 2")
        try tmux.sendKeys("r")
        try await tmux.waitFor(text: "restarted Welcome and aims", "step 1 of 2")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "▶ Break", "3 of 5")   // a break called Break is not "Break · Break"
        try tmux.sendKeys("t")
        let summary = try await tmux.waitFor(text: " REHEARSAL ", "Planned   Actual  Difference", "Welcome and aims (restarted 1×)",
                                             "Total of the 2 items run", "⚠ Not rated: 5 fidelity items")
        #expect(summary.contains("Relaxation practice") && summary.contains("not run"))
        // The arrival, left at once with s, was passed over; the welcome, stepped through and restarted, ran.
        #expect(summary.contains("Arrival and register                 10 min        —  not run (skipped)"), "\(summary)")
        try tmux.sendKeys("Escape", "q")
        try await tmux.waitFor(text: "Leave the rehearsal?")
        try tmux.sendKeys("y")
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 0)

        let rehearsals = try FileManager.default.contentsOfDirectory(atPath: journal.appendingPathComponent("rehearsal").path)
        #expect(rehearsals.filter { $0.hasSuffix(".jsonl") }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: journal.appendingPathComponent("live").path)
            .filter { $0.hasSuffix(".jsonl") } == [LiveRecord.file])
        let after = try LiveRecord.reports(journal)
        #expect(after == before, "a rehearsal changed the live reports")
        #expect(after.allSatisfy { $0.contains("G01") && !$0.contains("TRN-1") && !$0.contains("REH") })
        let list = try BuiltBinary.run(["journal", "list", "--journal", journal.path])
        #expect(list.output.contains("REH") && list.output.contains("rehearsal"), "\(list.output)")
        let check = try BuiltBinary.run(["journal", "check", "--content", LiveSessionTests.mini, "--journal", journal.path])
        #expect(check.output.contains("0 errors"), "\(check.output)")
    }
}

/// One live delivery written by `iwotch-stress` (a real journal writer), and the supervisors'
/// reports on the journal folder as they would be run by default.
enum LiveRecord {
    static let file = "2026-03-04-G01-group-1-stress00.jsonl"

    static func write(into journal: URL) throws {
        let live = journal.appendingPathComponent("live")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let run = try Command.run(BuiltBinary.stress, [live.path, "6"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    static func reports(_ journal: URL) throws -> [String] {
        // --width only for terminal output: the other formats refuse it.
        try [["fidelity", "--format", "json"], ["attendance", "--format", "csv"], ["timing", "--format", "markdown"], ["sessions", "--seed", "7", "--width", "200"]].map {
            let run = try BuiltBinary.run(["report"] + $0 + ["--journal", journal.path])
            #expect(run.status == 0, "\(run.output)")
            return run.output
        }
    }
}
