import ArgumentParser
import Foundation
import Programme

struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check programme content files.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a programme's content files and print its fingerprint.",
            discussion: """
            Reports every problem as FILE:LINE:COL: error: WHAT, with the line and what to do. \
            Exit status: 0 clean, 1 content problems, 2 usage error.
            """
        )

        @Argument(help: "The programme folder (holding programme.yaml), or programme.yaml itself. Default: the bundled programme.")
        var path: String?

        @Flag(name: .shortAndLong, help: "Print only problems and the fingerprint.")
        var quiet = false

        func run() throws {
            let path = try ContentLocator.resolve(path)
            let check = ProgrammeLoader.load(path: path)
            guard let programme = ContentReport.programme(from: check, path: path) else { throw ExitCode(1) }
            Say.out(ContentSummary(programme: programme, path: path, files: check.files.count,
                                 warnings: check.diagnostics.warningCount).text(quiet: quiet), terminator: "")
        }
    }
}
