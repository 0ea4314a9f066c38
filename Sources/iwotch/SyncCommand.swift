import ArgumentParser
import Foundation
import Journal
import Programme
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
        ~/.pgpass or PGPASSWORD, never the command line. Waits at most connect_timeout seconds (10; ?connect_timeout= \
        or PGCONNECT_TIMEOUT) for the server; offline, --status says what this laptop holds that was not stored at the \
        last sync. See Manuals/region-guide.md. Exit status: 0 all sent (or nothing waiting); 1 some lines could not be \
        sent, or the database refused the connection; 2 usage error; 3 the database could not be reached (nothing sent).
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
        let outcomes: [Sync.Outcome]
        do {
            outcomes = try waitFor { [journals] in
                try await RegionDatabase.with(address) { db in
                    statusOnly ? try await Sync.status(db, journals: journals) : try await Sync.run(db, journals: journals)
                }
            }
        } catch let failure as RegionDatabase.Failure {
            guard failure.unreachable else { throw CommandFailure(failure.description) }
            Say.error(failure.description)
            Self.sayOffline(journals, record: SyncRecord.read(directory), address: address)
            throw ExitCode(3)
        }
        SyncRecord.write(outcomes, address: address, to: directory)
        for line in unreadable { Say.error(line) }
        for outcome in outcomes { if let problem = outcome.problem { Say.error(problem) } }
        var problems = unreadable.count + outcomes.filter { $0.problem != nil }.count
        problems += Self.honourErasures(outcomes, statusOnly: statusOnly)
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

    /// Offline: what this laptop holds that the database did not hold at the last sync (or all of
    /// it, when this laptop has not synced with this database).
    static func sayOffline(_ journals: [LocalJournal], record: SyncRecord?, address: DatabaseAddress) {
        let lines = journals.reduce(0) { $0 + $1.lines.count }
        let known = record?.database == address.display ? record : nil
        var waiting: [(delivery: String, lines: Int, stored: Int)] = []
        for journal in journals where !journal.delivery.isEmpty {
            let stored = known?.stored[journal.delivery] ?? 0
            if journal.lines.count > stored { waiting.append((journal.delivery, journal.lines.count - stored, stored)) }
        }
        let total = waiting.reduce(0) { $0 + $1.lines }
        let since = known.map { "at the last sync with it (\($0.at))" } ?? "as far as this laptop knows (it has no record of a sync with this database)"
        for item in waiting {
            Say.out("\(item.delivery): \(item.lines) \(item.lines == 1 ? "line" : "lines") not stored \(known == nil ? "as far as this laptop knows" : "at the last sync") (\(item.stored) of \(item.stored + item.lines))")
        }
        Say.out("Offline: \(address.display) cannot be reached. This laptop holds \(journals.count) live \(journals.count == 1 ? "journal" : "journals") (\(lines) \(lines == 1 ? "line" : "lines")); \(total) \(total == 1 ? "line" : "lines") of \(waiting.count) \(waiting.count == 1 ? "delivery" : "deliveries") were not stored \(since). They are safe here; run `iwotch sync` when the network is back.")
    }

    /// Lines the region's database erased on request that this laptop still holds: not stored
    /// again (the database takes them for the tombstones it holds), and erased here too, so the
    /// laptop's journal honours the request. Returns how many journals could not be rewritten.
    static func honourErasures(_ outcomes: [Sync.Outcome], statusOnly: Bool) -> Int {
        var failures = 0
        for outcome in outcomes where !outcome.erasedOnlyHere.isEmpty {
            let count = outcome.erasedOnlyHere.count
            Say.error("\(outcome.file): \(count) \(count == 1 ? "line" : "lines") of delivery \(outcome.delivery) (\(outcome.erasedOnlyHere.map(String.init).joined(separator: ", "))) erased on this laptop on request are held in full in the region's database: the region's data manager runs `iwotch db erase` for the participant (Manuals/region-guide.md).")
        }
        for outcome in outcomes where !outcome.erasedInDatabase.isEmpty {
            let count = outcome.erasedInDatabase.count
            let lines = "\(count) \(count == 1 ? "line" : "lines") of delivery \(outcome.delivery) (\(outcome.erasedInDatabase.keys.sorted().map(String.init).joined(separator: ", ")))"
            if statusOnly {
                Say.out("\(outcome.file): \(lines) erased in the region's database on request, still on this laptop: not sent again; `iwotch sync` erases them here.")
                continue
            }
            do {
                let erased = try Erasure.rewrite(URL(fileURLWithPath: outcome.file)) { Erasure.plan($0, seqs: outcome.erasedInDatabase) }
                Say.out("\(outcome.file): erased \(erased) of \(lines) on this laptop, as the region's database erased them on request; they were not sent again.")
            } catch {
                failures += 1
                Say.error("\(outcome.file): \(lines) erased in the region's database on request are still on this laptop (not sent again): \(error)")
            }
        }
        return failures
    }
}

/// What the database held of this laptop's deliveries at the last sync (or status), kept beside
/// the journals so an offline `iwotch sync --status` can say what is not yet stored. Only line
/// counts by delivery; a hint, never trusted for sending (sync always asks the database).
struct SyncRecord: Codable {
    var database: String
    var at: String
    var stored: [String: Int]

    static func url(_ directory: JournalDirectory) -> URL { directory.root.appendingPathComponent("region-sync.json") }

    static func read(_ directory: JournalDirectory) -> SyncRecord? {
        guard case .success(let data) = RegularFile.read(url(directory).path, maximumBytes: 16 << 20),
              var record = try? JSONDecoder().decode(SyncRecord.self, from: data) else { return nil }
        // A hint only, but read as any file is: a count outside a line number's range is dropped.
        record.stored = record.stored.filter { (0...Int(Int32.max)).contains($0.value) }
        return record
    }

    /// Best effort: a record that cannot be written only makes an offline status less precise.
    static func write(_ outcomes: [Sync.Outcome], address: DatabaseAddress, to directory: JournalDirectory) {
        var stored: [String: Int] = [:]
        for outcome in outcomes where !outcome.delivery.isEmpty { stored[outcome.delivery] = outcome.storedBefore + outcome.sent }
        let record = SyncRecord(database: address.display, at: Timestamp.format(Date()), stored: stored)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard FileManager.default.fileExists(atPath: directory.root.path),
              let data = try? encoder.encode(record) else { return }
        try? Output.write(String(decoding: data, as: UTF8.self) + "\n", to: url(directory).path)
    }
}

/// `iwotch db migrate|check`: the region database's schema and its own check.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "The region's PostgreSQL database: apply the schema, check every stored chain, erase a participant's records.",
        subcommands: [Migrate.self, Check.self, Erase.self]
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

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a participant's stored records on request, keeping every chain verifiable (as a member of iwotch_region, or the owner).",
            discussion: """
            Replaces every stored line of the group's deliveries that names the participant (and every correction of \
            such a line) with a tombstone that keeps the line's place and hash, so `iwotch db check` still verifies each \
            chain and says how many lines are erased. Records the erasure (who, when, the reason; no code) in \
            iwotch.erasures. A laptop that still holds the lines does not send them again, and `iwotch sync` erases them \
            there too. See Manuals/region-guide.md. Exit status: 0 erased (or nothing named the participant); 1 refused \
            or the database could not be reached (nothing erased); 2 usage error.
            """)

        @Option(name: .long, help: "The region's database (default: $IWOTCH_DATABASE_URL).")
        var database: String?

        @OptionGroup var erasure: ErasureOptions

        func run() throws {
            let address = try RegionAccess.address(database)!
            let (request, reason) = (erasure.request, erasure.screenedReason)
            let outcome = try RegionAccess.run(address) { try await DatabaseErasure.run($0, request, reason: reason) }
            guard let number = outcome.erasure else {
                Say.out("No stored line of group \(request.group) at site \(request.site) names that participant (or it was erased already): nothing erased.")
                return
            }
            Say.out("Erased \(outcome.lines) \(outcome.lines == 1 ? "line" : "lines") in \(outcome.deliveries) \(outcome.deliveries == 1 ? "delivery" : "deliveries") of group \(request.group) at site \(request.site) (erasure \(number) in iwotch.erasures). Erase the laptops' copies too: their next `iwotch sync` does it, or `iwotch journal erase`.")
        }
    }
}
