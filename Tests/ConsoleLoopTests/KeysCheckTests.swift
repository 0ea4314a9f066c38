import Backend
import Console
import ConsoleInput
import Foundation
import SessionEngine
import Testing

/// `iwotch keys` on the in-memory backend: the keys screen's loop without a terminal.
@MainActor
@Suite struct KeysCheckTests {
    static let title = "Clicker and keyboard check"

    @Test func keysArriveAndAreNamedWithTheirAction() {
        let backend = TestBackend(script: [.key(.pageDown), .key(.right), .key(.escape), .key(.space), .key(.character("q"))])
        #expect(KeysCheck.run(on: backend) == nil, "q leaves without a signal")
        #expect(!backend.ranOut)
        let screens = backend.screens
        #expect(screens.count == 5, "the first frame and one after each key but q")
        #expect(screens[0].contains("No keys yet."))
        #expect(screens[0].contains("Terminal 80x24 · colour off"))
        #expect(screens[1].contains("› Page Down — next"))
        #expect(screens[4].contains("› Space — next"), "the newest key is marked")
        #expect(screens[4].contains("  Esc — stay"), "a clicker's Esc never leaves a session, as the walk-through's key table says")
        #expect(screens[4].contains("  Right arrow — next"))
        #expect(screens[4].contains("  Page Down — next"))
        #expect(backend.timeouts.allSatisfy { $0 < 0 }, "the keys screen waits for keys, with no tick")
        // The hardware cursor sits on the newest key's name, for screen readers.
        let cursor = try! #require(backend.cursor)
        let row = screens[4].split(separator: "\n", omittingEmptySubsequences: false)[cursor.y]
        #expect(row.contains("› Space"))
        #expect(Array(row)[cursor.x - 2] == "›")
    }

    @Test func aKeysFileNamesTheKeysAsMapped() throws {
        let map = try KeyMapFile.parse("walkthrough:\n  next: [j, Space]\n", path: "keys.yaml").get()
        let backend = TestBackend(script: [.key(.right), .key(.character("j")), .key(.character("q"))])
        _ = KeysCheck.run(on: backend, keys: map, source: "/home/n/.config/iwotch/keys.yaml")
        let last = backend.screen
        #expect(last.contains("› j — next"))
        #expect(last.contains("  Right arrow\n") || !last.contains("Right arrow —"), "→ no longer steps")
        #expect(last.contains("Keys from /home/n/.config/iwotch/keys.yaml"))
    }

    @Test func onlyTheTenLatestKeysAreKept() {
        let letters = "abcdefghijk".map { TerminalInput.key(.character($0)) }
        let backend = TestBackend(script: letters + [.key(.character("q"))])
        _ = KeysCheck.run(on: backend)
        let last = backend.screen
        #expect(last.contains("› k"))
        #expect(last.contains("  b"))
        #expect(!last.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "a" })
    }

    @Test func aSmallWindowAsksToEnlargeAndRecovers() {
        let backend = TestBackend(script: [.key(.home), .resize(width: 30, height: 8), .resize(width: 40, height: 10), .key(.character("q"))])
        _ = KeysCheck.run(on: backend)
        let screens = backend.screens
        #expect(screens.count == 4)
        #expect(screens[2].contains("Enlarge the window"))
        #expect(!screens[2].contains(Self.title))
        #expect(backend.frames[2].width == 30 && backend.frames[2].height == 8)
        #expect(screens[3].contains(Self.title), "40x10 is enough for the keys screen")
        #expect(screens[3].contains("› Home"), "the keys received are kept across the resize")
        #expect(screens[3].contains("Terminal 40x10"))
    }

    @Test func aStopSignalOrAClosedTerminalEndsIt() {
        let interrupted = TestBackend(script: [.key(.up), .interrupted(signal: SIGINT)])
        #expect(KeysCheck.run(on: interrupted) == SIGINT)
        #expect(interrupted.frames.count == 2)
        let closed = TestBackend(script: [.tick])
        #expect(KeysCheck.run(on: closed) == TestBackend.hangUp)
        #expect(closed.ranOut)
        #expect(KeysCheck.stopSentence(SIGINT) == "Stopped by Ctrl-C (SIGINT); the terminal is restored.")
    }

    @Test func colourIsReportedAsTheBackendHasIt() {
        let backend = TestBackend(colour: true, script: [])
        _ = KeysCheck.run(on: backend)
        #expect(backend.screen.contains("colour on"))
    }
}
