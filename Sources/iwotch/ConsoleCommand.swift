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

    /// Opens the console on the journal folder; `prepare` may move it past the home screen.
    func runConsole(_ programme: Programme, prepare: @MainActor (ConsoleRunner) -> Void = { _ in }) throws {
        let code = MainActor.assumeIsolated {
            let runner = ConsoleRunner(programme: programme, directory: location.directory)
            prepare(runner)
            return ConsoleLoop.run(runner, colour: noColour ? .never : .auto)
        }
        if code != 0 { throw ExitCode(code) }
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
        try options.runConsole(try options.programme())
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
        try options.runConsole(programme) { runner in
            // An open delivery is offered first: the home screen lists it to resume.
            if runner.state.resumable.isEmpty { runner.startSetup(session: session, group: group) }
        }
    }
}
