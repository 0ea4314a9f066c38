import ArgumentParser
import Foundation
import Journal
import Programme
import Region
import Runtime
import Terminal

/// Options shared by the console's commands.
struct ConsoleOptions: ParsableArguments {
    @Option(name: .long, help: "The programme folder (default: the bundled programme).")
    var content: String?

    @OptionGroup var location: JournalCommand.Location

    @Flag(name: .customLong("no-color"), help: "Never use colour (also when NO_COLOR is set).")
    var noColour = false

    func programme(purpose: String = "running a session") throws -> (programme: Programme, path: String) {
        try ContentLocator.loadClean(content, purpose: purpose)
    }

    /// Opens the console on the journal folder; `prepare` may move it past the home screen. The
    /// content's files are watched, and reloaded whenever the console follows edits (rehearsing,
    /// browsing on its own); a live console never takes them up.
    func runConsole(_ loaded: (programme: Programme, path: String), mode: JournalEvent.Mode = .live,
                    prepare: @MainActor (ConsoleRunner) -> Void = { _ in }) throws {
        // The facilitator's own keys are checked before the screen opens: a problem is printed
        // with its line, not met in the room.
        let keys = try KeyConfig.load(for: loaded.programme).map
        let code = MainActor.assumeIsolated {
            let runner = ConsoleRunner(programme: loaded.programme, directory: location.directory, mode: mode)
            runner.useKeys(keys)
            runner.followContent(at: loaded.path)
            prepare(runner)
            return ConsoleLoop.run(runner, colour: noColour ? .never : .auto)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// A session id given on the command line, checked against the programme.
    static func check(session: String?, in programme: Programme) throws {
        if let session, programme.session(session) == nil {
            throw ValidationError("No session \"\(session)\" in \(programme.title). The sessions are: \(programme.sessions.map(\.id).joined(separator: ", ")).")
        }
    }
}

/// `iwotch` with no command: the home screen (or, when not in a terminal, the overview).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console's home screen: run or resume a live session, rehearse one, browse the manual.",
        shouldDisplay: false
    )

    @OptionGroup var options: ConsoleOptions

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            var overview = Overview()
            overview.content = options.content
            try overview.run()
            Say.out("Run iwotch in a terminal to open the console.")
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
        let loaded = try options.programme()
        try ConsoleOptions.check(session: session, in: loaded.programme)
        try options.runConsole(loaded) { runner in
            // An open delivery is offered first: the home screen lists it to resume.
            if runner.state.resumable.isEmpty { runner.startSetup(session: session, group: group) }
        }
    }
}

/// `iwotch rehearse`: a session as live, with sample codes, recorded apart from live deliveries.
struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Rehearse a session: the live walk-through with sample codes, recorded as a rehearsal only.",
        discussion: """
        Events go to the journal's rehearsal folder, never the live one. Open rehearsals are offered to resume \
        first. Edits saved to the content files are taken up within a second; content with errors is shown by \
        its first errors while the last good version stays on screen.
        """
    )

    @OptionGroup var options: ConsoleOptions

    @Option(name: .long, help: "The session id (see `iwotch` for the list).")
    var session: String?

    func run() throws {
        let loaded = try options.programme(purpose: "rehearsing")
        try ConsoleOptions.check(session: session, in: loaded.programme)
        try options.runConsole(loaded, mode: .rehearsal) { runner in
            // An open rehearsal is offered first: the rehearsal home lists it to resume.
            if runner.state.resumable.isEmpty { runner.startSetup(session: session, group: nil) }
        }
    }
}

/// `iwotch browse`: read and search the manual; follows edits to the content files.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Read and search the manual: every session, activity, step, key message and fidelity item.",
        discussion: "Edits saved to the content files are taken up within a second. Nothing is recorded."
    )

    @OptionGroup var options: ConsoleOptions

    func run() throws {
        let loaded = try options.programme(purpose: "browsing it")
        try options.runConsole(loaded) { runner in runner.startBrowsing(manualOnly: true) }
    }
}

/// `iwotch audit`: the supervisor's audit screen over the journal folder or the journals named.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit deliveries on screen: adherence, attendance, each activity's item ratings.",
        discussion: """
        Reads journal files and folders as `iwotch report` does (default: the journal folder's live journals and \
        reviews): copies counted once, corrections applied, rehearsals left out, failing files counted. The figures \
        are those of the reports. Nothing is recorded. See Manuals/supervisor-guide.md.
        """
    )

    @OptionGroup var options: ConsoleOptions

    @Argument(help: "Journal files or folders, searched below (default: the journal folder's live journals and reviews).")
    var paths: [String] = []

    @Option(name: .long, help: "Read the deliveries from the region's database, postgres://USER@HOST:PORT/DATABASE, instead of journal files.")
    var database: String?

    func validate() throws {
        if database != nil && !paths.isEmpty { throw ValidationError("--database reads the region's database; name no journal files with it.") }
    }

    func run() throws {
        let loaded = try options.programme(purpose: "auditing")
        if database != nil {
            let address = try RegionAccess.address(database)!
            // Read once before the screen opens, so a wrong address is said plainly; a reload that
            // cannot reach the database keeps what was read.
            let first = try RegionAccess.stored(address)
            Say.out("Read \(first.count) \(first.count == 1 ? "delivery" : "deliveries") from \(address.display)…")
            let latest = LatestRead(first)
            try options.runConsole(loaded) { runner in
                runner.startAudit(reading: {
                    if let fresh = try? RegionAccess.stored(address) { latest.journals = fresh }
                    return RegionAccess.auditSet(latest.journals)
                })
            }
            return
        }
        let files = paths.isEmpty ? nil : try JournalFiles.collect(paths, default: options.location.directory)
        if let files, files.isEmpty { throw CommandFailure("No journal files in \(paths.joined(separator: ", ")).") }
        // A region's journals can take a moment: say so before the screen opens.
        let count = files?.count ?? options.location.directory.auditFiles().count
        Say.out("Reading \(count) journal \(count == 1 ? "file" : "files")…")
        try options.runConsole(loaded) { runner in runner.startAudit(files: files) }
    }
}

/// The deliveries last read from the database, for the audit screen's reloads.
final class LatestRead: @unchecked Sendable {
    var journals: [StoredJournal]
    init(_ journals: [StoredJournal]) { self.journals = journals }
}
