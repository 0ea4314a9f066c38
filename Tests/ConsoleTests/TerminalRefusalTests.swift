import Foundation
import Testing
import TestSupport

/// A terminal that cannot move the cursor gets one sentence and exit status 1, not a screen with
/// only its last row drawn.
@Suite(.timeLimit(.minutes(1)))
struct TerminalRefusalTests {
    @Test func aDumbTerminalIsToldWhyAndExitsOne() async throws {
        let tmux = try Tmux()
        try tmux.start(["--content", "Tests/ConsoleTests/Fixtures/short"], environment: ["TERM": "dumb"])
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 1)
        let screen = try tmux.capture(history: true).replacingOccurrences(of: "\n", with: "")
        #expect(screen.contains("The terminal type \"dumb\" (from TERM) cannot move the cursor, which the console needs"), "\(screen)")
    }
}
