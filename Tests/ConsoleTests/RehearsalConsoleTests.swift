import Foundation
import Testing

/// The real binary in tmux at 80x24: `iwotch rehearse` on the console fixture, through a few
/// items with a skip and a restart, to the timing summary; the record lands under rehearsal/ only.
@Suite struct RehearsalConsoleTests {
    @Test func rehearseMovesThroughItemsAndOpensTheTimingSummary() async throws {
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-rehearse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: journal) }

        let tmux = try Tmux()
        try tmux.start(["rehearse", "--session", "group-1", "--journal", journal.path, "--content", LiveSessionTests.mini])
        // Waiting for every text asserted afterwards, so a half-drawn frame is never what is checked.
        try await tmux.waitFor(text: " REHEARSAL ", "Set up a rehearsal", "TRAINING-1", "R01 R02 R03 R04 R05 R06 R07 R08")
        try tmux.sendKeys("Up", "Enter")
        try await tmux.waitFor(text: " REHEARSAL ", "Arrival and register", "1 of 5", "r restart")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: " REHEARSAL ", "Welcome and aims", "2 of 5")
        try tmux.sendKeys("Right")
        try await tmux.waitFor(text: "step 2 of 2")
        try tmux.sendKeys("r")
        try await tmux.waitFor(text: "restarted Welcome and aims", "step 1 of 2")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "Break ·", "3 of 5")
        try tmux.sendKeys("t")
        let summary = try await tmux.waitFor(text: " REHEARSAL ", "Planned   Actual  Difference", "Welcome and aims (restarted 1×)",
                                             "Total of the 3 items run", "⚠ Not rated: 5 fidelity items")
        #expect(summary.contains("Relaxation practice") && summary.contains("not run"))
        try tmux.sendKeys("Escape", "q")
        try await tmux.waitFor(text: "Leave the rehearsal?")
        try tmux.sendKeys("y")
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 0)

        let rehearsals = try FileManager.default.contentsOfDirectory(atPath: journal.appendingPathComponent("rehearsal").path)
        #expect(rehearsals.filter { $0.hasSuffix(".jsonl") }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: journal.appendingPathComponent("live").path))
        let list = try IWotchBinary.run(["journal", "list", "--journal", journal.path])
        #expect(list.output.contains("REH") && list.output.contains("rehearsal"), "\(list.output)")
        let check = try IWotchBinary.run(["journal", "check", "--content", LiveSessionTests.mini, "--journal", journal.path])
        #expect(check.output.contains("0 errors"), "\(check.output)")
    }
}
