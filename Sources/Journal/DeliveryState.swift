import Foundation

/// Everything a delivery's events say, folded into one value: who is on the roster and how they
/// attended, where the walk-through stands, the timers, ratings, notes, and whether it is closed.
/// Resume and every report are built on this one pure function of the events.
public struct DeliveryState: Sendable, Equatable {
    public var delivery: String = ""
    public var mode: JournalEvent.Mode = .live
    public var opened: DeliveryOpened?
    public var openedAt: Date?
    /// The local offset from UTC when the delivery opened: clock times are shown in it.
    public var openingOffset: Int?
    public var facilitatorCodes: [String] { opened?.facilitators.map(\.code) ?? [] }

    /// Participant codes in the order they were enrolled, and which were walk-ins.
    public var roster: [String] = []
    public var walkIns: Set<String> = []
    /// Each roster code's canonical form, to the spelling the roster keeps.
    private var rosterCodes: [String: String] = [:]
    /// The latest mark for each participant.
    public var attendance: [String: AttendanceMarked] = [:]

    /// The agenda item on screen and its step.
    public var currentActivity: String?
    public var currentStep = 0
    /// The step each item was last shown at: going back to an item returns to its step.
    public var steps: [String: Int] = [:]
    /// The item whose timer is running (started and not yet ended).
    public var running: String?
    /// Each item's intervals of running time, in order (since its latest restart).
    public var intervals: [String: [Interval]] = [:]
    /// How many times each item was started again while it was running (a rehearsal's restart).
    public var restarts: [String: Int] = [:]
    /// Pauses of the whole session clock; `pausedSince` while a pause is on.
    public var pauses: [Interval] = []
    public var pausedSince: Date?

    /// The latest rating of each fidelity item.
    public var ratings: [String: FidelityRated] = [:]
    public var notes: [Note] = []
    public var corrections: [AppliedCorrection] = []
    public var damagedLines: [Int] = []
    /// Supervisors' reviews of this delivery, from review files read with its journal.
    public var reviews: [Review] = []
    public var closed: DeliveryClosed?
    public var closedAt: Date?
    public var lastEventAt: Date?
    public var eventCount = 0
    /// Each time the console stopped and took the delivery up again: the seconds nothing could be recorded.
    public var interruptions: [Int] = []
    /// The seconds of all of them.
    public var interruptedSeconds: Int { interruptions.reduce(0, +) }

    public struct Interval: Sendable, Equatable {
        public var start: Date
        public var end: Date?
        public init(start: Date, end: Date?) { self.start = start; self.end = end }
    }

    public struct Note: Sendable, Equatable {
        public var at: Date
        public var actor: String
        public var text: String
        public var activity: String?
    }

    public struct Review: Sendable, Equatable {
        public var id: UUID
        public var at: Date
        public var rater: String
        public var review: SupervisorReview
    }

    public struct AppliedCorrection: Sendable, Equatable {
        public var event: UUID
        public var correction: Correction
        public var actor: String
        public var at: Date
    }

    /// Whether an item has run (been started at least once).
    public func hasRun(_ item: String) -> Bool { !(intervals[item] ?? []).isEmpty }

    public var isClosed: Bool { closed != nil }
    public var isPaused: Bool { pausedSince != nil }

    public init() {}

    /// Replays events in file order. Corrections are applied to the events they refer to before
    /// those are folded in, so the state shows the corrected record while the journal keeps both.
    public static func replay(_ events: [JournalEvent]) -> DeliveryState {
        let corrected = Corrections.apply(to: events)
        var state = DeliveryState()
        for event in corrected.events { state.fold(event) }
        state.corrections = corrected.applied
        return state
    }

    /// Folds one more event in (the engine does this as it writes). A correction changes an
    /// earlier event, which this state no longer holds: after one, build the state with `replay`.
    public mutating func fold(_ event: JournalEvent) {
        // A review is made later, from a review file: it is kept beside the delivery's record and
        // moves none of its clocks or counts.
        if case .supervisorReview(let data) = event.body {
            reviews.append(Review(id: event.id, at: event.time, rater: event.actor, review: data))
            return
        }
        eventCount += 1
        lastEventAt = event.time
        switch event.body {
        case .deliveryOpened(let data):
            delivery = event.delivery
            mode = event.mode
            opened = data
            openedAt = event.time
            openingOffset = event.utcOffsetMinutes
        case .participantEnrolled(let data):
            let code = enrol(data.participant)
            if data.walkIn { walkIns.insert(code) }
        case .attendanceMarked(var data):
            data.participant = enrol(data.participant)
            attendance[data.participant] = data
        case .activityStarted(let data):
            // Starting the item that is already running is a restart (only a rehearsal writes
            // one): its time counts again from here, and the earlier attempts are only counted.
            let restarted = running == data.activity
            stopRunning(at: event.time)
            if restarted {
                intervals[data.activity] = []
                restarts[data.activity, default: 0] += 1
            }
            // A restart begins at step 1 again; coming back to an item, at the step it was left on.
            if restarted { steps[data.activity] = 0 }
            running = data.activity
            currentActivity = data.activity
            currentStep = steps[data.activity] ?? 0
            intervals[data.activity, default: []].append(Interval(start: event.time, end: nil))
        case .activityEnded(let data):
            if running == data.activity { stopRunning(at: event.time) }
        case .stepShown(let data):
            currentActivity = data.activity
            currentStep = data.step
            steps[data.activity] = data.step
        case .timerPaused:
            if pausedSince == nil { pausedSince = event.time }
        case .timerResumed:
            if let since = pausedSince { pauses.append(Interval(start: since, end: event.time)) }
            pausedSince = nil
        case .fidelityRated(let data):
            ratings[data.item] = data
        case .noteAdded(let data):
            notes.append(Note(at: event.time, actor: event.actor, text: data.text, activity: data.activity))
        case .correction:
            break
        case .consoleResumed(let data):
            interruptions.append(data.gapSeconds)
        case .damageFound(let data):
            damagedLines.append(contentsOf: data.lines)
        case .supervisorReview:
            break
        case .deliveryClosed(let data):
            stopRunning(at: event.time)
            if let since = pausedSince { pauses.append(Interval(start: since, end: event.time)); pausedSince = nil }
            closed = data
            closedAt = event.time
        }
    }

    /// The roster's spelling of a participant's code, enrolling them if new. Codes are compared
    /// without case (`Code`): a mark for p02 is a mark for the P02 on the roster, never a second row.
    private mutating func enrol(_ participant: String) -> String {
        let key = Code.canonical(participant)
        if let known = rosterCodes[key] { return known }
        rosterCodes[key] = participant
        roster.append(participant)
        return participant
    }

    /// The roster's participant with this code, compared without case, as the roster spells it.
    public func rosterCode(_ code: String) -> String? { rosterCodes[Code.canonical(code)] }

    private mutating func stopRunning(at time: Date) {
        defer { running = nil }
        // Through the dictionary's values in place: `intervals[item]?[last].end = time` copied the
        // item's intervals (and the table) on every stop.
        guard let item = running, let place = intervals.index(forKey: item), let last = intervals.values[place].indices.last,
              intervals.values[place][last].end == nil else { return }
        intervals.values[place][last].end = time
    }

    // MARK: Derived figures

    /// Seconds the session clock was paused up to `now`.
    public func pausedSeconds(until now: Date) -> TimeInterval {
        pauses.reduce(0) { $0 + overlap($1, until: now) } + (pausedSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
    }

    /// Seconds an item has run up to `now`, not counting pauses of the session clock.
    public func seconds(of item: String, until now: Date) -> TimeInterval {
        var total: TimeInterval = 0
        for interval in intervals[item] ?? [] {
            let end = min(interval.end ?? now, now)
            guard end > interval.start else { continue }
            total += end.timeIntervalSince(interval.start)
            let span = Interval(start: interval.start, end: end)
            for pause in pauses { total -= overlap(pause, within: span) }
            if let since = pausedSince { total -= overlap(Interval(start: since, end: now), within: span) }
        }
        return max(0, total)
    }

    /// Seconds since the delivery opened, less pauses.
    public func elapsedSeconds(until now: Date) -> TimeInterval {
        guard let openedAt else { return 0 }
        let end = closedAt.map { min($0, now) } ?? now
        return max(0, end.timeIntervalSince(openedAt) - pausedSeconds(until: end))
    }

    private func overlap(_ interval: Interval, until now: Date) -> TimeInterval {
        max(0, min(interval.end ?? now, now).timeIntervalSince(interval.start))
    }

    private func overlap(_ interval: Interval, within span: Interval) -> TimeInterval {
        let start = max(interval.start, span.start)
        let end = min(interval.end ?? span.end ?? start, span.end ?? start)
        return max(0, end.timeIntervalSince(start))
    }

    /// The counts a `delivery-closed` event records, computed from the events.
    public var summary: DeliveryClosed.Summary {
        let marks = roster.compactMap { attendance[$0]?.status }
        let agenda = opened?.session.agenda ?? []
        let activities = agenda.filter { $0.kind == "activity" }
        let items = activities.flatMap(\.fidelity)
        let rated = items.filter { ratings[$0] != nil }.count
        return DeliveryClosed.Summary(
            participants: roster.count,
            present: marks.filter { $0 == .present }.count,
            late: marks.filter(\.arrivedLate).count,
            leftEarly: marks.filter(\.leftBeforeEnd).count,
            absent: marks.filter { $0 == .absent }.count,
            activitiesDelivered: activities.filter { !(intervals[$0.id] ?? []).isEmpty }.count,
            itemsRated: rated,
            itemsUnrated: items.count - rated)
    }
}
