import Console
import Foundation
import Runtime
import Terminal

/// Opens the terminal and runs the frame loop on it; however the loop ends, the journal is
/// closed, the terminal restored and one plain sentence printed.
@MainActor
enum ConsoleLoop {
    static func run(_ runner: ConsoleRunner, colour: ColourMode) -> Int32 {
        let screen: TerminalScreen
        do {
            screen = try TerminalScreen.open(colour: colour)
        } catch {
            Say.error("iwotch: \(error)")
            return 1
        }
        let ending = FrameLoop.run(runner, on: screen)
        runner.writer?.close()
        screen.close()
        Say.out(ending.sentence)
        return ending.code
    }
}
