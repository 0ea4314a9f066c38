import DeliveryFacts
import DisplayText
import Foundation
import Journal
import SessionEngine

enum RegisterView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let delivery = state.delivery, let opened = delivery.opened else { return }
        frame.header(&grid, [state.programme.title, opened.session.title, "Register"])
        // A one-to-one is one contact, in the singular; a group, its counts.
        let oneToOne = opened.session.isOneToOne
        let summary = oneToOne ? delivery.contactWords : "Register: " + delivery.attendanceCounts.words
        grid.put(DisplayText.truncated(summary, toWidth: frame.width), x: 0, y: 2, style: .title)
        grid.put("Code                  Mark                     Time", x: 2, y: 4, style: Style(.accent, bold: true))
        let rows = frame.bottom - 5
        let selection = min(state.registerSelection, max(0, delivery.roster.count - 1))
        let first = max(0, selection - rows + 1)
        var y = 5
        for (index, code) in delivery.roster.enumerated().dropFirst(first).prefix(rows) {
            let mark = delivery.attendance[code]
            let contact = oneToOne ? delivery.contactOutcome(of: code) : nil
            let (symbol, word): (String, String) = switch mark?.status {
            case .absent? where contact == .notAnswered: ("✗", "not answered")
            case .absent? where contact == .rearranged: ("↻", "rearranged")
            case .absent? where oneToOne: ("✗", "did not attend")
            case .present?: ("✓", "present")
            case .late?: ("◐", "late")
            case .leftEarly?: ("◑", "left early")
            case .lateAndLeftEarly?: ("◐", "late, left early")
            case .absent?: ("✗", mark?.notified == true ? "absent, notified" : "absent, not notified")
            case nil: ("·", "not marked")
            }
            var time = ""
            if let arrived = mark?.arrivedAt { time += "in " + Clock.local(arrived, offsetMinutes: frame.offset) }
            if let left = mark?.leftAt { time += (time.isEmpty ? "" : " ") + "out " + Clock.local(left, offsetMinutes: frame.offset) }
            let selected = index == selection
            let style: Style = selected ? .selected : .plain
            if selected { grid.fill(y: y, from: 2, to: frame.width - 2, style: style); frame.cursor = (2, y) }
            let walkIn = delivery.walkIns.contains(code) ? " (walk-in)" : ""
            grid.put((selected ? "▶ " : "  ") + code + walkIn, x: 2, y: y, style: style, limit: 22)
            grid.put(symbol + " " + word, x: 24, y: y, style: style, limit: 24)
            grid.put(time, x: 49, y: y, style: style, limit: frame.width - 51)
            y += 1
        }
        if delivery.roster.isEmpty && !oneToOne { grid.put("No participants yet: press w to add one.", x: 2, y: 5, style: .muted) }
        frame.keys = KeyTables.table(.register, in: state).bar
    }
}

enum ChecklistView {
    /// "Change <item>: Fully delivered (2) -> Partly delivered (1)? Press 1 again to confirm, Esc to keep."
    static func question(_ change: ChecklistScreen.PendingChange, _ state: ConsoleState) -> String? {
        guard let scale = state.delivery?.opened?.fidelityScale, let old = state.delivery?.ratings[change.item],
              let new = scale.first(where: { $0.id == change.level }), let key = RatingKeys.key(of: new.id, in: scale) else { return nil }
        let name = state.activity(old.activity)?.fidelity.first { $0.id == change.item }?.behaviour ?? change.item
        let was = scale.first { $0.id == old.level }.map(RatingKeys.describe) ?? old.level
        return "Change “\(DisplayText.truncated(DisplayText.sanitised(name), toWidth: 30))”: \(was) -> \(RatingKeys.describe(new))? "
            + "Press \(key) again to confirm, Esc to keep."
    }

    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let delivery = state.delivery, let opened = delivery.opened,
              let item = state.agenda.first(where: { $0.id == (state.checklistActivity ?? delivery.currentActivity) }) else { return }
        frame.header(&grid, [state.programme.title, opened.session.title, "Checklist"])
        grid.put(DisplayText.truncated("Fidelity checklist: " + item.title, toWidth: frame.width), x: 0, y: 2, style: .title)
        // Each level with its key and its score, on as many rows as it takes (two at most).
        let scale = opened.fidelityScale
        var (x, levelRow) = (0, 3)
        for (key, level) in zip(RatingKeys.keys(scale), scale) {
            let chip = "\(key) \(RatingKeys.describe(level))"
            if x > 0 && x + DisplayText.width(chip) > frame.width && levelRow == 3 { (x, levelRow) = (0, 4) }
            x += grid.put(chip, x: x, y: levelRow, style: Style(.accent), limit: max(0, frame.width - x))
            x += 3
        }
        let content = state.activity(item.id)
        // A blank row under the scale, however many rows it took.
        var y = levelRow + 2
        if item.fidelity.isEmpty { grid.put("This item has nothing to rate.", x: 2, y: y, style: .muted) }
        for (index, itemID) in item.fidelity.enumerated() {
            let behaviour = content?.fidelity.first { $0.id == itemID }?.behaviour ?? itemID
            let rating = delivery.ratings[itemID]
            // The level with its score ("Fully delivered (2)"); a level without one, by its label alone.
            let label = rating.map { r in scale.first { $0.id == r.level }.map { $0.score == nil ? $0.label : RatingKeys.describe($0) } ?? r.level } ?? ""
            // Nobody delivered what was not delivered: "by" only where someone is named.
            // Two roles together are "both"; three or more, "all" of them.
            let by = rating.flatMap { r in r.deliveredBy.isEmpty ? nil
                : "by " + (r.deliveredBy.count == 1 ? r.deliveredBy[0] : r.deliveredBy.count == 2 ? "both" : "all \(r.deliveredBy.count)") } ?? ""
            let selected = index == state.checklistSelection
            let style: Style = selected ? .selected : .plain
            let lines = DisplayText.wrap(DisplayText.sanitised(behaviour), width: frame.width - 28)
            for (offset, line) in lines.prefix(2).enumerated() {
                if selected { grid.fill(y: y + offset, from: 0, to: frame.width, style: style) }
                grid.put((offset == 0 ? (selected ? "▶ " : "  ") : "  ") + line, x: 0, y: y + offset, style: style)
            }
            let mark = rating == nil ? "· not rated" : "= " + label
            grid.put(mark, x: frame.width - 25, y: y, style: Style(rating == nil ? .muted : .ok, bold: rating != nil, reverse: selected), limit: 25)
            var second = by
            if rating?.adaptation != nil { second += second.isEmpty ? "adapted" : ", adapted" }
            grid.put(second, x: frame.width - 25, y: y + 1, style: Style(.muted, reverse: selected), limit: 25)
            if selected { frame.cursor = (0, y) }
            y += 3
            if y > frame.bottom - 1 { break }
        }
        let rated = item.fidelity.filter { delivery.ratings[$0] != nil }.count
        grid.put("\(rated) of \(item.fidelity.count) rated", x: 0, y: frame.bottom, style: .muted)
        frame.keys = KeyTables.table(.checklist, in: state).bar
    }
}

enum AgendaView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let delivery = state.delivery, let opened = delivery.opened else { return }
        frame.header(&grid, [state.programme.title, opened.session.title, "Agenda"])
        grid.put("   Item                                            Planned   Actual   Rated", x: 0, y: 2, style: Style(.accent, bold: true))
        let rows = frame.bottom - 3
        let first = max(0, min(state.agendaSelection - rows / 2, state.agenda.count - rows))
        var y = 3
        for (index, item) in state.agenda.enumerated().dropFirst(first).prefix(rows) {
            let started = !(delivery.intervals[item.id] ?? []).isEmpty
            let marker = item.id == delivery.currentActivity ? "▶" : started ? "✓" : " "
            let actual = started ? "\(Minutes.whole(delivery.seconds(of: item.id, until: frame.now))) min" : ""
            let rated = item.fidelity.isEmpty ? "" : "\(item.fidelity.filter { delivery.ratings[$0] != nil }.count)/\(item.fidelity.count)"
            let selected = index == state.agendaSelection
            let style: Style = selected ? .selected : item.kind == "activity" ? .plain : .muted
            if selected { grid.fill(y: y, style: style); frame.cursor = (0, y) }
            grid.put(" \(marker) " + item.title, x: 0, y: y, style: style, limit: 51)
            grid.put(String(item.minutes) + " min", x: 52, y: y, style: style)
            grid.put(actual, x: 62, y: y, style: style)
            grid.put(rated, x: 71, y: y, style: style)
            y += 1
        }
        frame.keys = KeyTables.table(.agenda, in: state).bar
    }
}

enum NoteView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let y = frame.height - 4
        grid.fill(y: y - 1, style: .plain)
        grid.fill(y: y, style: .plain)
        grid.put("Note (no names or identifiers; Enter saves, Esc cancels):", x: 0, y: y - 1, style: Style(.accent, bold: true))
        let input = frame.state.note
        // Keep the cursor in view on a long note: show the end of the text.
        let room = frame.width - 3
        var shown = input.text
        var cursor = input.cursorColumn
        while DisplayText.width(shown) > room && cursor > room - 1 {
            shown = String(shown.dropFirst())
            cursor = DisplayText.width(String(shown.prefix(max(0, input.cursor - (input.characters.count - shown.count)))))
        }
        grid.put("> " + shown, x: 0, y: y, limit: frame.width)
        frame.cursor = (min(frame.width - 1, 2 + cursor), y)
        frame.keys = KeyTables.table(.note, in: frame.state).bar
    }
}
