import Foundation
import Journal
import PostgresNIO

/// `iwotch sync`: sends each live journal's lines that the database does not yet hold.
///
/// Per delivery: ask the stored head (line count and last line's hash), check that the laptop's
/// line at that place has that hash (else the two differ: a conflict, reported, nothing sent),
/// and send the lines after it. Several deliveries share a transaction (fewer commits), each
/// under its own savepoint, so one refused delivery does not stop the others; a kill leaves
/// whole transactions only, and the next run starts from the heads stored. The database checks
/// every line again on arrival (`iwotch.check_event`), so no client can store a broken chain.
public enum Sync {
    /// What became of one journal.
    public struct Outcome: Sendable {
        public var file: String
        public var delivery: String
        /// Lines on the laptop (complete ones), stored before this run, and sent now.
        public var local: Int
        public var storedBefore: Int
        public var sent: Int
        /// Why some lines were not sent: the file, the line and what to do.
        public var problem: String?
        /// Lines the region's database erased on request that this laptop still holds, by seq,
        /// with the hash each holds (`iwotch sync` erases them here too).
        public var erasedInDatabase: [Int: String] = [:]
        /// Lines erased on this laptop that the database holds in full (it was erased here after
        /// they were sent): `iwotch db erase` is needed there too.
        public var erasedOnlyHere: [Int] = []
        public var waiting: Int { max(0, local - storedBefore - sent) }
    }

    /// Lines sent per transaction, roughly: large enough that commits are not the cost.
    public static let linesPerTransaction = 4000

    /// What would be sent, without sending (`iwotch sync --status`).
    public static func status(_ db: RegionDatabase, journals: [LocalJournal]) async throws -> [Outcome] {
        try await Migrations.require(db)
        let deliveries = journals.map(\.delivery).filter { !$0.isEmpty }
        let heads = try await storedHeads(db, deliveries)
        let erased = try await DatabaseErasure.erasedLines(db, deliveries)
        return journals.map { journal in
            var outcome = plan(journal, head: heads[journal.delivery]).outcome
            outcome.erasedInDatabase = stillHeld(journal, erased[journal.delivery] ?? [:])
            outcome.erasedOnlyHere = heldInFull(journal, stored: outcome.storedBefore, erased[journal.delivery] ?? [:])
            return outcome
        }
    }

    /// Sends what is missing. `afterCommit` is called after each transaction (tests use it to stop
    /// a run part-way, as a kill would).
    public static func run(_ db: RegionDatabase, journals: [LocalJournal], linesPerTransaction: Int = Sync.linesPerTransaction,
                           afterCommit: @Sendable (Int) throws -> Void = { _ in }) async throws -> [Outcome] {
        try await Migrations.require(db)
        let heads = try await storedHeads(db, journals.map(\.delivery).filter { !$0.isEmpty })
        var outcomes: [Outcome] = []
        var batch: [(journal: LocalJournal, from: Int, outcome: Outcome)] = []
        var batchLines = 0
        var transactions = 0

        func flush() async throws {
            guard !batch.isEmpty else { return }
            try await db.script("BEGIN")
            for (index, item) in batch.enumerated() {
                var outcome = item.outcome
                do {
                    try await db.script("SAVEPOINT delivery")
                    let stored = try await send(db, item.journal, from: item.from)
                    try await db.script("RELEASE SAVEPOINT delivery")
                    outcome.sent = stored
                } catch {
                    try await db.script("ROLLBACK TO SAVEPOINT delivery")
                    outcome.problem = "\(item.journal.url.path): the database refused delivery \(item.journal.delivery): \(RegionDatabase.words(error))"
                }
                batch[index].outcome = outcome
            }
            try await db.script("COMMIT")
            transactions += 1
            outcomes += batch.map(\.outcome)
            batch = []
            batchLines = 0
            try afterCommit(transactions)
        }

        for journal in journals {
            let planned = plan(journal, head: heads[journal.delivery])
            guard planned.send > 0 else { outcomes.append(planned.outcome); continue }
            batch.append((journal, planned.from, planned.outcome))
            batchLines += planned.send
            if batchLines >= linesPerTransaction { try await flush() }
        }
        try await flush()
        // Erased lines sent again were known by their place and hash (iwotch.erased_lines) and not stored.
        let erased = try await DatabaseErasure.erasedLines(db, journals.map(\.delivery).filter { !$0.isEmpty })
        let byFile = Dictionary(journals.map { ($0.url.path, $0) }, uniquingKeysWith: { first, _ in first })
        for index in outcomes.indices {
            guard let journal = byFile[outcomes[index].file] else { continue }
            outcomes[index].erasedInDatabase = stillHeld(journal, erased[journal.delivery] ?? [:])
            outcomes[index].erasedOnlyHere = heldInFull(journal, stored: outcomes[index].storedBefore + outcomes[index].sent, erased[journal.delivery] ?? [:])
        }
        return outcomes
    }

    /// The erased lines whose original bytes this journal still holds.
    static func stillHeld(_ journal: LocalJournal, _ erased: [Int: String]) -> [Int: String] {
        erased.filter { seq, hash in
            seq >= 1 && seq <= journal.lines.count && !journal.erased.contains(seq) && lineHash(journal.lines[seq - 1], is: hash)
        }
    }

    /// The lines erased on this laptop, among the `stored` lines the database holds, that it holds
    /// as they were (no tombstone there).
    static func heldInFull(_ journal: LocalJournal, stored: Int, _ erased: [Int: String]) -> [Int] {
        journal.erased.filter { $0 <= stored && erased[$0] == nil }
    }

    /// From which line to send, and how many, given the stored head.
    static func plan(_ journal: LocalJournal, head: (seq: Int, hash: String)?) -> (from: Int, send: Int, outcome: Outcome) {
        var outcome = Outcome(file: journal.url.path, delivery: journal.delivery, local: journal.lines.count,
                              storedBefore: head?.seq ?? 0, sent: 0, problem: nil)
        if journal.delivery.isEmpty {
            outcome.problem = "\(journal.url.path):\(journal.problem?.line ?? 1): \(journal.problem?.reason ?? "the journal is empty"); nothing sent. Run `iwotch journal check` on it."
            return (0, 0, outcome)
        }
        let stored = head?.seq ?? 0
        if let head, stored > journal.lines.count {
            outcome.problem = "\(journal.url.path): the database holds \(stored) lines of delivery \(journal.delivery), this journal only \(journal.lines.count): this copy is behind or was cut short. Nothing sent; nothing in the database was changed. Keep both and ask the region's data manager (stored head \(head.hash))."
            return (stored, 0, outcome)
        }
        if let head, !chainHash(journal.lines[stored - 1], is: head.hash) {
            outcome.problem = "\(journal.url.path):\(stored): line \(stored) of delivery \(journal.delivery) differs from the line \(stored) the database holds (hash \(head.hash)), so this journal and the stored one differ at or before it. Nothing sent; nothing in the database was changed. Run `iwotch journal check` and ask the region's data manager."
            return (stored, 0, outcome)
        }
        if let problem = journal.problem, problem.line > stored {
            outcome.problem = "\(journal.url.path):\(problem.line): \(problem.reason); lines from \(problem.line) on are not sent. Run `iwotch journal check` on it."
        }
        return (stored, max(0, journal.sendable - stored), outcome)
    }

    /// Sends lines after `from` (a count) of one journal, inside the caller's transaction, and
    /// gives how many were stored: fewer than sent when another sync of the same delivery (the
    /// same laptop run twice at once) stored some first, which the database takes for no change.
    static func send(_ db: RegionDatabase, _ journal: LocalJournal, from: Int) async throws -> Int {
        try await db.rows("SELECT set_config('iwotch.file_name', \(journal.fileName), true)")
        var start = from
        var stored = 0
        while start < journal.sendable {
            let end = min(journal.sendable, start + 1000)
            let lines = journal.lines[start..<end].map { ByteBuffer(bytes: $0) }
            stored += try await db.affected("INSERT INTO iwotch.events (line) SELECT l FROM unnest(\(lines)::bytea[]) WITH ORDINALITY AS t(l, n) ORDER BY n")
            start = end
        }
        return stored
    }

    /// The stored heads of these deliveries (those this role may see).
    static func storedHeads(_ db: RegionDatabase, _ deliveries: [String]) async throws -> [String: (seq: Int, hash: String)] {
        guard !deliveries.isEmpty else { return [:] }
        var heads: [String: (seq: Int, hash: String)] = [:]
        for row in try await db.rows("SELECT delivery_id, head_seq, head_hash FROM iwotch.deliveries WHERE delivery_id = ANY(\(deliveries))") {
            let (id, seq, hash) = try row.decode((String, Int, String).self)
            heads[id] = (seq, hash)
        }
        return heads
    }
}
