import Foundation
import Journal

/// The timers a facilitator glances at, all derived from recorded times and the clock passed in,
/// so a resumed session shows exactly what it showed before.
public struct Timing: Sendable, Equatable {
    public enum State: Sendable, Equatable { case onTime, warning, overrun }

    public var itemElapsed: TimeInterval
    public var itemBudget: TimeInterval
    public var state: State
    public var sessionElapsed: TimeInterval
    public var sessionPlanned: TimeInterval
    public var paused: Bool

    public var itemRemaining: TimeInterval { itemBudget - itemElapsed }

    public init(_ state: ConsoleState, now: Date) {
        let delivery = state.delivery
        let budget = TimeInterval((state.agenda.first { $0.id == delivery?.currentActivity }?.minutes ?? 0) * 60)
        let elapsed = delivery.flatMap { d in d.currentActivity.map { d.seconds(of: $0, until: now) } } ?? 0
        itemElapsed = elapsed
        itemBudget = budget
        let warning = TimeInterval(state.programme.warningMinutes * 60)
        self.state = elapsed > budget ? .overrun : (budget - elapsed <= warning ? .warning : .onTime)
        sessionElapsed = delivery?.elapsedSeconds(until: now) ?? 0
        sessionPlanned = TimeInterval((delivery?.opened?.session.plannedMinutes ?? 0) * 60)
        paused = delivery?.isPaused ?? false
    }

    /// The words beside the timer: never colour alone.
    public var words: String {
        switch state {
        case .onTime: "\(Int((itemRemaining / 60).rounded(.up))) min left"
        case .warning: "⚠ \(Int((itemRemaining / 60).rounded(.up))) min left"
        case .overrun: -itemRemaining < 60 ? "‼ over time" : "‼ \(Int((-itemRemaining / 60).rounded(.down))) min over"
        }
    }
}
