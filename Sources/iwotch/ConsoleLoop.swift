import Foundation
import Runtime
import SessionEngine
import Terminal
import Views

/// The terminal loop: draw the state, wait for a key or the next second, hand it to the runner.
/// Every fact is on disk before the next frame shows it; however the loop ends, the journal is
/// closed, the terminal restored and one plain sentence printed.
@MainActor
enum ConsoleLoop {
    static func run(_ runner: ConsoleRunner, colour: ColourMode) -> Int32 {
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.open(colour: colour)
        } catch {
            FileHandle.standardError.write(Data("iwotch: \(error)\n".utf8))
            return 1
        }
        let (code, sentence) = loop(runner, screen)
        runner.writer?.close()
        screen.close()
        print(sentence)
        return code
    }

    /// Runs until the engine quits, q on the too-small screen, or a stop signal.
    private static func loop(_ runner: ConsoleRunner, _ screen: TerminalScreen) -> (code: Int32, sentence: String) {
        while runner.quitMessage == nil {
            let (width, height) = screen.size
            if runner.state.viewport != Viewport(width: width, height: height) {
                runner.handle(.viewport(width: width, height: height), now: Date())
            }
            // At most once a second (the loop wakes at least that often), and only when rehearsing or browsing.
            runner.pollContent(now: Date())
            let now = Date()
            screen.draw(ConsoleView.render(runner.state, width: width, height: height, now: now))
            // Wake at the next whole second, so the clocks tick without a key press.
            let untilNextSecond = 1000 - Int(now.timeIntervalSince1970 * 1000) % 1000
            switch screen.read(timeout: untilNextSecond) {
            case nil:
                runner.handle(.tick, now: Date())
            case .resize:
                continue
            case .key(let key):
                // Below 80x24 only the "enlarge" screen shows: keys would move a session nobody
                // can see, so only q works, and leaves at once (everything is saved).
                if width < ConsoleView.minimumWidth || height < ConsoleView.minimumHeight {
                    if key == .character("q") {
                        return (0, runner.state.delivery == nil ? "Goodbye." : "The session is saved. Run iwotch again to resume it.")
                    }
                    continue
                }
                runner.handle(.key(key), now: Date())
            case .interrupted(let signal):
                return (128 + signal, runner.state.delivery == nil
                    ? "iwotch stopped."
                    : "iwotch stopped. Everything shown as saved is on disk; run iwotch again to resume the session.")
            }
        }
        return (0, runner.quitMessage ?? "Goodbye.")
    }
}
