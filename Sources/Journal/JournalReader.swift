import Foundation

/// A journal file read for checking and reporting: every readable event with its line, and the
/// lines that could not be read. Reading never stops at damage.
public struct ReadJournal: Sendable {
    public var url: URL
    public var raw: RawJournal
    public var events: [(line: Int, event: JournalEvent)]
    public var unreadable: [(line: Int, reason: String)]
    /// Lines erased on request (`Tombstone`), by line number: neither events nor damage.
    public var erased: [Int: Tombstone] = [:]

    public static func read(_ url: URL) throws -> ReadJournal {
        parse(try RawJournal.read(url), url: url)
    }

    /// A journal from bytes already in hand (the console's start-up scan reads each file once).
    public static func parse(_ data: Data, url: URL) -> ReadJournal {
        parse(RawJournal(data: data), url: url)
    }

    static func parse(_ raw: RawJournal, url: URL) -> ReadJournal {
        // Labelled as the stored properties are, so the arrays are not copied to relabel them.
        var events: [(line: Int, event: JournalEvent)] = []
        var unreadable: [(line: Int, reason: String)] = []
        var erased: [Int: Tombstone] = [:]
        events.reserveCapacity(raw.lines.count)
        for (index, line) in raw.lines.enumerated() {
            if line.bytes.isEmpty {
                unreadable.append((line.number, "the line is empty"))
                continue
            }
            if raw.tornTail && index == raw.lines.count - 1 {
                unreadable.append((line.number, "the line is incomplete: writing it was cut short"))
                continue
            }
            let result = LineCodec.decode(line.bytes)
            switch consume result {
            case .success(let event): events.append((line.number, event))
            case .failure(let error):
                // A tombstone is not an event, so it is only looked for where decoding fails.
                if let tombstone = Tombstone.parse(line.bytes) { erased[line.number] = tombstone }
                else { unreadable.append((line.number, error.description)) }
            }
        }
        return ReadJournal(url: url, raw: raw, events: events, unreadable: unreadable, erased: erased)
    }

    public var state: DeliveryState { DeliveryState.replay(events.map(\.event)) }

    /// A supervisor's review file rather than a delivery's journal: it starts with a review.
    public var isReview: Bool {
        if case .supervisorReview? = events.first?.event.body { true } else { false }
    }

    /// The hash of the last line: printed in reports so later edits become visible.
    public var head: String? { raw.lines.last.map { chainHash($0.bytes) } }
}

/// What `journal list` and the reports say about one file.
public struct DeliverySummary: Sendable {
    public var url: URL
    public var delivery: String
    public var mode: JournalEvent.Mode
    public var date: String
    public var group: String
    public var site: String
    public var session: String
    /// The programme and content version the delivery pinned ("i-wotch 2026.2"), or "?".
    public var programme: String
    public var events: Int
    public var isClosed: Bool
    public var isReview: Bool
    public var head: String?

    public init(_ journal: ReadJournal) {
        let state = journal.state
        url = journal.url
        delivery = journal.isReview ? journal.events[0].event.delivery
            : state.delivery.isEmpty ? journal.url.deletingPathExtension().lastPathComponent : state.delivery
        // A review file has no opening: its own events say its mode (an assessment's is rehearsal) and date.
        mode = journal.isReview ? journal.events[0].event.mode : state.mode
        let opening = journal.isReview ? journal.events.first?.event
            : journal.events.first { if case .deliveryOpened = $0.event.body { true } else { false } }?.event
        date = opening.map { DeliveryID.localDate($0.time, offsetMinutes: $0.utcOffsetMinutes) } ?? "?"
        group = state.opened?.group ?? "?"
        site = state.opened?.site ?? "?"
        session = state.opened?.session.id ?? "?"
        programme = state.opened.map { $0.programme.id + " " + $0.programme.version + ($0.programme.isUnreleased ? " (unreleased)" : "") } ?? "?"
        events = journal.events.count
        isClosed = state.isClosed
        isReview = journal.isReview
        head = journal.head
    }
}
