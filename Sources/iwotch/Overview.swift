import ArgumentParser
import DisplayText
import Foundation
import Programme

/// What `iwotch` shows with no command, until the live console takes this place: the bundled
/// programme at a glance and the commands that work today.
struct Overview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Show the bundled programme and the available commands.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "The programme folder. Default: the bundled programme.")
    var content: String?

    func run() throws {
        let (programme, path) = try ContentLocator.loadClean(content, purpose: "using it")
        var out = "\(DisplayText.sanitised(programme.title)) (version \(DisplayText.sanitised(programme.version)), \(path))\n\n"
        for (index, session) in programme.sessions.enumerated() {
            let week = session.week.map { "week \($0)" } ?? ""
            let title = DisplayText.truncated(DisplayText.sanitised(session.title), toWidth: 44)
            out += String(format: "%2d. ", index + 1) + title
            out += String(repeating: " ", count: max(1, 46 - DisplayText.width(title)))
            out += "\(session.plannedMinutes) min  \(week)\n"
        }
        out += """

        Commands:
          iwotch content check [PATH]   check content files and print the fingerprint
          iwotch diagnostics            versions, terminal and paths, for support
          iwotch --help                 everything else

        """
        Say.out(out, terminator: "")
    }
}
