import ArgumentParser
import Foundation
import Journal
import Region

/// `iwotch sync`: sends the live journals' new lines to the region's database.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send every live delivery's lines that the region's database does not yet hold.",
        discussion: """
        Reads the journal folder's live journals (open ones too) and sends, per delivery, the lines after those the \
        database holds. Safe to run at any time and as often as you like: a line already stored is not stored twice, \
        and a sync cut short is finished by the next. The database checks every line's chain on arrival; where the \
        database and a journal differ, nothing is overwritten and the delivery and line are named. Passwords come from \
        ~/.pgpass or PGPASSWORD, never the command line. See Manuals/region-guide.md. Exit status: 0 all sent (or \
        nothing waiting); 1 some lines could not be sent, or the database could not be reached; 2 usage error.
        """
    )

    @Option(name: .long, help: "The region's database, postgres://USER@HOST:PORT/DATABASE (default: $IWOTCH_DATABASE_URL).")
    var database: String?

    @Option(name: .long, help: "The journal folder (default: $IWOTCH_JOURNAL, else $XDG_DATA_HOME/iwotch/journal).")
    var journal: String?

    @Flag(name: .long, help: "Say what is waiting to be sent, and send nothing.")
    var status = false

    func run() throws {
        let address = try RegionAccess.address(database)!
        let directory = JournalDirectory.resolve(journal)
        var journals: [LocalJournal] = []
        var unreadable: [String] = []
        for url in directory.files(.live) {
            do { journals.append(try LocalJournal.read(url)) } catch { unreadable.append("\(url.path): \(error)") }
        }
        let statusOnly = status
        let outcomes = try RegionAccess.run(address) { [journals] db in
            statusOnly ? try await Sync.status(db, journals: journals) : try await Sync.run(db, journals: journals)
        }
        for line in unreadable { Say.error(line) }
        for outcome in outcomes { if let problem = outcome.problem { Say.error(problem) } }
        let problems = unreadable.count + outcomes.filter { $0.problem != nil }.count
        if statusOnly {
            let waiting = outcomes.filter { $0.waiting > 0 }
            for outcome in waiting {
                Say.out("\(outcome.delivery): \(outcome.waiting) \(outcome.waiting == 1 ? "line" : "lines") waiting (\(outcome.storedBefore) of \(outcome.local) stored)")
            }
            let lines = waiting.reduce(0) { $0 + $1.waiting }
            Say.out("\(outcomes.count) live \(outcomes.count == 1 ? "journal" : "journals"), \(waiting.count) with lines waiting (\(lines) \(lines == 1 ? "line" : "lines")) for \(address.display).")
        } else {
            let sent = outcomes.reduce(0) { $0 + $1.sent }
            let deliveries = outcomes.filter { $0.sent > 0 }.count
            Say.out("Sent \(sent) \(sent == 1 ? "line" : "lines") of \(deliveries) \(deliveries == 1 ? "delivery" : "deliveries") to \(address.display); \(outcomes.count - deliveries) already up to date or not sent.")
        }
        if problems > 0 { throw ExitCode(1) }
    }
}

/// `iwotch db migrate|check`: the region database's schema and its own check.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "The region's PostgreSQL database: apply the schema, check every stored chain.",
        subcommands: [Migrate.self, Check.self]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or bring up to date iwotch's tables, roles and access rules (run as the database owner).",
            discussion: "Applies each schema version the database lacks and records it; running it again changes nothing. Exit status: 0 done; 1 failed (nothing half-applied); 2 usage error.")

        @Option(name: .long, help: "The region's database (default: $IWOTCH_DATABASE_URL).")
        var database: String?

        func run() throws {
            let address = try RegionAccess.address(database)!
            let applied = try RegionAccess.run(address) { try await Migrations.migrate($0) }
            if applied.isEmpty {
                Say.out("\(address.display) is at schema version \(Migrations.latest): nothing to do.")
            } else {
                Say.out("Applied schema \(applied.count == 1 ? "version" : "versions") \(applied.map(String.init).joined(separator: ", ")) to \(address.display).")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every stored delivery as `iwotch journal check` checks its file.",
            discussion: "Reads each delivery's stored lines, byte for byte, as the file live/FILE it came from, and reports every problem as FILE:LINE:COL: error: WHAT, as `iwotch journal check` does. Exit status: 0 no errors, 1 errors found or the database could not be read, 2 usage error.")

        @Option(name: .long, help: "The region's database (default: $IWOTCH_DATABASE_URL).")
        var database: String?

        @Option(name: .long, help: "Content to compare pinned agendas with (default: the bundled programme).")
        var content: String?

        func run() throws {
            let address = try RegionAccess.address(database)!
            let journals = try RegionAccess.stored(address)
            try JournalCommand.Check.report(journals.map(\.url), content: content, load: RegionAccess.loader(journals))
        }
    }
}
