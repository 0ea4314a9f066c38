import Foundation
import Journal

/// A live journal on this laptop as sync sees it: its complete lines (a last line still being
/// written is left for the next sync) and how far they chain without a problem.
public struct LocalJournal: Sendable {
    public var url: URL
    public var delivery: String
    public var lines: [Data]
    /// How many lines from the first read as events and chain to the line before; the rest are
    /// not sent, and `problem` says why.
    public var sendable: Int
    public var problem: (line: Int, reason: String)?
    /// Lines erased on request on this laptop (`iwotch journal erase`), by line number.
    public var erased: [Int] = []

    public var fileName: String { url.lastPathComponent }

    /// Reads one journal; nil when it names no delivery (its first line cannot be read).
    public static func read(_ url: URL) throws -> LocalJournal {
        let raw = try RawJournal.read(url)
        let complete = raw.tornTail ? raw.lines.dropLast() : raw.lines[...]
        var journal = LocalJournal(url: url, delivery: "", lines: complete.map { Data($0.bytes) }, sendable: 0, problem: nil, erased: [])
        var previous: Data?
        for (index, bytes) in journal.lines.enumerated() {
            let number = index + 1
            // What the chain needs of the line: an event's, or a tombstone's (a line erased on request).
            let link: (delivery: String, mode: String, seq: Int, prev: String?)
            switch LineCodec.decode(bytes) {
            case .success(let event):
                link = (event.delivery, event.mode.rawValue, event.seq, event.previous)
            case .failure(let error):
                guard index > 0, let tombstone = Tombstone.parse(bytes) else {
                    journal.problem = (number, "the line cannot be read: \(error.description)")
                    return journal
                }
                link = (tombstone.delivery, tombstone.mode, tombstone.seq, tombstone.prev)
                journal.erased.append(number)
            }
            let (delivery, mode, seq, prev) = link
            if index == 0 { journal.delivery = delivery }
            if mode != JournalEvent.Mode.live.rawValue {
                journal.problem = (number, "a \(mode) line in a live journal")
                return journal
            }
            if delivery != journal.delivery {
                journal.problem = (number, "the line belongs to delivery \(delivery), not \(journal.delivery)")
                return journal
            }
            if seq != number {
                journal.problem = (number, "seq is \(seq) on line \(number)")
                return journal
            }
            if let previous, !chainHash(previous, is: prev) {
                journal.problem = (number, "prev is not the hash of line \(number - 1): the chain is broken here")
                return journal
            }
            if previous == nil, prev != nil {
                journal.problem = (number, "the first line has a prev")
                return journal
            }
            previous = bytes
            journal.sendable = number
        }
        return journal
    }
}
