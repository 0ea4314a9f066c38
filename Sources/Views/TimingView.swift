import DisplayText
import Foundation
import SessionEngine

/// A rehearsal's timing practice: every agenda item's planned minutes against the time it took,
/// over or under in words, the total of the items run, and the fidelity items not rated.
enum TimingView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let delivery = state.delivery, let opened = delivery.opened else { return }
        frame.header(&grid, [state.programme.title, opened.session.title, "Timing practice"])
        let practice = TimingPractice(state, now: frame.now)
        let width = frame.width
        // Columns from the right edge, so a wider window gives the titles the room.
        let (plannedX, actualX, differenceX) = (width - 39, width - 31, width - 21)
        let titleWidth = plannedX - 6
        let heading = Style(.accent, bold: true)
        grid.put("  #  Item", x: 0, y: 2, style: heading)
        grid.put("Planned", x: plannedX, y: 2, style: heading)
        grid.put("Actual", x: actualX + 2, y: 2, style: heading)
        grid.put("Difference", x: differenceX, y: 2, style: heading)

        let rows = frame.bottom - 2
        let scroll = min(state.timingScroll, max(0, practice.lineCount - rows))
        var y = 3
        var line = 0
        func visible() -> Bool { line >= scroll && y <= frame.bottom }
        func next() { if line >= scroll { y += 1 }; line += 1 }

        for row in practice.rows {
            if visible() {
                let restarts = row.restarts > 0 ? " (restarted \(row.restarts)×)" : ""
                let title = DisplayText.truncated(row.title, toWidth: titleWidth - DisplayText.width(restarts)) + restarts
                let style: Style = row.started ? .plain : .muted
                grid.put(BrowserView.pad(row.number, 3) + "  " + title, x: 0, y: y, style: style, limit: plannedX - 1)
                grid.put(BrowserView.pad(row.plannedMinutes, 3) + " min", x: plannedX, y: y, style: style)
                grid.put(right(row.started ? minutesAndSeconds(row.actualSeconds) : "—", 8), x: actualX, y: y, style: style)
                let over = (row.differenceMinutes ?? 0) > 0
                grid.put(row.differenceWords, x: differenceX, y: y, style: over ? Style(.warning, bold: true) : style, limit: width - differenceX)
            }
            next()
        }
        if visible() {
            let run = practice.run.count
            let total = practice.totalDifferenceMinutes
            let words = run == 0 ? "nothing run yet" : total == 0 ? "on time" : total > 0 ? "‼ \(total) min over" : "\(-total) min under"
            grid.put("     Total of the \(run) \(run == 1 ? "item" : "items") run", x: 0, y: y, style: .title, limit: plannedX - 1)
            grid.put(BrowserView.pad(practice.plannedMinutesOfRun, 3) + " min", x: plannedX, y: y, style: .title)
            grid.put(right(minutesAndSeconds(practice.actualSecondsOfRun), 8), x: actualX, y: y, style: .title)
            grid.put(words, x: differenceX, y: y, style: total > 0 ? Style(.warning, bold: true) : .title, limit: width - differenceX)
        }
        next()
        next()   // a gap before the unrated items
        if visible() {
            let count = practice.unrated.count
            let text = count == 0 ? "✓ Every fidelity item is rated."
                : "⚠ Not rated: \(count) fidelity \(count == 1 ? "item" : "items") in \(Set(practice.unrated.map(\.activity)).count) activities"
            grid.put(text, x: 0, y: y, style: count == 0 ? Style(.ok) : Style(.warning, bold: true), limit: width)
        }
        next()
        for item in practice.unrated {
            if visible() { grid.put(DisplayText.truncated("  " + item.activity + ": " + item.behaviour, toWidth: width), x: 0, y: y) }
            next()
        }
        frame.cursor = (0, 3)
        frame.keys = KeyTables.table(.timing, in: state).bar
    }

    /// "12m 05s": minutes like the plan beside it, and seconds for practice; never read as a clock time.
    static func minutesAndSeconds(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        return "\(total / 60)m \(total % 60 < 10 ? "0" : "")\(total % 60)s"
    }

    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayText.width(text))) + text
    }
}
