import DeliveryFacts
import Dispatch
import Foundation
import Journal
import Programme

/// Journals gathered for an audit: any number of files (copies and review files included), read
/// as one record. Each file is checked as `iwotch journal check` checks it and read as far as it
/// can be; copies of a journal count once (events are joined by id); nothing is dropped silently.
public struct AuditSet: Sendable {
    /// Every delivery read, before filters.
    public var records: [DeliveryRecord]
    public var files: [FileReport]
    /// Review files whose delivery is not among the journals read.
    public var orphanReviews: [String]

    /// What became of one input file.
    public struct FileReport: Sendable {
        public var path: String
        public var delivery: String?
        public var kind: Kind
        public var events: Int
        /// SHA-256 of the file's last line. It changes when the last line changes or lines are
        /// added; an edit to an earlier line leaves it alone and is found by the check (each line
        /// holds the hash of the line before it), so a head means something beside a passed check.
        public var head: String?
        public var errors: [Diagnostic]
        public var warnings: Int
        /// The file holds a rehearsal: practice, left out of reports unless asked for.
        public var isRehearsal = false
        /// Lines erased on request (a participant's records), kept as tombstones.
        public var erasedLines = 0
        public enum Kind: String, Sendable { case journal, copy, review, unreadable }
        public var failedCheck: Bool { !errors.isEmpty }
    }

    /// Reads `files` (two at a time, one per core): checking and decoding are the cost, and files
    /// are independent until copies are joined. A file's events are let go as soon as it has been
    /// checked and replayed, so memory holds one file per core rather than the whole region; the
    /// few deliveries that turn out to have several files (copies, reviews) are read again and joined.
    ///
    /// `load` gives a file's bytes: the file's own by default, or a delivery's lines stored in the
    /// region's database (`Region.StoredJournal`), read under the name the file had.
    public static func read(_ urls: [URL], load: @escaping @Sendable (URL) throws -> Data = RawJournal.readData) -> AuditSet {
        let firstReads = parallelMap(urls) { url -> FirstRead in
            let file = Parsed.read(url, load: load)
            var alone: DeliveryRecord?
            if let journal = file.journal, !journal.isReview, !journal.events.isEmpty {
                // The check has usually replayed the journal already; otherwise it is joined on its own.
                alone = file.replayed.map { DeliveryRecord(state: $0, files: [url.path]) } ?? join([(0, file)]).record
            }
            return FirstRead(report: file.report, isReview: file.journal?.isReview ?? false, alone: alone)
        }
        var files = firstReads.map(\.report)
        // Group by the delivery each file says it holds, not by its name: a renamed copy is still a copy.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, file) in files.enumerated() {
            guard let delivery = file.delivery else { continue }
            if groups[delivery] == nil { order.append(delivery) }
            groups[delivery, default: []].append(index)
        }
        let members = groups
        // Only deliveries with several files (copies, reviews) are joined; the rest keep their first reading.
        let several = order.filter { members[$0]!.count > 1 || firstReads[members[$0]![0]].isReview }
        let joined = parallelMap(several) { delivery -> Joined in
            // Read again, and checked again, so the file list and the record come from the same bytes.
            let reread = members[delivery]!.map { ($0, Parsed.read(urls[$0], load: load)) }
            let result = join(reread.filter { $0.1.journal != nil })
            let orphans = result.record != nil ? [] : reread.filter { $0.1.journal?.isReview == true }.map { $0.1.url.path }
            return Joined(record: result.record, copies: result.copies, orphans: orphans, reread: reread.map { ($0.0, $0.1.report) })
        }
        var joinedBy = Dictionary(uniqueKeysWithValues: zip(several, joined))
        var records: [DeliveryRecord] = []
        records.reserveCapacity(order.count)
        var orphans: [String] = []
        for delivery in order {
            guard let result = joinedBy.removeValue(forKey: delivery) else {
                if let record = firstReads[members[delivery]![0]].alone { records.append(record) }
                continue
            }
            for (index, report) in result.reread { files[index] = report }
            for copy in result.copies { files[copy].kind = .copy }
            if let record = result.record { records.append(record) }
            orphans += result.orphans
        }
        records.sort { ($0.date, $0.openedAt, $0.id) < ($1.date, $1.openedAt, $1.id) }
        return AuditSet(records: records, files: files, orphanReviews: orphans)
    }

    /// One delivery's files joined: its journal files (the original first, `originalFirst`), then
    /// its reviews. Events are counted once by id. Returns the record and which of `members` added
    /// nothing (copies).
    static func join(_ members: [(index: Int, file: Parsed)]) -> (record: DeliveryRecord?, copies: [Int]) {
        let journals = members.filter { !$0.file.journal!.isReview }
            .sorted { originalFirst(($0.file.url, $0.file.journal!.events.count), ($1.file.url, $1.file.journal!.events.count), delivery: $0.file.journal!.events.first?.event.delivery ?? "") }
        let reviews = members.filter { $0.file.journal!.isReview }
        let total = members.reduce(0) { $0 + $1.file.journal!.events.count }
        var seen = Set<UUID>(minimumCapacity: total)
        var events: [JournalEvent] = []
        events.reserveCapacity(total)
        var copies: [Int] = []
        for (position, member) in journals.enumerated() {
            // Events a copy adds (taken later than the first file) belong after those before them.
            let before = events.count
            for entry in member.file.journal!.events where seen.insert(entry.event.id).inserted { events.append(entry.event) }
            if position > 0 && events.count == before { copies.append(member.index) }
        }
        if journals.count > 1 { events.sort { ($0.seq, $0.time) < ($1.seq, $1.time) } }
        for member in reviews {
            for entry in member.file.journal!.events where seen.insert(entry.event.id).inserted { events.append(entry.event) }
        }
        let state = DeliveryState.replay(events)
        return (DeliveryRecord(state: state, files: members.map(\.file.url.path)), copies)
    }

    /// Which of two files of one delivery is the original, the rule the guide gives ("Copies count
    /// once"): the one holding more events (the other adds nothing to it); of equal files, one in a
    /// folder named `live` (where the console writes), then one named after the delivery
    /// (`DELIVERY.jsonl`, as the console names it), then the path that sorts first. Paths and names
    /// only, never times, so every machine labels the same file the copy.
    public static func originalFirst(_ a: (url: URL, events: Int), _ b: (url: URL, events: Int), delivery: String) -> Bool {
        func rank(_ url: URL) -> (Int, Int) {
            (url.deletingLastPathComponent().lastPathComponent == "live" ? 0 : 1,
             url.deletingPathExtension().lastPathComponent == delivery ? 0 : 1)
        }
        if a.events != b.events { return a.events > b.events }
        let (x, y) = (rank(a.url), rank(b.url))
        if x != y { return x < y }
        return a.url.path < b.url.path
    }

    /// A file read and checked.
    struct Parsed: @unchecked Sendable {
        var url: URL
        var journal: ReadJournal?
        var problems: [Diagnostic]
        /// `journal.state`, when the check worked it out.
        var replayed: DeliveryState?
        var readError: String?

        static func read(_ url: URL, load: (URL) throws -> Data) -> Parsed {
            do {
                let journal = ReadJournal.parse(try load(url), url: url)
                let check = JournalCheck.check(journal)
                return Parsed(url: url, journal: journal, problems: check.problems, replayed: check.state, readError: nil)
            } catch {
                return Parsed(url: url, journal: nil, problems: [], replayed: nil, readError: "\(error)")
            }
        }

        var report: FileReport {
            guard let journal else {
                return FileReport(path: url.path, delivery: nil, kind: .unreadable, events: 0, head: nil,
                                  errors: [Diagnostic(path: url.path, line: 1, column: 1, message: "the journal cannot be read",
                                                      excerpt: nil, help: readError ?? "")], warnings: 0)
            }
            return FileReport(path: url.path, delivery: journal.events.first?.event.delivery, kind: journal.isReview ? .review : .journal,
                              events: journal.events.count, head: journal.head,
                              errors: problems.filter { $0.severity == .error }, warnings: problems.warningCount,
                              isRehearsal: journal.events.first?.event.mode == .rehearsal, erasedLines: journal.erased.count)
        }
    }

    /// What is kept of a file after its first reading: its line in the file list and, when it is a
    /// journal, the record it makes if it turns out to be its delivery's only file.
    struct FirstRead: Sendable {
        var report: FileReport
        var isReview: Bool
        var alone: DeliveryRecord?
    }

    struct Joined: Sendable {
        var record: DeliveryRecord?
        var copies: [Int]
        var orphans: [String]
        var reread: [(Int, FileReport)]
    }

    /// The records the filters admit. When they admit all, the set's own array: a region's
    /// records are then held once, not twice.
    public func filtered(_ filters: Filters) -> [DeliveryRecord] {
        records.allSatisfy(filters.admits) ? records : records.filter(filters.admits)
    }

    /// A digest of all chain heads: it changes when a journal read gains lines or its last line
    /// changes; an edit to an earlier line changes neither head nor digest (the check finds it).
    /// SHA-256 of the heads sorted and joined one per line (no final newline). File names and
    /// folders are left out, so the same journals gathered anywhere give the same digest; a
    /// supervisor can recompute it (Manuals/supervisor-guide.md, "Trusting the figures").
    public var headsDigest: String {
        lineHash(Data(files.compactMap(\.head).sorted().joined(separator: "\n").utf8))
    }
}

/// `transform` over `items` on every core, results in input order. Workers take the next few
/// items as they finish the last, rather than a fixed share each: when another program holds one
/// core, a fixed half of the files would wait for it.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
    let results = Results<R>(count: items.count)
    // Small batches: few enough to keep the lock out of the way, many enough to even out the end.
    let batch = max(1, min(16, items.count / (workers * 8)))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        // Each batch is stored as it is done: results held once, not once per worker and again at the end.
        var local: [(Int, R)] = []
        local.reserveCapacity(batch)
        while let range = results.take(batch) {
            for index in range { local.append((index, transform(items[index]))) }
            results.store(local)
            local.removeAll(keepingCapacity: true)
        }
    }
    return results.values.map { $0! }
}

/// The slots parallelMap's workers fill, each worker once, and the next items to take, under a lock.
private final class Results<R>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [R?]
    private var next = 0
    init(count: Int) { values = Array(repeating: nil, count: count) }

    func take(_ count: Int) -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        let range = next..<min(next + count, values.count)
        next = range.upperBound
        return range
    }

    func store(_ batch: [(Int, R)]) {
        lock.lock()
        defer { lock.unlock() }
        for (index, value) in batch { values[index] = value }
    }
}
