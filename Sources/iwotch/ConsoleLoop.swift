import Console
import Foundation
import Runtime
import Terminal

/// Opens the terminal and runs the frame loop on it; however the loop ends, the journal is
/// closed, the terminal restored and one plain sentence printed.
@MainActor
enum ConsoleLoop {
    static func run(_ runner: ConsoleRunner, colour: ColourMode) -> Int32 {
        guard let screen = open(colour) else { return 1 }
        return run(runner, on: screen)
    }

    /// The terminal, or nil once the reason it cannot be opened is printed.
    static func open(_ colour: ColourMode) -> TerminalScreen? {
        do {
            return try TerminalScreen.open(colour: colour)
        } catch {
            Say.error("iwotch: \(error)")
            return nil
        }
    }

    /// The console on a terminal already open (after the programme chooser).
    static func run(_ runner: ConsoleRunner, on screen: TerminalScreen) -> Int32 {
        let ending = FrameLoop.run(runner, on: screen)
        runner.writer?.close()
        screen.close()
        Say.out(ending.sentence)
        return ending.code
    }
}
