import ArgumentParser
import Console
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

    /// The programme named, or the one bundled; with several bundled, the one holding `session`.
    func programme(purpose: String = "running a session", session: String? = nil) throws -> (programme: Programme, path: String) {
        guard let session else { return try ContentLocator.loadClean(content, purpose: purpose) }
        return try ContentLocator.loadClean(try ContentLocator.resolve(content) { $0.session(session) != nil }, purpose: purpose)
    }

    /// Opens the console on the journal folder; `prepare` may move it past the home screen. The
    /// content's files are watched, and reloaded whenever the console follows edits (rehearsing,
    /// browsing on its own); a live console never takes them up.
    func runConsole(_ loaded: (programme: Programme, path: String), mode: JournalEvent.Mode = .live,
                    on screen: TerminalScreen? = nil, prepare: @MainActor (ConsoleRunner) -> Void = { _ in }) throws {
        // The facilitator's own keys are checked before the console opens: a problem is printed
        // with its line, not met in the room (a chooser's screen is closed first to print it).
        let keyFile: KeysFile.Loaded
        do { keyFile = try KeyConfig.load(for: loaded.programme) } catch {
            if let screen { MainActor.assumeIsolated { screen.close() } }
            throw error
        }
        let keys = keyFile.map
        let code = MainActor.assumeIsolated {
            let runner = ConsoleRunner(programme: loaded.programme, directory: location.directory, mode: mode)
            runner.useKeys(keys)
            runner.followContent(at: loaded.path)
            prepare(runner)
            if let screen { return ConsoleLoop.run(runner, on: screen) }
            return ConsoleLoop.run(runner, colour: noColour ? .never : .auto)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// When no programme is named and the content location holds several, asks which on a small
    /// screen and returns it with the terminal left open for the console; nil when the user left.
    /// With one programme (or one named), loads it as `programme()` does, with no screen yet.
    func chooseProgramme() throws -> (loaded: (programme: Programme, path: String), screen: TerminalScreen?)? {
        let paths = ContentLocator.defaultPaths()
        // Off a terminal there is no one to ask: the error names the programmes and `--content`.
        guard content == nil, paths.count > 1, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return (try programme(), nil) }
        // Each programme is loaded once: the chooser lists them and the one picked is used as loaded.
        let checks = paths.map { ProgrammeLoader.load(path: $0) }
        let listed = zip(paths, checks).map { path, check -> (title: String, detail: String) in
            guard let found = check.programme, check.isClean else {
                return (path, "has problems: run iwotch content check \(path)")
            }
            return (found.title, "\(found.id) \(found.version) · \(path)")
        }
        let picked: (index: Int, screen: TerminalScreen)?? = MainActor.assumeIsolated {
            guard let screen = ConsoleLoop.open(noColour ? .never : .auto) else { return nil }
            guard let index = ProgrammeChooser.run(listed, on: screen) else { screen.close(); return .some(nil) }
            return (index, screen)
        }
        guard let opened = picked else { throw ExitCode(1) }
        guard let (index, screen) = opened else { return nil }
        let check = checks[index]
        guard let chosen = check.programme, check.isClean else {
            // Its problems are printed once the terminal is restored.
            MainActor.assumeIsolated { screen.close() }
            _ = try ContentLocator.loadClean(paths[index], purpose: "running a session")
            return nil
        }
        return ((chosen, paths[index]), screen)
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
        guard let chosen = try options.chooseProgramme() else {
            Say.out("Goodbye.")
            return
        }
        try options.runConsole(chosen.loaded, on: chosen.screen)
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
        // A session names its programme; without one, several bundled programmes are asked about.
        let chosen = session == nil ? try options.chooseProgramme() : (try options.programme(session: session), nil)
        guard let (loaded, screen) = chosen else { return Say.out("Goodbye.") }
        try ConsoleOptions.check(session: session, in: loaded.programme)
        try options.runConsole(loaded, on: screen) { runner in
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
        let chosen = session == nil ? try options.chooseProgramme() : (try options.programme(purpose: "rehearsing", session: session), nil)
        guard let (loaded, screen) = chosen else { return Say.out("Goodbye.") }
        try ConsoleOptions.check(session: session, in: loaded.programme)
        try options.runConsole(loaded, mode: .rehearsal, on: screen) { runner in
            // An open rehearsal is offered first: the rehearsal home lists it to resume. A session
            // named on the command line is honoured all the same, saying the open ones are kept.
            if let session, !runner.state.resumable.isEmpty { runner.startSetup(asking: session) }
            else if runner.state.resumable.isEmpty { runner.startSetup(session: session, group: nil) }
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
        guard let chosen = try options.chooseProgramme() else {
            Say.out("Goodbye.")
            return
        }
        try options.runConsole(chosen.loaded, on: chosen.screen) { runner in runner.startBrowsing(manualOnly: true) }
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
        if database != nil {
            let address = try RegionAccess.address(database)!
            // Read once before the screen opens, so a wrong address is said plainly; a reload that
            // cannot reach the database keeps what was read.
            let first = try RegionAccess.stored(address)
            Say.out("Read \(first.count) \(first.count == 1 ? "delivery" : "deliveries") from \(address.display)…")
            let latest = LatestRead(first)
            // With several programmes bundled, the supervisor picks one as on the home screen.
            guard let (loaded, screen) = try options.chooseProgramme() else { return Say.out("Goodbye.") }
            try options.runConsole(loaded, on: screen) { runner in
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
        guard let (loaded, screen) = try options.chooseProgramme() else { return Say.out("Goodbye.") }
        try options.runConsole(loaded, on: screen) { runner in runner.startAudit(files: files) }
    }
}

/// The deliveries last read from the database, for the audit screen's reloads.
final class LatestRead: @unchecked Sendable {
    var journals: [StoredJournal]
    init(_ journals: [StoredJournal]) { self.journals = journals }
}
