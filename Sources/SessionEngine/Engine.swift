import Foundation
import DeliveryFacts
import Journal
import Programme

/// The console as a pure state machine: (state, action, now, fresh id) -> (new state, effects). It
/// never touches the terminal or the disk, reads no clock and draws no randomness: the runtime
/// carries out its effects and reports back, and supplies the time and random ids with each action.
public enum Engine {
    /// The new state and the effects of `action`, which happened at `now`; `fresh` is a random id
    /// the runtime drew for whatever the action creates (a new delivery's id). The same arguments
    /// always give the same result.
    public static func reduce(_ state: ConsoleState, _ action: Action, now: Date, fresh: UUID) -> (state: ConsoleState, effects: [Effect]) {
        var next = state
        let effects = update(&next, action, now: now, fresh: fresh)
        return (next, effects)
    }

    /// `reduce`, in place.
    public static func update(_ state: inout ConsoleState, _ action: Action, now: Date, fresh: UUID) -> [Effect] {
        switch action {
        case .tick:
            // Status lines fade after a while so an old "saved" is not mistaken for a new one.
            if let status = state.status, status.kind != .problem, now.timeIntervalSince(status.at) > 8 { state.status = nil }
            return []
        case .saved(let event):
            return saved(&state, event, now: now)
        case .saveFailed(let message):
            state.status = .init(kind: .problem, text: "✗ Not saved: " + message, at: now)
            return []
        case .failed(let message):
            state.status = .init(kind: .problem, text: "✗ " + message, at: now)
            return []
        case .resumed(let delivery, let events):
            state.delivery = delivery
            state.events = events
            state.actor = delivery.facilitatorCodes.first ?? ""
            state.screen = .walkthrough(WalkthroughScreen())
            state.status = .init(kind: .info, text: "Resumed where you left off.", at: now)
            // The time the console was stopped goes on the record, so an interrupted delivery
            // reads as one. A closed delivery is not taken up again.
            // The gap runs from the last event before the stop; a damage-found (written by a
            // reopened writer just before the event after it) is not one.
            let last = events.last { if case .damageFound = $0.body { false } else { true } }?.time
            guard !delivery.isClosed, let last else { return [] }
            let gap = max(0, Int(now.timeIntervalSince(last).rounded(.down)))
            return [.append(.consoleResumed(.init(lastEventAt: last, gapSeconds: gap)))]
        case .modeChanged(let mode, let resumable, let groups):
            Home.enter(&state, mode: mode, resumable: resumable, groups: groups)
            return []
        case .viewport(let width, let height):
            state.viewport = Viewport(width: width, height: height)
            return []
        case .contentReloaded(let programme):
            ContentFollowing.take(&state, programme, now: now)
            return []
        case .contentRejected(let problems):
            ContentFollowing.reject(&state, problems)
            return []
        case .auditLoaded(let records, let sources):
            Auditing.open(&state, AuditBook(records: records, sources: sources), now: now)
            return []
        case .key(let pressed):
            // The facilitator's own keys are read as the standard key of their action; a standard
            // key whose action was given other keys does nothing.
            guard let key = state.dialog == nil
                ? state.keyMap.translate(pressed, standard: KeyTables.standard(state.screen.kind, in: state)) : Optional(pressed)
            else { return [] }
            // A message is read by the time the next key comes: it goes, so an old "saved" or hint
            // is never taken for the answer to this key. A problem stays until something replaces it.
            if state.status?.kind != .problem { state.status = nil }
            if let dialog = state.dialog {
                switch Clicker.outcome(key, dialog) {
                case .answer: return Dialogs.handle(&state, dialog, key, now: now)
                case .closeOnly: state.dialog = nil; return []
                case .closeAndPass: state.dialog = nil
                }
            }
            if key == .function(5) && Clicker.backToSession(&state) { return [] }
            // While a search is typed, ? is a character like any other. On help, ? goes back as any key does.
            if key == .character("?") && !state.takesText && state.screen.kind != .help {
                state.screen = .help(returningTo: state.screen)
                return []
            }
            switch state.screen {
            case .home(let home): return Home.handle(&state, home, key, now: now)
            case .setup(let home): return Setup.handle(&state, returningTo: home, key, now: now, fresh: fresh)
            case .walkthrough(let walk): return Walkthrough.handle(&state, walk, key, now: now)
            case .register: return Register.handle(&state, key, now: now)
            case .checklist(let checklist): return Checklist.handle(&state, checklist, key, now: now)
            case .agenda(let agenda): return AgendaIndex.handle(&state, agenda, key, now: now)
            case .itemText(let pane): return ItemText.handle(&state, pane, key, now: now)
            case .note(let input): return NoteEntry.handle(&state, input, key, now: now)
            case .close(let close): return Closing.handle(&state, close, key, now: now)
            case .browse: return Browsing.handle(&state, key, now: now)
            case .timing(let timing): return TimingSummary.handle(&state, timing, key, now: now)
            case .audit(let book): return Auditing.handle(&state, book, key, now: now)
            case .help(let back):
                state.screen = back
                return []
            }
        }
    }

    /// An event is on disk: fold it into the record and say so.
    static func saved(_ state: inout ConsoleState, _ event: JournalEvent, now: Date) -> [Effect] {
        let restarted = if case .activityStarted(let data) = event.body { state.delivery?.running == data.activity } else { false }
        // An item started that ran before (gone back to from the agenda) is named as running again.
        let again = if case .activityStarted(let data) = event.body { !restarted && state.delivery?.hasRun(data.activity) == true } else { false }
        state.events.append(event)
        if case .correction = event.body {
            state.delivery = DeliveryState.replay(state.events)
        } else {
            if state.delivery == nil { state.delivery = DeliveryState() }
            state.delivery?.fold(event)
        }
        state.status = .init(kind: .saved, text: "✓ Saved " + describe(event, in: state, restarted: restarted, again: again), at: now)
        switch event.body {
        case .deliveryOpened:
            // Enrol the roster, then start the first item of the agenda.
            state.actor = state.delivery?.facilitatorCodes.first ?? ""
            state.screen = .walkthrough(WalkthroughScreen())
            var effects = state.pendingRoster.map { Effect.append(.participantEnrolled(.init(participant: $0, walkIn: false))) }
            state.pendingRoster = []
            if let first = state.agenda.first { effects.append(.append(.activityStarted(.init(activity: first.id)))) }
            return effects
        case .noteAdded:
            if state.screen.kind == .note { state.screen = .walkthrough(WalkthroughScreen()) }
            return []
        case .deliveryClosed where state.mode == .rehearsal:
            // A closed rehearsal ends on its timing practice summary; leaving it leaves iwotch.
            Rehearsal.openTiming(&state, returningTo: .leave)
            return []
        case .deliveryClosed:
            state.delivery = nil
            state.events = []
            state.screen = .home(HomeScreen(selection: Home.defaultSelection(state)))
            return [.quit("The delivery is closed and signed off. Its journal is saved.")]
        case .participantEnrolled, .attendanceMarked, .activityStarted, .activityEnded, .stepShown, .timerPaused, .timerResumed,
             .fidelityRated, .correction, .damageFound, .supervisorReview, .consoleResumed:
            return []
        }
    }

    static func describe(_ event: JournalEvent, in state: ConsoleState, restarted: Bool = false, again: Bool = false) -> String {
        let clock = Clock.local(event.time, offsetMinutes: event.utcOffsetMinutes)
        switch event.body {
        case .deliveryOpened(let data): return "\(clock): delivery opened for group \(data.group)"
        case .participantEnrolled(let data): return "\(clock): \(data.participant) \(data.walkIn ? "added as a walk-in" : "enrolled")"
        case .attendanceMarked(let data) where state.delivery?.opened?.session.isOneToOne == true:
            // A one-to-one's mark is the contact's outcome, in the words of its register.
            return "\(clock): \(data.participant): " + ContactOutcome(status: data.status, outcome: data.outcome).rawValue
        case .attendanceMarked(let data): return "\(clock): \(data.participant) marked \(AttendanceWords.label(data.status))"
        case .activityStarted(let data):
            let title = state.agenda.first { $0.id == data.activity }?.title ?? data.activity
            return "\(clock): \(restarted ? "restarted \(title)" : again ? "started \(title) again" : "started \(title)")"
        case .activityEnded(let data): return "\(clock): ended \(state.agenda.first { $0.id == data.activity }?.title ?? data.activity)"
        case .stepShown(let data): return "\(clock): step \(data.step + 1)"
        case .timerPaused: return "\(clock): timers paused"
        case .timerResumed: return "\(clock): timers running again"
        case .fidelityRated(let data):
            let level = state.delivery?.opened?.fidelityScale.first { $0.id == data.level }
            let label = level.map(RatingKeys.describe) ?? data.level
            // Who delivered it is said only of a level that means something was delivered.
            let by = data.deliveredBy.isEmpty ? "" : ", delivered by " + (data.deliveredBy.count > 1 ? "both" : data.deliveredBy[0])
            return "\(clock): item \(data.replaces == nil ? "rated" : "re-rated") \(label.lowercased())\(by)" + (data.adaptation == nil ? "" : ", adapted")
        case .noteAdded: return "\(clock): note added"
        case .correction: return "\(clock): correction recorded"
        case .damageFound: return "\(clock): earlier damage recorded"
        case .deliveryClosed: return "\(clock): delivery closed"
        case .supervisorReview: return "\(clock): supervisor review recorded"
        case .consoleResumed(let data): return "\(clock): resumed where you left off, after \(Clock.duration(TimeInterval(data.gapSeconds))) stopped"
        }
    }
}

/// Clock times on the facilitators' wall.
public enum Clock {
    public static func local(_ date: Date, offsetMinutes: Int, seconds: Bool = false) -> String {
        let text = Timestamp.format(date.addingTimeInterval(Double(offsetMinutes) * 60))
        let start = text.index(text.startIndex, offsetBy: 11)
        return String(text[start..<text.index(start, offsetBy: seconds ? 8 : 5)])
    }

    /// Always hours, minutes and seconds, `0:12:05`: for the session clock beside a plan in hours.
    public static func hours(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(total / 3600):\(two(total / 60 % 60)):\(two(total % 60))"
    }

    /// Minutes and seconds, `12:05`, or hours too, `1:02:05`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }
}

public enum AttendanceWords {
    public static func label(_ status: AttendanceMarked.Status) -> String {
        switch status {
        case .present: "present"
        case .late: "late"
        case .leftEarly: "left early"
        case .lateAndLeftEarly: "late, left early"
        case .absent: "absent"
        }
    }
}
