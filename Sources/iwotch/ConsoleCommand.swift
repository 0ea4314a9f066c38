import ArgumentParser
import Foundation
import Journal
import Programme
import Runtime
import Terminal

/// Options shared by the console's commands.
struct ConsoleOptions: ParsableArguments {
    @Option(name: .long, help: "The programme folder (default: the bundled programme).")
    var content: String?

    @OptionGroup var location: JournalCommand.Location

    @Flag(name: .customLong("no-color"), help: "Never use colour (also when NO_COLOR is set).")
    var noColour = false

    func programme() throws -> Programme {
        try ContentLocator.loadClean(content, purpose: "running a session").programme
    }
}

/// `iwotch` with no command: the home screen (or, when not in a terminal, the overview).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console's home screen: run or resume a live session.",
        shouldDisplay: false
    )

    @OptionGroup var options: ConsoleOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            var overview = Overview()
            overview.content = options.content
            try overview.run()
            print("Run iwotch in a terminal to open the console.")
            return
        }
        let programme = try options.programme()
        let code = try MainActor.assumeIsolated {
            let runner = ConsoleRunner(programme: programme, directory: options.location.directory)
            return try ConsoleLoop.run(runner, colour: options.noColour ? .never : .auto)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// `iwotch run`: straight to setting up a delivery.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Set up and run a live session (or resume an open one)."
    )

    @OptionGroup var options: ConsoleOptions

    @Option(name: .long, help: "The group's code; its site, facilitators and roster are carried over.")
    var group: String?

    @Option(name: .long, help: "The session id (see `iwotch` for the list).")
    var session: String?

    func validate() throws {
        if let group, let problem = Privacy.refusal(forCode: group, what: "The group code") { throw ValidationError(problem) }
    }

    func run() throws {
        let programme = try options.programme()
        if let session, programme.session(session) == nil {
            throw ValidationError("No session \"\(session)\" in \(programme.title). The sessions are: \(programme.sessions.map(\.id).joined(separator: ", ")).")
        }
        let code = try MainActor.assumeIsolated {
            let runner = ConsoleRunner(programme: programme, directory: options.location.directory)
            // An open delivery is offered first: the home screen lists it to resume.
            if runner.state.resumable.isEmpty { runner.startSetup(session: session, group: group) }
            return try ConsoleLoop.run(runner, colour: options.noColour ? .never : .auto)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
