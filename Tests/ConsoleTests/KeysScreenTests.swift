import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `iwotch keys` in a real terminal (tmux), as a facilitator would use it before a session.
@Suite(.timeLimit(.minutes(1)))
struct KeysScreenTests {
    static let title = "Clicker and keyboard check"

    private func started(_ arguments: [String] = ["keys"], withoutNoColor: Bool = false,
                         environment: [String: String] = [:]) async throws -> Tmux {
        let tmux = try Tmux()
        try tmux.start(arguments, withoutNoColor: withoutNoColor, environment: environment)
        try await tmux.waitFor(text: Self.title, "q quit")
        return tmux
    }

    @Test func theFirstFrameAppearsOnTheAlternateScreen() async throws {
        let tmux = try await started()
        let screen = try await tmux.waitFor(text: "No keys yet.", "Terminal 80x24")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.trimmingCharacters(in: .whitespaces) == Self.title, "the title is on the first row")
        #expect(lines.count >= 24 && lines[23].hasPrefix(" q quit"), "the key bar is on the last row")
        #expect(try tmux.paneInfo() == .init(alternateOn: true, dead: false, deadStatus: nil))
    }

    @Test func clickerKeysAreNamedWithTheirAction() async throws {
        let tmux = try await started()
        try tmux.sendKeys("NPage", "Right", "Space")
        let screen = try await tmux.waitFor(text: "› Space — next", "Page Down — next", "Right arrow — next")
        #expect(screen.contains("Page Down — next"))
        #expect(screen.contains("Right arrow — next"))
        #expect(screen.contains("› Space — next"), "the newest key is marked")
        try tmux.sendKeys("PPage", "Left", "Escape")
        try await tmux.waitFor(text: "› Esc", "Page Up — previous", "Left arrow — previous")
    }

    @Test func accentedAndWideCharactersShowAsTyped() async throws {
        let tmux = try await started()
        try tmux.sendText("é")
        try await tmux.waitFor(text: "› é")
        try tmux.sendText("中")
        // A frame can be captured half processed: wait for the whole of it, the older key moved down too.
        let screen = try await tmux.waitFor(text: "› 中", "  é")
        #expect(screen.contains("  é"))
    }

    @Test func onlyTheTenLatestKeysAreKept() async throws {
        let tmux = try await started()
        for letter in "abcdefghijk" { try tmux.sendText(String(letter)) }
        func listed(_ screen: String) -> [String] {
            // A key's name, without the action a letter may have in a session ("g — agenda").
            screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: " — ")[0] }
                .filter { $0.count <= 3 && ($0.hasPrefix("› ") || $0.count == 1) }
        }
        // Wait for the whole frame (the newest key and the list below it), not just its first row.
        let screen = try await tmux.waitUntil("k is newest with the list redrawn") { $0.contains("› k") && !listed($0).contains("a") && listed($0).count >= 10 }
        let listed = listed(screen)
        #expect(listed.count == 10, "\(screen)")
        #expect(!listed.contains("a"))
    }

    @Test func aSmallWindowAsksToEnlargeAndRecovers() async throws {
        let tmux = try await started()
        try tmux.resize(width: 30, height: 8)
        let small = try await tmux.waitFor(text: "Enlarge the window")
        #expect(!small.contains(Self.title))
        #expect(!small.contains("q quit"))
        try tmux.resize(width: 80, height: 24)
        try await tmux.waitFor(text: Self.title, "Terminal 80x24", "q quit")
        try await tmux.waitUntil("the enlarge message is gone") { !$0.contains("Enlarge") }
    }

    @Test func qStillLeavesFromTheEnlargeMessage() async throws {
        let tmux = try await started()
        try tmux.resize(width: 30, height: 8)
        try await tmux.waitFor(text: "Enlarge the window")
        try tmux.sendKeys("q")
        let info = try await tmux.waitForExit()
        #expect(info == .init(alternateOn: false, dead: true, deadStatus: 0))
    }

    @Test func qLeavesWithStatusZeroAndTheTerminalRestored() async throws {
        let tmux = try await started()
        try tmux.sendKeys("q")
        let info = try await tmux.waitForExit()
        #expect(info == .init(alternateOn: false, dead: true, deadStatus: 0))
        let screen = try await tmux.waitFor(text: "Keys checked.", history: true)
        #expect(!screen.contains(Self.title), "the normal screen is back")
    }

    @Test func sigtermExits143WithOnePlainSentence() async throws {
        let tmux = try await started()
        try tmux.kill(signal: SIGTERM)
        let info = try await tmux.waitForExit()
        #expect(info == .init(alternateOn: false, dead: true, deadStatus: 143))
        let screen = try await tmux.waitFor(text: "Stopped by a request to terminate (SIGTERM); the terminal is restored.", history: true)
        #expect(!screen.contains("Fatal error"))
        #expect(!screen.contains("Backtrace"))
        #expect(!screen.contains(Self.title))
    }

    @Test func ctrlCExits130() async throws {
        let tmux = try await started()
        try tmux.sendKeys("C-c")
        let info = try await tmux.waitForExit()
        #expect(info == .init(alternateOn: false, dead: true, deadStatus: 130))
        try await tmux.waitFor(text: "Stopped by Ctrl-C (SIGINT); the terminal is restored.", history: true)
    }

    @Test func sighupExits129() async throws {
        let tmux = try await started()
        try tmux.kill(signal: SIGHUP)
        let info = try await tmux.waitForExit()
        #expect(info == .init(alternateOn: false, dead: true, deadStatus: 129))
        try await tmux.waitFor(text: "Stopped because the terminal closed (SIGHUP).", history: true)
    }

    @Test func colourByDefault() async throws {
        let tmux = try await started(withoutNoColor: true)
        try await tmux.waitFor(text: "colour on")
        try tmux.sendKeys("NPage")
        try await tmux.waitFor(text: "Page Down — next")
        let screen = try tmux.captureWithAttributes()
        #expect(Self.usesColour(screen), "\(screen)")
    }

    @Test(arguments: [(["keys", "--no-color"], [String: String]()), (["keys"], ["NO_COLOR": "1"])])
    func noColourWithTheFlagOrNoColor(arguments: [String], environment: [String: String]) async throws {
        let tmux = try await started(arguments, withoutNoColor: true, environment: environment)
        try await tmux.waitFor(text: "colour off")
        try tmux.sendKeys("NPage")
        try await tmux.waitFor(text: "Page Down — next")
        let screen = try tmux.captureWithAttributes()
        #expect(!Self.usesColour(screen), "\(screen)")
        #expect(screen.contains("\u{1B}[1m"), "attributes (bold) remain without colour")
    }

    /// Whether any SGR sequence sets a foreground or background colour (39 and 49, the defaults,
    /// do not count: tmux emits them as resets).
    static func usesColour(_ screen: String) -> Bool {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[([0-9;:]*)m")
        let range = NSRange(screen.startIndex..., in: screen)
        for match in pattern.matches(in: screen, range: range) {
            guard let parameters = Range(match.range(at: 1), in: screen) else { continue }
            for parameter in screen[parameters].split(whereSeparator: { $0 == ";" || $0 == ":" }) {
                guard let code = Int(parameter) else { continue }
                if (30...38).contains(code) || (40...48).contains(code) || (90...97).contains(code) || (100...107).contains(code) {
                    return true
                }
            }
        }
        return false
    }
}
