import Foundation

/// One line of a journal: a fact about a delivery, stamped, numbered and chained to the line
/// before it. Events are never edited; a mistake is put right by a later `correction` event.
public struct JournalEvent: Sendable, Equatable {
    public static let schemaVersion = 1

    public var schema: Int
    /// Position in its file: 1, 2, 3... with no gaps among the lines that can be read.
    public var seq: Int
    public var id: UUID
    /// When it happened (UTC, millisecond precision) and the local offset from UTC at the time.
    public var time: Date
    public var utcOffsetMinutes: Int
    /// The delivery: one run of one session with one group.
    public var delivery: String
    public var mode: Mode
    /// The code of the facilitator (or supervisor) who made the entry.
    public var actor: String
    /// SHA-256 of the previous line's bytes; nil only for the first line.
    public var previous: String?
    public var body: EventBody

    public enum Mode: String, Sendable, Codable, CaseIterable { case live, rehearsal }

    public init(schema: Int = JournalEvent.schemaVersion, seq: Int, id: UUID = UUID(), time: Date, utcOffsetMinutes: Int,
                delivery: String, mode: Mode, actor: String, previous: String?, body: EventBody) {
        self.schema = schema
        self.seq = seq
        self.id = id
        self.time = time
        self.utcOffsetMinutes = utcOffsetMinutes
        self.delivery = delivery
        self.mode = mode
        self.actor = actor
        self.previous = previous
        self.body = body
    }

    public var type: String { body.type }
}
