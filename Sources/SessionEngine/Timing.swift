import DeliveryFacts
import Foundation
import Journal

/// The timers a facilitator glances at, all derived from recorded times and the clock passed in,
/// so a resumed session shows exactly what it showed before.
public struct Timing: Sendable, Equatable {
    public enum State: Sendable, Equatable { case onTime, warning, overrun }

    public var itemElapsed: TimeInterval
    public var itemBudget: TimeInterval
    public var itemPlannedMinutes: Int
    public var state: State
    public var sessionElapsed: TimeInterval
    public var sessionPlanned: TimeInterval
    public var paused: Bool

    public var itemRemaining: TimeInterval { itemBudget - itemElapsed }

    public init(_ state: ConsoleState, now: Date) {
        let delivery = state.delivery
        let planned = state.agenda.first { $0.id == delivery?.currentActivity }?.minutes ?? 0
        let budget = TimeInterval(planned * 60)
        let elapsed = delivery.flatMap { d in d.currentActivity.map { d.seconds(of: $0, until: now) } } ?? 0
        itemElapsed = elapsed
        itemBudget = budget
        itemPlannedMinutes = planned
        let warning = Self.warning(budget: budget, contentMinutes: state.programme.warningMinutes)
        // Over time by the one rule (`Minutes.isOver`) the close screen and the reports use; from
        // the end of the plan until then the timer says time is up.
        self.state = Minutes.isOver(elapsed, planned: planned) ? .overrun : (budget - elapsed <= warning ? .warning : .onTime)
        sessionElapsed = delivery?.elapsedSeconds(until: now) ?? 0
        sessionPlanned = TimeInterval((delivery?.opened?.session.plannedMinutes ?? 0) * 60)
        paused = delivery?.isPaused ?? false
    }

    /// How long before the end of an item's budget the timer warns: the last fifth of the item,
    /// at least one minute, and never more than the content's `warning_minutes` (0 turns it off).
    /// A 3-minute item warns for its last minute, a 20-minute one for its last 4 minutes (with
    /// the default 3, its last 3), rather than every item from 3 minutes before its end.
    public static func warning(budget: TimeInterval, contentMinutes: Int) -> TimeInterval {
        min(TimeInterval(contentMinutes * 60), max(60, budget / 5))
    }

    /// The words beside the timer: never colour alone.
    public var words: String {
        switch state {
        case .onTime: "\(Minutes.whole(itemRemaining)) min left"
        case .warning where itemRemaining <= 0: "⚠ time up"
        case .warning where Minutes.whole(itemRemaining) == 0: "⚠ under a minute left"
        case .warning: "⚠ \(Minutes.whole(itemRemaining)) min left"
        case .overrun: "‼ \(Minutes.difference(itemElapsed, planned: itemPlannedMinutes)) min over"
        }
    }
}
