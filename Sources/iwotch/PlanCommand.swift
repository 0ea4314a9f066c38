import ArgumentParser
import Foundation
import Plan
import Programme

/// `iwotch plan SESSION`: a session plan to print and take into the room, or to hand to a new
/// facilitator before their first delivery.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print a session plan: timetable, leads, steps, key messages, materials and fidelity items.",
        discussion: """
        The timetable's clock times start at --start (default 09:30). Markdown is printed unless --format html \
        is given or --output names an .html file; the HTML page is self-contained and prints on A4. \
        Exit status: 0 done, 1 content problems or the file could not be written, 2 usage error or unknown session.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @Argument(help: "The session id (iwotch content check lists them).")
    var session: String

    @Option(name: .long, help: "The programme folder. Default: the bundled programme.")
    var content: String?

    @Option(name: .long, help: "markdown or html. Default: html when --output ends in .html, else markdown.")
    var format: Format?

    @Option(name: .long, help: ArgumentHelp("The clock time the session starts.", valueName: "HH:MM"))
    var start = "09:30"

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the plan to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        guard ClockTime(parsing: start) != nil else {
            throw ValidationError("--start must be a time of day as HH:MM on a 24-hour clock, e.g. 09:30 or 13:45; \"\(start)\" is not.")
        }
    }

    func run() throws {
        // With several programmes bundled, the one holding the session; when none does, each names its sessions.
        let several = content == nil ? ContentLocator.defaultPaths() : []
        if several.count > 1, !several.contains(where: { ProgrammeLoader.load(path: $0).programme?.session(session) != nil }) {
            for programme in several.compactMap({ ProgrammeLoader.load(path: $0).programme }) {
                Say.error("No session \"\(session)\" in \(programme.title). The sessions are: \(programme.sessions.map(\.id).joined(separator: ", ")).")
            }
            throw ExitCode(2)
        }
        let (programme, _) = try ContentReport.load(try ContentLocator.resolve(content) { $0.session(session) != nil })
        guard let chosen = programme.session(session) else {
            // A usage error (status 2), told without the generic usage line: the list is the help.
            let known = programme.sessions.map(\.id).joined(separator: ", ")
            Say.error("No session \"\(session)\" in \(programme.title). The sessions are: \(known).")
            throw ExitCode(2)
        }
        let plan = SessionPlan(programme: programme, session: chosen, start: ClockTime(parsing: start) ?? .defaultStart)
        let text = resolvedFormat == .html ? plan.html : plan.markdown
        guard let output else {
            Say.out(text, terminator: "")
            return
        }
        do {
            try Output.write(text, to: output)
        } catch {
            Say.error("\(error)\nCheck that its folder exists and that you may write there.")
            throw ExitCode(1)
        }
        Say.out("Wrote the plan for \(chosen.id) (\(resolvedFormat.rawValue)) to \(output).")
    }

    private var resolvedFormat: Format {
        if let format { return format }
        let lower = output?.lowercased() ?? ""
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .markdown
    }
}
