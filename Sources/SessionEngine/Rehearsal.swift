import Foundation
import Journal
import Programme

/// The codes a rehearsal starts with, so a trainer can begin at once. They are ordinary codes
/// (the privacy rules apply as in a live delivery) and every one can be changed on the form.
public enum RehearsalSample {
    public static let group = "REH"
    /// "TRAINING" or "TRAINING-1" would be refused: more than four letters in a row read as a name.
    public static let site = "TRN-1"
    public static let facilitators = ["TRN1", "TRN2"]
    /// TRN1, TRN2, ... one per facilitator slot.
    public static func facilitatorCodes(_ count: Int) -> [String] { (0..<max(0, count)).map { "TRN\($0 + 1)" } }
    public static let groupRoster = (1...8).map { "R0\($0)" }
    public static let oneToOneRoster = ["R01"]

    /// The sample rosters as the participants field shows them, for the content's code shape.
    static func rosters(_ shape: ParticipantCodeShape?) -> [String] {
        [groupRoster(shape), oneToOneRoster(shape)].map { $0.joined(separator: " ") }
    }

    /// R01 to R08, or, where the content declares participant code masks that refuse them,
    /// examples of its first mask (P01 to P08 for P##).
    public static func groupRoster(_ shape: ParticipantCodeShape?) -> [String] {
        guard let shape, !groupRoster.allSatisfy(shape.accepts) else { return groupRoster }
        return (1...8).map(shape.example)
    }

    public static func oneToOneRoster(_ shape: ParticipantCodeShape?) -> [String] { [groupRoster(shape)[0]] }

    /// One code per facilitator slot; eight participants in a group session, one in a one-to-one.
    public static func codes(for kind: Session.Kind, slots: Int, shape: ParticipantCodeShape? = nil)
        -> (group: String, site: String, facilitators: [String], participants: [String]) {
        switch kind {
        case .group: (group, site, facilitatorCodes(slots), groupRoster(shape))
        case .oneToOne: (group, site, facilitatorCodes(slots), oneToOneRoster(shape))
        }
    }
}

/// What a rehearsal adds to the walk-through: starting the current item again, skipping ahead
/// without the second press, and the timing practice summary. Live deliveries have none of these.
enum Rehearsal {
    /// Starts the current item's timer again: an `activity-started` for the item already running.
    /// Replay reads that as a restart (DeliveryState), so the item's time counts from here.
    static func restart(_ state: inout ConsoleState, now: Date) -> [Effect] {
        guard let current = state.delivery?.currentActivity else { return [] }
        return [.append(.activityStarted(.init(activity: current)))]
    }

    /// Moves straight on to the next item, as the agenda would.
    static func skip(_ state: inout ConsoleState, now: Date) -> [Effect] {
        guard let index = state.currentIndex else { return [] }
        guard index + 1 < state.agenda.count else {
            state.status = .init(kind: .info, text: "That was the last item. Press t for the timing summary or c to close.", at: now)
            return []
        }
        return Walkthrough.move(&state, to: state.agenda[index + 1].id)
    }

    static func openTiming(_ state: inout ConsoleState, returningTo back: TimingScreen.Return) {
        state.screen = .timing(TimingScreen(returnTo: back))
    }
}

/// The timing summary screen: scrolls; Esc goes back, or after the close leaves iwotch.
enum TimingSummary {
    static let leaveMessage = "The rehearsal is closed and saved with the rehearsals, apart from live records."

    static func handle(_ state: inout ConsoleState, _ timing: TimingScreen, _ key: Key, now: Date) -> [Effect] {
        let closed = state.delivery?.isClosed ?? true
        var timing = timing
        let lines = TimingPractice(state, now: now).lineCount
        // The table's heading row stays put above the scrolling rows.
        let page = max(1, state.bodyRows - 1)
        let last = max(0, lines - page)
        switch key {
        case .up: timing.scroll = max(0, timing.scroll - 1)
        case .down: timing.scroll = min(last, timing.scroll + 1)
        case .pageUp: timing.scroll = max(0, timing.scroll - page)
        case .pageDown, .space: timing.scroll = min(last, timing.scroll + page)
        case .home: timing.scroll = 0
        case .end: timing.scroll = last
        case .escape, .character("t"), .character("q"), .enter:
            if closed { return [.quit(leaveMessage)] }
            switch timing.returnTo {
            case .walkthrough: state.screen = .walkthrough(WalkthroughScreen())
            case .close(let close): state.screen = .close(close)
            case .leave: return [.quit(leaveMessage)]
            }
            return []
        case .character("c") where !closed:
            if case .close(let close) = timing.returnTo { state.screen = .close(close) } else { state.screen = .close(CloseScreen()) }
            return []
        default: break
        }
        state.screen = .timing(timing)
        return []
    }
}
