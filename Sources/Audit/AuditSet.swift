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
        /// SHA-256 of the file's last line: a later edit to the journal changes it.
        public var head: String?
        public var errors: [Diagnostic]
        public var warnings: Int
        public enum Kind: String, Sendable { case journal, copy, review, unreadable }
        public var failedCheck: Bool { !errors.isEmpty }
    }

    /// Reads `files` (two at a time, one per core): checking and decoding are the cost, and files
    /// are independent until copies are joined.
    public static func read(_ urls: [URL]) -> AuditSet {
        let parsed = parallelMap(urls) { url -> Parsed in
            do {
                let journal = try ReadJournal.read(url)
                let problems = JournalCheck.problems(of: journal)
                return Parsed(url: url, journal: journal, problems: problems, readError: nil)
            } catch {
                return Parsed(url: url, journal: nil, problems: [], readError: "\(error)")
            }
        }
        // Group by the delivery each file says it holds, not by its name: a renamed copy is still a copy.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        var files: [FileReport] = []
        for (index, file) in parsed.enumerated() {
            guard let journal = file.journal else {
                files.append(FileReport(path: file.url.path, delivery: nil, kind: .unreadable, events: 0, head: nil,
                                        errors: [Diagnostic(path: file.url.path, line: 1, column: 1, message: "the journal cannot be read",
                                                            excerpt: nil, help: file.readError ?? "")], warnings: 0))
                continue
            }
            let delivery = journal.events.first?.event.delivery
            files.append(FileReport(path: file.url.path, delivery: delivery, kind: journal.isReview ? .review : .journal,
                                    events: journal.events.count, head: journal.head,
                                    errors: file.problems.filter { $0.severity == .error }, warnings: file.problems.warningCount))
            guard let delivery else { continue }
            if groups[delivery] == nil { order.append(delivery) }
            groups[delivery, default: []].append(index)
        }
        // A delivery's journal files are joined (the longest first), then its reviews follow.
        let members = groups
        let joined = parallelMap(order) { delivery -> (DeliveryRecord?, [Int]) in
            let members = members[delivery]!
            let journals = members.filter { !(parsed[$0].journal!.isReview) }
                .sorted { (parsed[$1].journal!.events.count, parsed[$0].url.path) < (parsed[$0].journal!.events.count, parsed[$1].url.path) }
            let reviews = members.filter { parsed[$0].journal!.isReview }
            var seen = Set<UUID>()
            var events: [JournalEvent] = []
            var copies: [Int] = []
            for (position, index) in journals.enumerated() {
                let extra = parsed[index].journal!.events.map(\.event).filter { seen.insert($0.id).inserted }
                if position > 0 && extra.isEmpty { copies.append(index) }
                // Events a copy adds (taken later than the first file) belong after those before them.
                events += extra
            }
            if journals.count > 1 { events.sort { ($0.seq, $0.time) < ($1.seq, $1.time) } }
            for index in reviews { events += parsed[index].journal!.events.map(\.event).filter { seen.insert($0.id).inserted } }
            let state = DeliveryState.replay(events)
            let record = DeliveryRecord(state: state, files: members.map { parsed[$0].url.path })
            return (record, copies)
        }
        var records: [DeliveryRecord] = []
        var orphans: [String] = []
        for (delivery, result) in zip(order, joined) {
            for copy in result.1 { files[copy].kind = .copy }
            if let record = result.0 { records.append(record) } else {
                orphans += groups[delivery]!.filter { parsed[$0].journal!.isReview }.map { parsed[$0].url.path }
            }
        }
        records.sort { ($0.date, $0.openedAt, $0.id) < ($1.date, $1.openedAt, $1.id) }
        return AuditSet(records: records, files: files, orphanReviews: orphans)
    }

    struct Parsed: @unchecked Sendable {
        var url: URL
        var journal: ReadJournal?
        var problems: [Diagnostic]
        var readError: String?
    }

    public func filtered(_ filters: Filters) -> [DeliveryRecord] { records.filter(filters.admits) }

    /// A digest of all chain heads: one line that changes if any journal read is edited later.
    public var headsDigest: String {
        lineHash(Data(files.compactMap { $0.head.map { "\($0)  \(URL(fileURLWithPath: $0).lastPathComponent)" } }
            .sorted().joined(separator: "\n").utf8))
    }
}

/// `transform` over `items` on every core, results in input order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
    let results = Results<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var local: [(Int, R)] = []
        var index = worker
        while index < items.count {
            local.append((index, transform(items[index])))
            index += workers
        }
        results.store(local)
    }
    return results.values.map { $0! }
}

/// The slots parallelMap's workers fill, each worker once, under a lock.
private final class Results<R>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [R?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func store(_ batch: [(Int, R)]) {
        lock.lock()
        defer { lock.unlock() }
        for (index, value) in batch { values[index] = value }
    }
}
