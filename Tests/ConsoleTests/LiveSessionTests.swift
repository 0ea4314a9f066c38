import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in tmux at 80x24: set up a short group session (arrival, three activities and
/// a break), mark the register, move through the items, rate, add a note, kill -9 midway, resume
/// in a new terminal, finish, sign off, and check the journal.
@Suite struct LiveSessionTests {
    static let mini = Repository.root.appendingPathComponent("Tests/ConsoleTests/Fixtures/short").path

    func arguments(_ journal: String) -> [String] {
        ["run", "--content", Self.mini, "--journal", journal, "--group", "G01", "--session", "group-1"]
    }

    @Test func deliverKillResumeAndSignOff() async throws {
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-e2e-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: journal) }

        do {
            let tmux = try Tmux()
            try tmux.start(arguments(journal))
            _ = try await tmux.waitFor(text: "Set up a live session", "G01")
            try tmux.sendKeys("Tab", "Tab"); try tmux.sendText("S01")
            try tmux.sendKeys("Tab"); try tmux.sendText("N01")
            try tmux.sendKeys("Tab"); try tmux.sendText("L01")
            try tmux.sendKeys("Tab"); try tmux.sendText("P01 P02 P03")
            try tmux.sendKeys("Tab", "Enter")
            _ = try await tmux.waitFor(text: " LIVE ", "Arrival and register", "3 not marked")

            try tmux.sendKeys("a", "p", "l", "x", "y")
            _ = try await tmux.waitFor(text: "2 of 3 attended: 1 present, 1 late, 1 absent (1 notified)")
            try tmux.sendKeys("Escape", "PageDown")
            _ = try await tmux.waitFor(text: "Press again to move on to: Welcome and aims")
            try tmux.sendKeys("PageDown")
            _ = try await tmux.waitFor(text: "Welcome and aims", "2 of 5")
            try tmux.sendKeys("f", "2", "1")                  // fully (2), partly (1)
            _ = try await tmux.waitFor(text: "2 of 2 rated")
            try tmux.sendKeys("Escape", "n")
            try tmux.sendText("Zoë's café 疼痛 👍")
            try tmux.sendKeys("Enter")
            // Waiting for every expected text, so a half-processed frame is never what is checked.
            let screen = try await tmux.waitFor(text: "note added", "Checklist 2 of 2 rated")
            #expect(screen.contains("Checklist 2 of 2 rated"))

            // The terminal dies with the session half done.
            // A killed process has no exit status, so wait only for the pane to die.
            try tmux.kill(signal: SIGKILL)
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(5)
            while try !tmux.paneInfo().dead, clock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            #expect(try tmux.paneInfo().dead)
        }

        let tmux = try Tmux()
        try tmux.start(arguments(journal))
        _ = try await tmux.waitFor(text: "Resume Group session 1")
        try tmux.sendKeys("Enter")
        let resumed = try await tmux.waitFor(text: "Welcome and aims", "resumed where you left off",
                                             "2 of 3 attended: 1 present, 1 late, 1 absent (1 notified)", "Checklist 2 of 2 rated")
        #expect(resumed.contains("2 of 3 attended: 1 present, 1 late, 1 absent (1 notified)"))
        #expect(resumed.contains("Checklist 2 of 2 rated"))

        try tmux.sendKeys("Right", "Right", "Right")
        _ = try await tmux.waitFor(text: "▶ Break", "3 of 5")
        try tmux.sendKeys("Right", "Right")
        _ = try await tmux.waitFor(text: "Relaxation practice", "4 of 5")
        try tmux.sendKeys("f", "2", "Escape", "Right", "Right")
        _ = try await tmux.waitFor(text: "Planning the week ahead", "5 of 5")
        try tmux.sendKeys("f", "2", "0", "Escape", "c")   // fully (2), not delivered (0)
        _ = try await tmux.waitFor(text: "Close and sign", "Every fidelity item is rated")
        try tmux.sendKeys("1", "2", "Enter")
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 0)
        #expect(!info.alternateOn)
        // When the pane dies tmux scrolls its last lines into history: capture that too.
        let after = try tmux.tmux(["capture-pane", "-p", "-S", "-100", "-t", Tmux.session]).output
        #expect(after.contains("The delivery is closed and signed off."), "\(after)")

        let check = try BuiltBinary.run(["journal", "check", "--content", Self.mini, "--journal", journal])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("1 journal checked (1 closed, 0 open): 0 errors, 0 warnings"))

        // The supervisor's audit of the same journal: 5 items rated 2+1+2+2+0 of 10 = 70.0%,
        // moderate (▽); the report says the same.
        let audit = try Tmux()
        try audit.start(["audit", "--content", Self.mini, "--journal", journal])
        let list = try await audit.waitFor(text: "1 live delivery from 1 journal file", "G01", "group-1", "2 of 3", "70.0% ▽", "signed")
        #expect(list.contains("N01 L01"))
        try audit.sendKeys("Enter")
        let delivery = try await audit.waitFor(text: "Register   2 of 3 attended: 1 present, 1 late, 1 absent (1 notified)",
                                               "Adherence  70.0%: 7 of 10 points, 5 rated (0 N/A), 0 unrated", "▽ moderate band",
                                               "signed by N01 and L01")
        #expect(delivery.contains("Welcome and aims"))
        try audit.sendKeys("End", "Enter")
        _ = try await audit.waitFor(text: "Planning the week ahead", "Adherence 50.0%: 2 of 4 points", "→ Fully delivered", "→ Not delivered")
        try audit.sendKeys("Escape", "Escape", "Escape")
        let left = try await audit.waitForExit()
        #expect(left.deadStatus == 0)
        let report = try BuiltBinary.run(["report", "sessions", "--journal", journal, "--seed", "1"])
        #expect(report.output.contains("70.0% ▽"), "\(report.output)")
    }
}
