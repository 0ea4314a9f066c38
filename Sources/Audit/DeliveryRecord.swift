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
    public var opened: DeliveryOpened
    public var sessionID: String { opened.session.id }
    public var programmeVersion: String { opened.programme.version }
    public var facilitators: [DeliveryOpened.Facilitator] { opened.facilitators }

    public var roster: [String]
    /// The latest (corrected) attendance mark of each participant on the roster; nil if unmarked.
    public var attendance: [String: AttendanceMarked.Status]
    /// For absences: whether the participant let the team know.
    public var notified: [String: Bool]
    public var adherence: Adherence
    /// Every fidelity item of the pinned agenda's activities, with its rating if it has one.
    public var items: [ItemRating]
    /// Minutes each agenda item ran (pauses taken out); items never started are absent.
    public var minutes: [String: Double]
    /// From opening to closing (or the last event), pauses taken out.
    public var sessionMinutes: Double
    public var isClosed: Bool
    public var closedAt: Date?
    /// Facilitators who signed off, and whether all of them did.
    public var signedBy: [String]
    public var isSigned: Bool { isClosed && facilitators.allSatisfy { signedBy.contains($0.code) } }
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
    public var attendees: [String] { roster.filter { attendance[$0].map { $0 != .absent } ?? false } }

    public init?(state: DeliveryState, files: [String]) {
        guard let opened = state.opened, let openedAt = state.openedAt else { return nil }
        id = state.delivery
        mode = state.mode
        date = DeliveryID.localDate(openedAt, offsetMinutes: state.openingOffset ?? 0)
        self.openedAt = openedAt
        openingOffset = state.openingOffset ?? 0
        site = opened.site
        group = opened.group
        self.opened = opened
        roster = state.roster
        attendance = state.attendance.mapValues(\.status)
        notified = state.attendance.compactMapValues(\.notified)
        adherence = state.adherence
        let top = opened.fidelityScale.compactMap(\.score).max() ?? 0
        items = opened.session.agenda.filter { $0.kind == "activity" }.flatMap { activity in
            activity.fidelity.map { item in
                let rating = state.ratings[item]
                let score = rating.flatMap { rated in opened.fidelityScale.first { $0.id == rated.level }?.score }
                return ItemRating(activity: activity.id, item: item, level: rating?.level, score: score, maximum: top,
                                  deliveredBy: rating?.deliveredBy ?? [], adaptation: rating?.adaptation)
            }
        }
        let end = state.closedAt ?? state.lastEventAt ?? openedAt
        var minutes: [String: Double] = [:]
        for (item, intervals) in state.intervals where !intervals.isEmpty { minutes[item] = state.seconds(of: item, until: end) / 60 }
        self.minutes = minutes
        sessionMinutes = state.elapsedSeconds(until: end) / 60
        isClosed = state.isClosed
        closedAt = state.closedAt
        signedBy = state.closed?.signoffs.map(\.code) ?? []
        corrections = state.corrections.count
        reviews = state.reviews
        self.files = files
    }
}
