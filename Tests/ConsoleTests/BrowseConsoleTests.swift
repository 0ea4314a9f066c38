import Foundation
import Testing
import TestSupport

/// The real binary in tmux at 80x24: `iwotch browse` on the bundled manual, a search for
/// "withdrawal", and a jump to the first hit and on to the next.
@Suite struct BrowseConsoleTests {
    static let bundled = Repository.root.appendingPathComponent("Content/i-wotch").path

    @Test func searchForWithdrawalAndJumpToTheHit() async throws {
        let tmux = try Tmux()
        try tmux.start(["browse", "--content", Self.bundled])
        try await tmux.waitFor(text: "I-WOTCH › Manual", "Day 1: Living with pain", "/ search")
        try tmux.sendKeys("/")
        try await tmux.waitFor(text: "Search:")
        try tmux.sendText("withdrawal")
        let results = try await tmux.waitFor(text: "hits for “withdrawal”", "Withdrawal symptoms and how to manage them")
        #expect(results.contains("▶ "))
        try tmux.sendKeys("Enter")
        // The item opens with the hit's first row marked ▶ and the hit named on the status line.
        let hit = try await tmux.waitUntil("the first hit is shown") { screen in
            screen.contains("Hit 1 of ") && screen.contains("n next, N previous") && screen.contains("Esc back")
                && screen.split(separator: "\n").contains { $0.hasPrefix("▶") && $0.lowercased().contains("withdrawal") }
        }
        #expect(hit.contains("Hit 1 of "))
        try tmux.sendKeys("n")
        try await tmux.waitFor(text: "Hit 2 of ")
        try tmux.sendKeys("q")
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 0)
    }
}
