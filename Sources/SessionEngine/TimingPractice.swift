import DeliveryFacts
import Foundation
import Journal
import Programme

/// A rehearsal's timing practice: each agenda item's planned minutes against the time it took,
/// over or under, and the fidelity items nobody rated. Built from the recorded times alone, so
/// it reads the same after a resume or from the journal later.
public struct TimingPractice: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var id: String
        public var title: String
        public var isActivity: Bool
        public var plannedMinutes: Int
        /// Time on the item since its latest restart, less pauses.
        public var actualSeconds: TimeInterval
        /// Run: started and on for at least `skipSeconds`, or running now.
        public var started: Bool
        /// Started but left within `skipSeconds`: passed over (with the skip key or the agenda), not run.
        public var skipped = false
        public var running: Bool
        public var restarts: Int

        /// Whole minutes over (positive) or under (negative) the plan; nil when the item was not run.
        public var differenceMinutes: Int? {
            started ? Minutes.difference(actualSeconds, planned: plannedMinutes) : nil
        }

        /// Over and under in words, never by colour alone.
        public var differenceWords: String {
            guard let difference = differenceMinutes else { return skipped ? "not run (skipped)" : "not run" }
            let words = difference == 0 ? "on time" : difference > 0 ? "‼ \(difference) min over" : "\(-difference) min under"
            return words + (running ? " so far" : "")
        }
    }

    public struct Unrated: Sendable, Equatable {
        public var activity: String
        public var item: String
        public var behaviour: String
    }

    public var rows: [Row]
    public var unrated: [Unrated]

    /// An item left within this many seconds, untouched (no step moved, no restart), was passed
    /// over, not run: a trainer stepping to the item they want to practise spends a second or two
    /// on each, and no item is delivered that fast. Counting such an item as run would show it
    /// "0m 00s … under" and put its planned minutes in the total.
    public static let skipSeconds: TimeInterval = 5

    public init(_ state: ConsoleState, now: Date) {
        let delivery = state.delivery ?? DeliveryState()
        rows = state.agenda.enumerated().map { index, item in
            let seconds = delivery.seconds(of: item.id, until: now)
            let running = delivery.running == item.id
            let begun = !(delivery.intervals[item.id] ?? []).isEmpty
            let touched = (delivery.steps[item.id] ?? 0) > 0 || (delivery.restarts[item.id] ?? 0) > 0
            let skipped = begun && !running && !touched && seconds < Self.skipSeconds
            var row = Row(number: index + 1, id: item.id, title: item.title, isActivity: item.kind == "activity",
                          plannedMinutes: item.minutes, actualSeconds: seconds, started: begun && !skipped,
                          running: running, restarts: delivery.restarts[item.id] ?? 0)
            row.skipped = skipped
            return row
        }
        // Behaviours as the content words them now; the pinned id when the content has lost the item.
        unrated = state.agenda.filter { $0.kind == "activity" }.flatMap { item in
            item.fidelity.filter { delivery.ratings[$0] == nil }.map { id in
                Unrated(activity: item.title, item: id,
                        behaviour: state.activity(item.id)?.fidelity.first { $0.id == id }?.behaviour ?? id)
            }
        }
    }

    /// The items that were run, added up.
    public var run: [Row] { rows.filter(\.started) }
    public var plannedMinutesOfRun: Int { run.reduce(0) { $0 + $1.plannedMinutes } }
    public var actualSecondsOfRun: TimeInterval { run.reduce(0) { $0 + $1.actualSeconds } }
    public var totalDifferenceMinutes: Int { Minutes.difference(actualSecondsOfRun, planned: plannedMinutesOfRun) }

    /// Rows of the scrolling part of the screen: the items, their total, a gap, the unrated
    /// heading and one row per unrated item.
    public var lineCount: Int { rows.count + 3 + unrated.count }
}
