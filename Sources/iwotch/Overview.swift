import ArgumentParser
import DisplayText
import Foundation
import Programme

/// What `iwotch` shows with no command, until the live console takes this place: the bundled
/// programme at a glance and the commands that work today.
struct Overview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show the bundled programmes and the available commands.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The programme folder. Default: every bundled programme.")
    var content: String?

    func run() throws {
        // Every bundled programme when none is named; the console asks which to open.
        let paths = content.map { [$0] } ?? ContentLocator.defaultPaths()
        var out = ""
        for path in paths.isEmpty ? [nil] : paths.map(Optional.some) {
            let (programme, path) = try ContentLocator.loadClean(path, purpose: "using it")
            out += (out.isEmpty ? "" : "\n") + sessions(programme, path)
        }
        out += """

        Commands:
          iwotch content check [PATH]   check content files and print the fingerprint
          iwotch diagnostics            versions, terminal and paths, for support
          iwotch --help                 everything else

        """
        Say.out(out, terminator: "")
    }

    private func sessions(_ programme: Programme, _ path: String) -> String {
        var out = "\(DisplayText.sanitised(programme.title)) (version \(DisplayText.sanitised(programme.version)), \(path))\n\n"
        for (index, session) in programme.sessions.enumerated() {
            let week = session.scheduled ?? ""
            let title = DisplayText.truncated(DisplayText.sanitised(session.title), toWidth: 44)
            out += String(format: "%2d. ", index + 1) + title
            out += String(repeating: " ", count: max(1, 46 - DisplayText.width(title)))
            out += "\(session.plannedMinutes) min  \(week)\n"
        }
        return out
    }
}
