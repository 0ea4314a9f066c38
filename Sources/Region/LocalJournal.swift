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

    public var fileName: String { url.lastPathComponent }

    /// Reads one journal; nil when it names no delivery (its first line cannot be read).
    public static func read(_ url: URL) throws -> LocalJournal {
        let raw = try RawJournal.read(url)
        let complete = raw.tornTail ? raw.lines.dropLast() : raw.lines[...]
        var journal = LocalJournal(url: url, delivery: "", lines: complete.map { Data($0.bytes) }, sendable: 0, problem: nil)
        var previous: Data?
        for (index, bytes) in journal.lines.enumerated() {
            let number = index + 1
            let event: JournalEvent
            switch LineCodec.decode(bytes) {
            case .success(let decoded): event = decoded
            case .failure(let error):
                journal.problem = (number, "the line cannot be read: \(error.description)")
                return journal
            }
            if index == 0 { journal.delivery = event.delivery }
            if event.mode != .live {
                journal.problem = (number, "a \(event.mode.rawValue) line in a live journal")
                return journal
            }
            if event.delivery != journal.delivery {
                journal.problem = (number, "the line belongs to delivery \(event.delivery), not \(journal.delivery)")
                return journal
            }
            if event.seq != number {
                journal.problem = (number, "seq is \(event.seq) on line \(number)")
                return journal
            }
            if let previous, !lineHash(previous, is: event.previous) {
                journal.problem = (number, "prev is not the hash of line \(number - 1): the chain is broken here")
                return journal
            }
            if previous == nil, event.previous != nil {
                journal.problem = (number, "the first line has a prev")
                return journal
            }
            previous = bytes
            journal.sendable = number
        }
        return journal
    }
}
