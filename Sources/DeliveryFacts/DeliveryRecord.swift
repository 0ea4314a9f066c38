import Foundation
import Journal

/// One delivery as the reports see it: the corrected record of its journal (and of any copies of
/// it), reduced to the facts supervisors audit. Built once; every report reads the same values,
/// so the figures of different reports and of the audit screen always agree.
public struct DeliveryRecord: Sendable, Equatable {
    public var id: String
    public var mode: JournalEvent.Mode
    /// Local calendar date and month of the opening (YYYY-MM-DD, YYYY-MM).
    public var date: String
    public var month: String { String(date.prefix(7)) }
    public var openedAt: Date
    /// The local offset from UTC the delivery opened with: its clock times read as in the room.
    public var openingOffset: Int
    public var site: String
    public var group: String
    /// What the delivery pinned when it opened. Kept behind one reference: a region's report
    /// holds a record per delivery, and copies of it, and this is the largest part of each.
    public var opened: DeliveryOpened {
        _read { yield pinned.opened }
        set { pinned = Pinned(newValue) }
    }
    private var pinned: Pinned
    public var sessionID: String { opened.session.id }
    public var programmeVersion: String { opened.programme.version }
    public var facilitators: [DeliveryOpened.Facilitator] { opened.facilitators }

    public var roster: [String]
    /// The latest (corrected) attendance mark of each participant on the roster; nil if unmarked.
    public var attendance: [String: AttendanceMarked.Status]
    /// For absences: whether the participant let the team know.
    public var notified: [String: Bool]
    /// For absences from a one-to-one contact: not answered or rearranged (`ContactOutcome`).
    public var outcomes: [String: AttendanceMarked.Outcome]
    public var adherence: Adherence
    /// Every fidelity item of the pinned agenda's activities, with its rating if it has one.
    public var items: ItemRatings
    /// Seconds each agenda item ran (pauses taken out); items never started are absent.
    public var seconds: ItemSeconds
    /// From opening to closing (or the last event), pauses taken out.
    public var sessionSeconds: TimeInterval
    /// From opening to the last facilitator's sign-off, pauses taken out: the session's length as
    /// the facilitators ended it (the close event may be written later). Nil when no one signed.
    public var signOffSeconds: TimeInterval?
    /// Each time the console stopped and then took the delivery up again (`console-resumed`): the
    /// whole seconds it was stopped. Empty for a delivery run without a stop.
    public var interruptions: [Int]
    /// The seconds of all the stops together.
    public var interruptedSeconds: Int { interruptions.reduce(0, +) }
    /// Minutes an agenda item ran, or nil if it never started.
    public func minutes(of item: String) -> Double? { seconds[item].map { $0 / 60 } }
    public var isClosed: Bool
    public var closedAt: Date?
    /// Facilitators who signed off, and whether all of them did.
    public var signedBy: [String]
    public var isSigned: Bool { isClosed && facilitators.allSatisfy { facilitator in signedBy.contains { Code.same($0, facilitator.code) } } }
    public var corrections: Int
    public var reviews: [DeliveryState.Review]
    /// The journal files this record was read from (copies included) and the review files.
    public var files: [String]

    public struct ItemRating: Sendable, Equatable {
        public var activity: String
        public var item: String
        public var level: String?
        /// The level's score, nil for an excluded level (not applicable) or no rating.
        public var score: Int?
        public var maximum: Int
        public var deliveredBy: [String]
        public var adaptation: FidelityRated.Adaptation?
        public var isRated: Bool { level != nil }
        public var isApplicable: Bool { level != nil && score != nil }
    }

    /// Participants who attended at all (present, late, left early, or both).
    public var attendees: [String] { roster.filter { attendance[$0]?.attended ?? false } }

    /// `now`: for a delivery still open, the time its running item and length are counted to
    /// (the live close screen); reports count an open delivery to its last event.
    public init?(state: DeliveryState, files: [String], now: Date? = nil) {
        guard let opened = state.opened, let openedAt = state.openedAt else { return nil }
        id = state.delivery
        mode = state.mode
        date = DeliveryID.localDate(openedAt, offsetMinutes: state.openingOffset ?? 0)
        self.openedAt = openedAt
        openingOffset = state.openingOffset ?? 0
        site = opened.site
        group = opened.group
        pinned = Pinned(opened)
        roster = state.roster
        attendance = state.attendance.mapValues(\.status)
        notified = state.attendance.compactMapValues(\.notified)
        outcomes = state.attendance.compactMapValues(\.outcome)
        let layout = PinnedLayouts.layout(opened)
        items = ItemRatings(layout: layout, ratings: state.ratings)
        adherence = Adherence.pooled(items)
        let end = state.closedAt ?? now ?? state.lastEventAt ?? openedAt
        var seconds: [String: TimeInterval] = [:]
        for (item, intervals) in state.intervals where !intervals.isEmpty { seconds[item] = state.seconds(of: item, until: end) }
        self.seconds = ItemSeconds(layout: layout, seconds: seconds)
        sessionSeconds = state.elapsedSeconds(until: end)
        signOffSeconds = state.closed?.signoffs.map(\.at).max().map { state.elapsedSeconds(until: min($0, end)) }
        interruptions = state.interruptions
        isClosed = state.isClosed
        closedAt = state.closedAt
        signedBy = state.closed?.signoffs.map(\.code) ?? []
        corrections = state.corrections.count
        reviews = state.reviews
        self.files = files
    }
}

/// `DeliveryRecord.opened`'s box: one reference in place of the whole value.
private final class Pinned: Sendable, Equatable {
    let opened: DeliveryOpened
    init(_ opened: DeliveryOpened) { self.opened = opened }
    static func == (lhs: Pinned, rhs: Pinned) -> Bool { lhs === rhs || lhs.opened == rhs.opened }
}
