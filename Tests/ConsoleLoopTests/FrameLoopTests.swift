import Backend
import Console
import Foundation
import Journal
import Programme
import Runtime
import SessionEngine
import Testing
import Views

/// The console's frame loop on the in-memory backend: what a facilitator would see, frame by
/// frame, with no terminal and no tmux.
@MainActor
@Suite struct FrameLoopTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let mini = repository.appendingPathComponent("Tests/ProgrammeTests/Fixtures/mini").path
    static let start = Timestamp.parse("2026-03-04T10:00:00.000Z")!

    /// A console on the mini programme over an empty journal folder, and a clock that moves one
    /// second with each tick the backend hands out.
    final class Rig {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-loop-\(UUID().uuidString)")
        let runner: ConsoleRunner
        let backend: TestBackend
        var now: Date

        @MainActor
        init(width: Int = 80, height: Int = 24, script: [TerminalInput], startingAt now: Date = FrameLoopTests.start) throws {
            let programme = try #require(ProgrammeLoader.load(path: FrameLoopTests.mini).programme)
            runner = ConsoleRunner(programme: programme, directory: JournalDirectory(root: folder), mode: .live, utcOffsetMinutes: 0)
            backend = TestBackend(width: width, height: height, script: script)
            self.now = now
            backend.willHandOut = { [unowned self] input in
                if input == .tick { self.now = self.now.addingTimeInterval(1) }
            }
        }

        @MainActor
        func run() -> FrameLoop.Ending { FrameLoop.run(runner, on: backend, clock: { self.now }) }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func theQuitKeysLeaveFromTheHomeScreen() throws {
        for key in [Key.character("q"), .escape] {
            let rig = try Rig(script: [.key(key)])
            let ending = rig.run()
            #expect(ending == .init(code: 0, sentence: "Goodbye."))
            #expect(!rig.backend.ranOut, "the loop ended on the key, not on the end of the script")
            #expect(rig.backend.frames.count == 1, "the first frame only: nothing is drawn after quitting")
            #expect(rig.backend.screen.contains("What would you like to do?"))
        }
    }

    @Test func aFrameIsDrawnOnlyAfterAnInput() throws {
        let rig = try Rig(script: [.tick, .key(.down), .tick, .key(.up)])
        let ending = rig.run()
        #expect(rig.backend.ranOut)
        #expect(ending == .init(code: 128 + TestBackend.hangUp, sentence: "iwotch stopped."))
        // One frame before the first read, and one after each of the four inputs: the fifth read
        // found the script empty and ended the loop without drawing.
        #expect(rig.backend.frames.count == 5)
        #expect(rig.backend.timeouts.count == 5)
        // The selection moved down and back up with the keys, and only then.
        let selected = rig.backend.screens.map { $0.split(separator: "\n").first { $0.contains("▶") }.map(String.init) ?? "" }
        #expect(selected[0].contains("Run a live session"))
        #expect(selected[1] == selected[0], "a tick redraws the same selection")
        #expect(selected[2].contains("Rehearse a session"))
        #expect(selected[4].contains("Run a live session"))
    }

    @Test func theLoopWakesAtTheNextWholeSecond() throws {
        let rig = try Rig(script: [.tick, .tick], startingAt: Self.start.addingTimeInterval(0.25))
        _ = rig.run()
        #expect(rig.backend.timeouts == [750, 750, 750])
    }

    @Test func theClockMovesOnWithTicks() throws {
        let rig = try Rig(script: Array(repeating: .tick, count: 60), startingAt: Self.start.addingTimeInterval(-59))
        _ = rig.run()
        #expect(rig.backend.frames.first?.plainText.split(separator: "\n").first?.hasSuffix("09:59") == true)
        #expect(rig.backend.frames.last?.plainText.split(separator: "\n").first?.hasSuffix("10:00") == true)
    }

    @Test func aSmallWindowAsksToEnlargeIgnoresKeysAndRecovers() throws {
        let rig = try Rig(script: [.resize(width: 40, height: 10), .key(.down), .resize(width: 80, height: 24)])
        _ = rig.run()
        let screens = rig.backend.screens
        #expect(screens.count == 4)
        #expect(rig.backend.frames[1].width == 40 && rig.backend.frames[1].height == 10)
        #expect(screens[1].contains("Enlarge the window"))
        #expect(screens[1].contains("(now 40 × 10)"))
        #expect(!screens[1].contains("What would you like to do?"))
        #expect(screens[2] == screens[1], "a key other than q does nothing while the window is too small")
        #expect(screens[3] == screens[0], "back at 80x24 the home screen is as it was")
        #expect(rig.runner.state.viewport == Viewport(width: 80, height: 24))
    }

    @Test func qLeavesTheSmallWindowAtOnce() throws {
        let rig = try Rig(script: [.resize(width: 40, height: 10), .key(.character("q"))])
        let ending = rig.run()
        #expect(ending == .init(code: 0, sentence: "Goodbye."))
        #expect(rig.backend.frames.count == 2)
        #expect(rig.runner.state.viewport == Viewport(width: 40, height: 10), "the engine was told the new size")
    }

    @Test func aStopSignalEndsTheLoopWithItsStatus() throws {
        let rig = try Rig(script: [.key(.down), .interrupted(signal: SIGTERM)])
        let ending = rig.run()
        #expect(ending == .init(code: 128 + SIGTERM, sentence: "iwotch stopped."))
        #expect(!rig.backend.ranOut)
        #expect(rig.backend.frames.count == 2)
    }

    @Test func theCursorFollowsTheFrame() throws {
        let rig = try Rig(script: [.resize(width: 40, height: 10)])
        _ = rig.run()
        let last = try #require(rig.backend.frames.last)
        if let cursor = last.cursor {
            #expect(rig.backend.cursor?.x == cursor.x && rig.backend.cursor?.y == cursor.y)
        } else {
            #expect(rig.backend.cursor == nil)
        }
    }
}
