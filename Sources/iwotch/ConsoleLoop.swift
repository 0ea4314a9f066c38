import Foundation
import Runtime
import SessionEngine
import Terminal
import Views

/// The terminal loop: draw the state, wait for a key or the next second, hand it to the runner.
/// Every fact is on disk before the next frame shows it; a stop signal ends the loop with the
/// terminal restored and one plain sentence.
@MainActor
enum ConsoleLoop {
    static func run(_ runner: ConsoleRunner, colour: ColourMode) throws -> Int32 {
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.open(colour: colour)
        } catch {
            FileHandle.standardError.write(Data("iwotch: \(error)\n".utf8))
            return 1
        }
        var exitCode: Int32 = 0
        var sentence: String?
        while runner.quitMessage == nil {
            let (width, height) = screen.size
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
                // Below 80x24 only the "enlarge" screen shows; q still leaves (everything is saved).
                if (width < ConsoleView.minimumWidth || height < ConsoleView.minimumHeight) && key == .character("q") {
                    sentence = runner.state.delivery == nil ? "Goodbye." : "The session is saved. Run iwotch again to resume it."
                    runner.writer?.close()
                    screen.close()
                    print(sentence!)
                    return 0
                }
                if width < ConsoleView.minimumWidth || height < ConsoleView.minimumHeight { continue }
                runner.handle(.key(key), now: Date())
            case .interrupted(let signal):
                exitCode = 128 + signal
                sentence = runner.state.delivery == nil
                    ? "iwotch stopped."
                    : "iwotch stopped. Everything shown as saved is on disk; run iwotch again to resume the session."
                runner.writer?.close()
                screen.close()
                print(sentence!)
                return exitCode
            }
        }
        screen.close()
        print(runner.quitMessage ?? "Goodbye.")
        return exitCode
    }
}
