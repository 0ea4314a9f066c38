import ArgumentParser
import Foundation
import Journal
import Programme
import Terminal

/// Facts a support person asks for first: versions, terminal, locale and where content lives.
struct Diagnostics: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print versions, terminal facts and paths, for support.")

    func run() throws {
        let info = TerminalInfo.probe()
        let environment = ProcessInfo.processInfo.environment
        var lines: [(String, String)] = [
            ("iwotch", IWotch.configuration.version),
            ("curses", info.cursesVersion),
            ("TERM", info.term ?? "(not set)"),
            ("terminal", info.isTerminal ? "yes" : "no (output is not a terminal)"),
            ("colours", info.colours.map(String.init) ?? "unknown (TERM not in terminfo)"),
            ("size", info.size.map { "\($0.columns)x\($0.rows)" } ?? "unknown"),
            ("locale", environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? "(not set)"),
            // As no-color.org says and the screen does: only a non-empty NO_COLOR turns colour off.
            ("NO_COLOR", environment["NO_COLOR"].map { $0.isEmpty ? "set but empty (colour stays on)" : "set (no colour)" } ?? "not set"),
        ]
        let paths = ContentLocator.defaultPaths()
        for path in paths {
            let check = ProgrammeLoader.load(path: path)
            if let programme = check.programme {
                lines.append(("content", "\(path) (\(programme.id) \(programme.version), \(programme.fingerprint))"))
            } else {
                lines.append(("content", "\(path) (\(check.diagnostics.errorCount) errors: run iwotch content check)"))
            }
        }
        if paths.isEmpty { lines.append(("content", "not found")) }
        let journal = JournalDirectory.resolve(nil)
        lines.append(("journal", "\(journal.root.path) (\(journal.files(.live).count) live, \(journal.files(.rehearsal).count) rehearsal)"))
        for (key, value) in lines {
            Say.out(key.padding(toLength: 10, withPad: " ", startingAt: 0) + value)
        }
    }
}
