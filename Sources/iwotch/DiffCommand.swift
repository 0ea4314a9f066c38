import ArgumentParser
import Foundation
import Plan
import Programme

/// `iwotch diff OLD NEW`: what changed between two versions of a programme's content, before a
/// new version goes out to facilitators and supervisors.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a programme's content.",
        discussion: """
        Sessions, agenda items and fidelity items are matched by id. Says "No differences" when both hold the same \
        content. Exit status: 0 compared (whether or not anything changed), 1 content problems in either version, \
        2 usage error.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Argument(help: "The older programme folder (holding programme.yaml).")
    var old: String

    @Argument(help: "The newer programme folder.")
    var new: String

    @Option(name: .long, help: "text (for the terminal) or markdown.")
    var format: Format = .text

    func run() throws {
        // Both versions are checked before giving up, so every problem shows in one run.
        let before = ContentReport.programme(from: ProgrammeLoader.load(path: old), path: old)
        let after = ContentReport.programme(from: ProgrammeLoader.load(path: new), path: new)
        guard let before, let after else { throw ExitCode(1) }
        let diff = ContentDiff(old: before, new: after)
        switch format {
        case .text: Say.out(diff.text(oldLabel: old, newLabel: new), terminator: "")
        case .markdown: Say.out(diff.markdown(oldLabel: old, newLabel: new), terminator: "")
        }
    }
}
