import Foundation
import Programme

/// What an event says. Each case is one event type of the journal format (Manuals/journal-format.md).
public enum EventBody: Sendable, Equatable {
    // Boxed: the opening record is large, and every other event would otherwise carry its size.
    indirect case deliveryOpened(DeliveryOpened)
    case participantEnrolled(ParticipantEnrolled)
    case attendanceMarked(AttendanceMarked)
    case activityStarted(ActivityRef)
    case activityEnded(ActivityRef)
    case stepShown(StepShown)
    case timerPaused
    case timerResumed
    case fidelityRated(FidelityRated)
    case noteAdded(NoteAdded)
    case correction(Correction)
    case damageFound(DamageFound)
    case deliveryClosed(DeliveryClosed)
    /// Only in a review file: a supervisor's ratings of the delivery named in the envelope.
    case supervisorReview(SupervisorReview)
    /// The console took an open delivery up again after it stopped (a quit, a crash, a power cut).
    case consoleResumed(ConsoleResumed)

    /// Its wire name, from the table of event kinds.
    public var type: String { kind.name }

    public static let types = EventKind.allCases.map(\.name)

    /// Which event type it is. With `data` below, the only switch over bodies a new type adds in
    /// this file; everything else about a type is its row in `EventKind.row`.
    public var kind: EventKind {
        switch self {
        case .deliveryOpened: .deliveryOpened
        case .participantEnrolled: .participantEnrolled
        case .attendanceMarked: .attendanceMarked
        case .activityStarted: .activityStarted
        case .activityEnded: .activityEnded
        case .stepShown: .stepShown
        case .timerPaused: .timerPaused
        case .timerResumed: .timerResumed
        case .fidelityRated: .fidelityRated
        case .noteAdded: .noteAdded
        case .correction: .correction
        case .damageFound: .damageFound
        case .deliveryClosed: .deliveryClosed
        case .supervisorReview: .supervisorReview
        case .consoleResumed: .consoleResumed
        }
    }

    /// What is written as the line's `data`.
    var data: any Encodable {
        switch self {
        case .deliveryOpened(let data): data
        case .participantEnrolled(let data): data
        case .attendanceMarked(let data): data
        case .activityStarted(let data), .activityEnded(let data): data
        case .stepShown(let data): data
        case .timerPaused, .timerResumed: [String: String]()
        case .fidelityRated(let data): data
        case .noteAdded(let data): data
        case .correction(let data): data
        case .damageFound(let data): data
        case .deliveryClosed(let data): data
        case .supervisorReview(let data): data
        case .consoleResumed(let data): data
        }
    }
}

/// The event types of the journal format (Manuals/journal-format.md), one row each in `row`: the
/// wire name, how the line's `data` is read (by JSONDecoder and by `FastLineDecoder`), and what
/// the checks need to know. The encoder, both decoders, the check and the tests read this table.
///
/// A new event type is a case here and in `EventBody` (with its `kind` and `data`), its row, and
/// its body struct with a reader for `FastLineDecoder` (the struct's `CodingKeys` give the reader
/// its key names). The compiler then names the rest: the fold (`DeliveryState.fold`), the check
/// (`FileCheck`) and what the console says when it is saved (`Engine`). The tests name what is
/// not code: the schema and the format manual, and the samples that write every type.
public enum EventKind: Int, CaseIterable, Sendable {
    case deliveryOpened, participantEnrolled, attendanceMarked, activityStarted, activityEnded, stepShown, timerPaused
    case timerResumed, fidelityRated, noteAdded, correction, damageFound, deliveryClosed, supervisorReview, consoleResumed

    /// One event type's entry in the table.
    struct Row: Sendable {
        /// The `type` written on the line.
        let name: StaticString
        /// Optional fields of its data: absent from an event, a correction can still set them.
        var correctableWhenAbsent: [String] = []
        /// Whether it may follow the delivery-closed event.
        var allowedAfterClose = false
        /// Reads the data with JSONDecoder.
        let decode: @Sendable (KeyedDecodingContainer<JournalEvent.CodingKeys>) throws -> EventBody
        /// Reads the data from its bytes (FastLineDecoder), or nil to leave the line to JSONDecoder.
        let read: @Sendable (inout JSONBytes) -> EventBody?
    }

    var row: Row {
        switch self {
        case .deliveryOpened:
            Row(name: "delivery-opened", decode: { .deliveryOpened(try $0.data()) }, read: { $0.deliveryOpened().map { .deliveryOpened($0) } })
        case .participantEnrolled:
            Row(name: "participant-enrolled", decode: { .participantEnrolled(try $0.data()) },
                read: { $0.participantEnrolled().map { .participantEnrolled($0) } })
        case .attendanceMarked:
            Row(name: "attendance-marked", correctableWhenAbsent: ["arrived_at", "left_at", "notified"],
                decode: { .attendanceMarked(try $0.data()) }, read: { $0.attendanceMarked().map { .attendanceMarked($0) } })
        case .activityStarted:
            Row(name: "activity-started", decode: { .activityStarted(try $0.data()) }, read: { $0.activityRef().map { .activityStarted($0) } })
        case .activityEnded:
            Row(name: "activity-ended", decode: { .activityEnded(try $0.data()) }, read: { $0.activityRef().map { .activityEnded($0) } })
        case .stepShown:
            Row(name: "step-shown", decode: { .stepShown(try $0.data()) }, read: { $0.stepShown().map { .stepShown($0) } })
        // JSONDecoder does not look at these two's data; `{}` is what is written, and anything
        // else is left to it.
        case .timerPaused:
            Row(name: "timer-paused", decode: { _ in .timerPaused }, read: { $0.emptyObject() ? .timerPaused : nil })
        case .timerResumed:
            Row(name: "timer-resumed", decode: { _ in .timerResumed }, read: { $0.emptyObject() ? .timerResumed : nil })
        case .fidelityRated:
            Row(name: "fidelity-rated", correctableWhenAbsent: ["adaptation"],
                decode: { .fidelityRated(try $0.data()) }, read: { $0.fidelityRated().map { .fidelityRated($0) } })
        case .noteAdded:
            Row(name: "note-added", correctableWhenAbsent: ["activity"], allowedAfterClose: true,
                decode: { .noteAdded(try $0.data()) }, read: { $0.noteAdded().map { .noteAdded($0) } })
        case .correction:
            Row(name: "correction", allowedAfterClose: true, decode: { .correction(try $0.data()) }, read: { $0.correction().map { .correction($0) } })
        case .damageFound:
            Row(name: "damage-found", allowedAfterClose: true,
                decode: { .damageFound(try $0.data()) }, read: { $0.damageFound().map { .damageFound($0) } })
        case .deliveryClosed:
            Row(name: "delivery-closed", decode: { .deliveryClosed(try $0.data()) }, read: { $0.deliveryClosed().map { .deliveryClosed($0) } })
        // A review lives in a file of its own and is never the target of a correction.
        case .supervisorReview:
            Row(name: "supervisor-review", decode: { .supervisorReview(try $0.data()) },
                read: { $0.supervisorReview().map { .supervisorReview($0) } })
        case .consoleResumed:
            Row(name: "console-resumed", decode: { .consoleResumed(try $0.data()) }, read: { $0.consoleResumed().map { .consoleResumed($0) } })
        }
    }

    /// The rows in the order of the cases, worked out once: readers index them by `rawValue`.
    static let rows = allCases.map(\.row)
    /// The wire names for `FastLineDecoder`, indexed as the cases are.
    static let names = KeyNames(rows.map(\.name))
    private static let nameStrings = rows.map { $0.name.description }

    /// The `type` written on the line.
    public var name: String { Self.nameStrings[rawValue] }

    /// The kind with this wire name.
    public init?(name: String) {
        guard let index = Self.nameStrings.firstIndex(of: name) else { return nil }
        self.init(rawValue: index)
    }

    var correctableWhenAbsent: [String] { Self.rows[rawValue].correctableWhenAbsent }
    var allowedAfterClose: Bool { Self.rows[rawValue].allowedAfterClose }
}

extension KeyedDecodingContainer where K == JournalEvent.CodingKeys {
    /// The line's `data` as the body type the caller asks for.
    func data<T: Decodable>() throws -> T { try decode(T.self, forKey: .data) }
}

/// The first event of every journal file: what is being delivered, to whom, by whom, and the
/// rules in force. It pins the content (version, fingerprint, and the session's agenda) so the
/// journal can be checked and reported on without the content files at hand.
public struct DeliveryOpened: Sendable, Equatable, Codable {
    public var programme: ProgrammeRef
    public var session: SessionSnapshot
    public var group: String
    public var site: String
    public var facilitators: [Facilitator]
    public var dose: Dose
    public var fidelityScale: [ScaleLevel]
    public var bands: Bands
    /// The masks participant codes had to fit when the delivery opened, when the content declared
    /// any (`ParticipantCodeShape`); absent means the default shape.
    public var participantCodes: [String]?

    public struct ProgrammeRef: Sendable, Equatable, Codable {
        public var id: String
        public var version: String
        public var fingerprint: String
        /// True when the content was not a released version when the delivery opened (its
        /// fingerprint not locked in the pack's releases.yaml); absent when it was, and in
        /// journals written before releases were recorded.
        public var unreleased: Bool?
        enum CodingKeys: String, CodingKey, CaseIterable { case id, version, fingerprint, unreleased }
        public init(id: String, version: String, fingerprint: String, unreleased: Bool? = nil) {
            self.id = id; self.version = version; self.fingerprint = fingerprint; self.unreleased = unreleased
        }
        /// Whether the delivery followed content that had not been released.
        public var isUnreleased: Bool { unreleased == true }
    }
    public struct SessionSnapshot: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var kind: String
        public var mode: String
        public var plannedMinutes: Int
        public var agenda: [AgendaItem]
        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, kind, mode, plannedMinutes = "planned_minutes", agenda }
        public init(id: String, title: String, kind: String, mode: String, plannedMinutes: Int, agenda: [AgendaItem]) {
            self.id = id; self.title = title; self.kind = kind; self.mode = mode; self.plannedMinutes = plannedMinutes; self.agenda = agenda
        }
    }
    public struct AgendaItem: Sendable, Equatable, Codable {
        public var id: String
        public var kind: String
        public var title: String
        public var minutes: Int
        public var lead: [String]
        public var fidelity: [String]
        enum CodingKeys: String, CodingKey, CaseIterable { case id, kind, title, minutes, lead, fidelity }
        public init(id: String, kind: String, title: String, minutes: Int, lead: [String], fidelity: [String]) {
            self.id = id; self.kind = kind; self.title = title; self.minutes = minutes; self.lead = lead; self.fidelity = fidelity
        }
    }
    public struct Facilitator: Sendable, Equatable, Codable {
        public var code: String
        public var role: String
        enum CodingKeys: String, CodingKey, CaseIterable { case code, role }
        public init(code: String, role: String) { self.code = code; self.role = role }
    }
    public struct Dose: Sendable, Equatable, Codable {
        public var sessions: [String]
        public var minimum: Int
        public var description: String
        /// `contacts` when the rule counts every delivery attended; absent (the default) when it
        /// counts each session once.
        public var counts: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case sessions, minimum, description, counts }
        public init(sessions: [String], minimum: Int, description: String, counts: String? = nil) {
            self.sessions = sessions; self.minimum = minimum; self.description = description; self.counts = counts
        }
        /// Whether the rule counts contacts (each delivery attended) rather than sessions.
        public var countsContacts: Bool { counts == "contacts" }
    }
    public struct ScaleLevel: Sendable, Equatable, Codable {
        public var id: String
        public var label: String
        public var score: Int?
        public init(id: String, label: String, score: Int?) { self.id = id; self.label = label; self.score = score }
        // `score` is written as null for an excluded level, never left out.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(label, forKey: .label)
            try container.encode(score, forKey: .score)
        }
        enum CodingKeys: String, CodingKey, CaseIterable { case id, label, score }
    }
    public struct Bands: Sendable, Equatable, Codable {
        public var high: Int
        public var low: Int
        enum CodingKeys: String, CodingKey, CaseIterable { case high, low }
        public init(high: Int, low: Int) { self.high = high; self.low = low }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case programme, session, group, site, facilitators, dose, fidelityScale = "fidelity_scale", bands
        case participantCodes = "participant_codes"
    }

    public init(programme: ProgrammeRef, session: SessionSnapshot, group: String, site: String,
                facilitators: [Facilitator], dose: Dose, fidelityScale: [ScaleLevel], bands: Bands,
                participantCodes: [String]? = nil) {
        self.programme = programme
        self.session = session
        self.group = group
        self.site = site
        self.facilitators = facilitators
        self.dose = dose
        self.fidelityScale = fidelityScale
        self.bands = bands
        self.participantCodes = participantCodes
    }

    /// The pinned masks, when the content declared any.
    public var participantCodeShape: ParticipantCodeShape? { participantCodes.map(ParticipantCodeShape.init(masks:)) }
}

public struct ParticipantEnrolled: Sendable, Equatable, Codable {
    /// A pseudonymous code or initials, never a name.
    public var participant: String
    /// Joined on the day rather than carried over from the group's roster.
    public var walkIn: Bool
    enum CodingKeys: String, CodingKey, CaseIterable { case participant, walkIn = "walk_in" }
    public init(participant: String, walkIn: Bool) { self.participant = participant; self.walkIn = walkIn }
}

public struct AttendanceMarked: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case present, late, leftEarly = "left-early", lateAndLeftEarly = "late-and-left-early", absent
    }
    public var participant: String
    public var status: Status
    /// When a late participant arrived, or an early leaver left.
    public var arrivedAt: Date?
    public var leftAt: Date?
    /// For an absence: whether the participant let the team know.
    public var notified: Bool?
    /// For an absence from a one-to-one contact, what became of it beyond "did not attend":
    /// the call was not answered, or the contact was rearranged. Absent in every other mark.
    public var outcome: Outcome?
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case notAnswered = "not-answered", rearranged
    }
    enum CodingKeys: String, CodingKey, CaseIterable { case participant, status, arrivedAt = "arrived_at", leftAt = "left_at", notified, outcome }
    public init(participant: String, status: Status, arrivedAt: Date? = nil, leftAt: Date? = nil, notified: Bool? = nil,
                outcome: Outcome? = nil) {
        self.participant = participant; self.status = status; self.arrivedAt = arrivedAt; self.leftAt = leftAt; self.notified = notified
        self.outcome = outcome
    }
}

/// An agenda item (activity, arrival, break or lunch) by id.
public struct ActivityRef: Sendable, Equatable, Codable {
    public var activity: String
    enum CodingKeys: String, CodingKey, CaseIterable { case activity }
    public init(activity: String) { self.activity = activity }
}

/// The facilitators moved to step `step` (0-based) of an activity: resume returns to it.
public struct StepShown: Sendable, Equatable, Codable {
    public var activity: String
    public var step: Int
    enum CodingKeys: String, CodingKey, CaseIterable { case activity, step }
    public init(activity: String, step: Int) { self.activity = activity; self.step = step }
}

public struct FidelityRated: Sendable, Equatable, Codable {
    public var activity: String
    public var item: String
    /// A level id of the fidelity scale in force (delivery-opened).
    public var level: String
    /// The roles that delivered it: one role, or several for both.
    public var deliveredBy: [String]
    public var adaptation: Adaptation?

    /// A change to what the manual says, recorded in the FRAME framework's terms.
    public struct Adaptation: Sendable, Equatable, Codable {
        public enum Timing: String, Sendable, Codable, CaseIterable { case planned, reactive }
        public var timing: Timing
        public var fidelityConsistent: Bool
        public var reason: String
        enum CodingKeys: String, CodingKey, CaseIterable { case timing, fidelityConsistent = "fidelity_consistent", reason }
        public init(timing: Timing, fidelityConsistent: Bool, reason: String) {
            self.timing = timing; self.fidelityConsistent = fidelityConsistent; self.reason = reason
        }
    }
    /// The id of the earlier fidelity-rated event of the same item that this one supersedes: set
    /// on every rating of an item already rated in this delivery (a re-rating), left out on the first.
    public var replaces: UUID?
    enum CodingKeys: String, CodingKey, CaseIterable { case activity, item, level, deliveredBy = "delivered_by", adaptation, replaces }
    public init(activity: String, item: String, level: String, deliveredBy: [String], adaptation: Adaptation? = nil, replaces: UUID? = nil) {
        self.activity = activity; self.item = item; self.level = level; self.deliveredBy = deliveredBy; self.adaptation = adaptation
        self.replaces = replaces
    }
    /// Event ids are written in lower case everywhere, as a correction's `refers_to` is.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(activity, forKey: .activity)
        try container.encode(item, forKey: .item)
        try container.encode(level, forKey: .level)
        try container.encode(deliveredBy, forKey: .deliveredBy)
        try container.encodeIfPresent(adaptation, forKey: .adaptation)
        try container.encodeIfPresent(replaces?.uuidString.lowercased(), forKey: .replaces)
    }
}

/// The console took an open delivery up again: the delivery's last event before it, and the
/// whole seconds between that event and this one, when nothing could be recorded.
public struct ConsoleResumed: Sendable, Equatable, Codable {
    public var lastEventAt: Date
    public var gapSeconds: Int
    enum CodingKeys: String, CodingKey, CaseIterable { case lastEventAt = "last_event_at", gapSeconds = "gap_seconds" }
    public init(lastEventAt: Date, gapSeconds: Int) { self.lastEventAt = lastEventAt; self.gapSeconds = gapSeconds }
}

public struct NoteAdded: Sendable, Equatable, Codable {
    public var text: String
    /// The agenda item the note is about, if any.
    public var activity: String?
    enum CodingKeys: String, CodingKey, CaseIterable { case text, activity }
    public init(text: String, activity: String? = nil) { self.text = text; self.activity = activity }
}

/// Puts right a field of an earlier event without touching it: the old and new values and the
/// reason stand in the journal for anyone to see.
public struct Correction: Sendable, Equatable, Codable {
    public var refersTo: UUID
    public var field: String
    public var old: JSONValue
    public var new: JSONValue
    public var reason: String
    enum CodingKeys: String, CodingKey, CaseIterable { case refersTo = "refers_to", field, old, new, reason }
    public init(refersTo: UUID, field: String, old: JSONValue, new: JSONValue, reason: String) {
        self.refersTo = refersTo; self.field = field; self.old = old; self.new = new; self.reason = reason
    }
    /// Event ids are written in lower case everywhere, so a correction joins its event by plain text.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(refersTo.uuidString.lowercased(), forKey: .refersTo)
        try container.encode(field, forKey: .field)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(reason, forKey: .reason)
    }
}

/// Written by the first append after damage was found, so the journal itself says so.
public struct DamageFound: Sendable, Equatable, Codable {
    public var lines: [Int]
    public var description: String
    /// The line just before each damaged line, with its hash as it was when the damage was found.
    /// A damaged line's own `prev` may be lost with the damage; this is what still ties that line
    /// into the chain. Absent in journals written before it was recorded.
    public var before: [Pin]?
    enum CodingKeys: String, CodingKey, CaseIterable { case lines, description, before }
    public init(lines: [Int], description: String, before: [Pin]? = nil) {
        self.lines = lines; self.description = description; self.before = before
    }

    public struct Pin: Sendable, Equatable, Codable {
        public var line: Int
        public var hash: String
        enum CodingKeys: String, CodingKey, CaseIterable { case line, hash }
        public init(line: Int, hash: String) { self.line = line; self.hash = hash }
    }
}

public struct DeliveryClosed: Sendable, Equatable, Codable {
    public var summary: Summary
    public var signoffs: [Signoff]
    enum CodingKeys: String, CodingKey, CaseIterable { case summary, signoffs }

    /// Counts a check recomputes from the events, so the closing record cannot drift from them.
    public struct Summary: Sendable, Equatable, Codable {
        public var participants: Int
        public var present: Int
        public var late: Int
        public var leftEarly: Int
        public var absent: Int
        public var activitiesDelivered: Int
        public var itemsRated: Int
        public var itemsUnrated: Int
        enum CodingKeys: String, CodingKey, CaseIterable {
            case participants, present, late, leftEarly = "left_early", absent
            case activitiesDelivered = "activities_delivered", itemsRated = "items_rated", itemsUnrated = "items_unrated"
        }
        public init(participants: Int, present: Int, late: Int, leftEarly: Int, absent: Int,
                    activitiesDelivered: Int, itemsRated: Int, itemsUnrated: Int) {
            self.participants = participants; self.present = present; self.late = late; self.leftEarly = leftEarly
            self.absent = absent; self.activitiesDelivered = activitiesDelivered; self.itemsRated = itemsRated; self.itemsUnrated = itemsUnrated
        }
    }

    /// A facilitator's sign-off: who, in what role, when, and what the signature means.
    public struct Signoff: Sendable, Equatable, Codable {
        public var code: String
        public var role: String
        public var at: Date
        public var meaning: String
        enum CodingKeys: String, CodingKey, CaseIterable { case code, role, at, meaning }
        public init(code: String, role: String, at: Date, meaning: String) { self.code = code; self.role = role; self.at = at; self.meaning = meaning }
    }

    public static let signoffMeaning = "I delivered this session and this record is accurate."

    public init(summary: Summary, signoffs: [Signoff]) { self.summary = summary; self.signoffs = signoffs }
}
