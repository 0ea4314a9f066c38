import Backend
import Foundation
import Runtime
import SessionEngine
import Views

/// The console's frame loop: draw the state, wait for a key or the next second, hand it to the
/// runner. Every fact is on disk before the next frame shows it. One frame is drawn per input
/// (and one before the first), so nothing is redrawn while nothing happens but the clock.
@MainActor
public enum FrameLoop {
    /// How the loop ended: the exit status and the sentence to print once the terminal is restored.
    public struct Ending: Sendable, Equatable {
        public var code: Int32
        public var sentence: String
        public init(code: Int32, sentence: String) { self.code = code; self.sentence = sentence }
    }

    /// Runs until the engine quits, q on the too-small screen, or a stop signal. `clock` gives
    /// the time of each frame and action (the wall clock, or a test's own).
    public static func run(_ runner: ConsoleRunner, on backend: some TerminalBackend, clock: () -> Date = Date.init) -> Ending {
        while runner.quitMessage == nil {
            let (width, height) = backend.size
            if runner.state.viewport != Viewport(width: width, height: height) {
                runner.handle(.viewport(width: width, height: height), now: clock())
            }
            // At most once a second (the loop wakes at least that often), and only when rehearsing or browsing.
            runner.pollContent(now: clock())
            let now = clock()
            backend.draw(ConsoleView.render(runner.state, width: width, height: height, now: now))
            // Wake at the next whole second, so the clocks tick without a key press.
            let untilNextSecond = 1000 - Int(now.timeIntervalSince1970 * 1000) % 1000
            switch backend.read(timeout: untilNextSecond) {
            case .tick:
                runner.handle(.tick, now: clock())
            case .resize:
                continue
            case .key(let key):
                // Below 80x24 only the "enlarge" screen shows: keys would move a session nobody
                // can see, so only q works, and leaves at once (everything is saved).
                if width < ConsoleView.minimumWidth || height < ConsoleView.minimumHeight {
                    if key == .character("q") {
                        return Ending(code: 0, sentence: runner.state.delivery == nil
                            ? "Goodbye." : "The session is saved. Run iwotch again to resume it.")
                    }
                    continue
                }
                runner.handle(.key(key), now: clock())
            case .interrupted(let signal):
                return Ending(code: 128 + signal, sentence: runner.state.delivery == nil
                    ? "iwotch stopped."
                    : "iwotch stopped. Everything shown as saved is on disk; run iwotch again to resume the session.")
            }
        }
        return Ending(code: 0, sentence: runner.quitMessage ?? "Goodbye.")
    }
}
