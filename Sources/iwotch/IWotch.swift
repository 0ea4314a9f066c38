import ArgumentParser
import Foundation

struct IWotch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iwotch",
        abstract: "A console for facilitators of manualised group programmes: guided sessions, attendance and fidelity records.",
        discussion: """
        Run with no command to open the console (in a terminal), `iwotch run` to set up a session, `iwotch rehearse` to \
        practise one, or `iwotch browse` to read the manual. Content lives in Content/<programme>/; see Manuals/content-authoring.md.
        """,
        version: VersionInfo.app,
        subcommands: [ConsoleCommand.self, RunCommand.self, RehearseCommand.self, BrowseCommand.self, Overview.self, ContentCommand.self,
                      JournalCommand.self, ReportCommand.self, AuditCommand.self, ExportCommand.self, ReviewCommand.self, SyncCommand.self, DatabaseCommand.self, PlanCommand.self, DiffCommand.self,
                      Diagnostics.self, KeysCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// ArgumentParser exits 64 on a usage error; our commands promise 2 (0 clean, 1 problems found).
@main
enum Main {
    static func main() {
        // The full version (content and commit) is looked up only when asked for.
        if Array(CommandLine.arguments.dropFirst()) == ["--version"] {
            Say.out(VersionInfo.text(), terminator: "")
            exit(0)
        }
        if let unknown = CommandSuggestion.unknownCommand(Array(CommandLine.arguments.dropFirst())) {
            Say.error(unknown)
            exit(2)
        }
        do {
            var command = try IWotch.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Say.error(failure.description)
            exit(1)
        } catch {
            let code = IWotch.exitCode(for: error)
            let message = IWotch.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Say.out(message) }
                exit(0)
            }
            if !message.isEmpty { Say.error(message) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
