import ArgumentParser
import Console
import Foundation
import Runtime
import Terminal

/// `iwotch keys`: before a session, a facilitator checks that the presenter clicker (and the
/// keyboard) reach the console, and what each button would do.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Check a presenter clicker and the keyboard: shows each key received and what it would do.",
        discussion: "Press q or Ctrl-C to leave. Exit status: 0 normally, 128 + the signal number when stopped by a signal."
    )

    @Flag(name: .customLong("no-color"), help: "Use no colour (as when NO_COLOR is set).")
    var noColor = false

    func run() throws {
        let mode: ColourMode = noColor ? .never : .auto
        // The check names what each key does with the facilitator's own keys, once the file is sound.
        let loaded = try KeyConfig.load()
        // ParsableCommand cannot be @MainActor; run() is called on the main thread.
        let signal = try MainActor.assumeIsolated {
            let screen = try TerminalScreen.open(colour: mode)
            defer { screen.close() }
            return KeysCheck.run(on: screen, keys: loaded.map, source: loaded.path)
        }
        guard let signal else {
            Say.out(loaded.path.map { "Keys checked, with the keys in \($0)." } ?? "Keys checked.")
            return
        }
        // The terminal is already restored: one plain sentence, no stack trace.
        Say.error(KeysCheck.stopSentence(signal))
        throw ExitCode(128 + signal)
    }
}
