import DeliveryFacts
import DisplayText
import Foundation
import Journal
import SessionEngine

/// The summary before sign-off: attendance, adherence, minutes against plan, unrated items.
enum CloseView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let delivery = state.delivery, let opened = delivery.opened else { return }
        frame.header(&grid, [state.programme.title, opened.session.title, "Close and sign off"])
        // The figures the reports will print for this delivery, from the same record and rules.
        guard let record = DeliveryRecord(state: delivery, files: [], now: frame.now) else { return }
        // A one-to-one's one contact in the singular; a group's counts.
        let register = record.opened.session.isOneToOne ? record.registerWords : "Register: " + record.registerWords
        grid.put(DisplayText.truncated(register, toWidth: frame.width), x: 0, y: 2)
        var x = grid.put(DisplayText.truncated("Adherence: " + record.adherence.words, toWidth: frame.width), x: 0, y: 3)
        if let band = record.band, band != .high, x + 2 + DisplayText.width(band.words) <= frame.width {
            x += 2 + grid.put(band.words, x: x + 2, y: 3, style: Style(band == .low ? .danger : .warning, bold: true))
        }
        // Activities one a row; arrival, breaks and lunch together, so a whole group day fits at 80x24.
        grid.put("Minutes against plan", x: 0, y: 4, style: Style(.accent, bold: true))
        let activities = state.agenda.filter { $0.kind == "activity" }
        let pauses = state.agenda.filter { $0.kind != "activity" }
        let listBottom = frame.height - 8
        var rows: [(title: String, planned: Int, actual: TimeInterval, started: Bool, running: Bool)] = activities.map { item in
            (item.title, item.minutes, record.seconds[item.id] ?? 0, record.seconds[item.id] != nil, delivery.running == item.id)
        }
        if !pauses.isEmpty {
            rows.append(("Arrival, breaks and lunch", pauses.reduce(0) { $0 + $1.minutes },
                         pauses.reduce(0) { $0 + (record.seconds[$1.id] ?? 0) },
                         pauses.contains { record.seconds[$0.id] != nil }, pauses.contains { delivery.running == $0.id }))
        }
        var y = 5
        let room = listBottom - y + 1
        let shown = rows.count > room ? Array(rows.prefix(room - 1)) : rows
        for row in shown {
            let difference = Minutes.difference(row.actual, planned: row.planned)
            let sign = difference > 0 ? "+\(difference)" : "\(difference)"
            let text = row.started
                ? TimingView.right(String(Minutes.whole(row.actual)), 3) + " of " + TimingView.right(String(row.planned), 3) + " min  "
                    + (difference == 0 ? "on time" : sign + " min") + (row.running ? " so far" : "")
                : "  not run (\(row.planned) min planned)"
            grid.put(DisplayText.truncated(row.title, toWidth: 44), x: 2, y: y, style: row.started ? .plain : .muted)
            grid.put(text, x: 48, y: y, style: Style(Minutes.isOver(row.actual, planned: row.planned) && row.started ? .warning : .normal))
            y += 1
        }
        if shown.count < rows.count { grid.put("… and \(rows.count - shown.count) more", x: 2, y: y, style: .muted) }
        y = listBottom + 1
        let unrated = record.items.filter { !$0.isRated }
        if unrated.isEmpty {
            grid.put("✓ Every fidelity item is rated.", x: 0, y: y, style: Style(.ok))
        } else {
            let titles = Set(unrated.map { item in activities.first { $0.id == item.activity }?.title ?? item.activity }).sorted()
            grid.put(DisplayText.truncated("⚠ \(unrated.count) items unrated, in: " + titles.joined(separator: "; "), toWidth: frame.width), x: 0, y: y, style: Style(.warning, bold: true))
        }
        y += 2
        grid.put("Sign-off (\(DeliveryClosed.signoffMeaning))", x: 0, y: y, style: Style(.accent, bold: true), limit: frame.width)
        y += 1
        x = 2
        for (index, facilitator) in opened.facilitators.enumerated() {
            let signed = state.signoffs.contains { $0.code == facilitator.code }
            // The role as the programme titles it; the id when the programme has no such role.
            let role = state.programme.role(facilitator.role)?.title ?? facilitator.role
            x += grid.put("\(index + 1) \(signed ? "☑" : "☐") \(facilitator.code) (\(role))    ", x: x, y: y, style: signed ? Style(.ok, bold: true) : .plain)
        }
        frame.cursor = (2, y)
        frame.keys = KeyTables.table(.close, in: state).bar
    }
}

enum DialogView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame, _ dialog: ConsoleState.Dialog) {
        let (title, lines): (String, [String]) = switch dialog {
        case .confirmQuit where frame.state.mode == .rehearsal:
            ("Leave the rehearsal?", ["Everything is saved. Run iwotch rehearse to resume where you left off."])
        case .confirmQuit:
            ("Leave the session?", ["Everything is saved. Run iwotch again to resume where you left off."])
        case .absenceNotice(let code):
            ("\(code) is absent", ["Did they let the team know?"])
        case .walkIn(let input):
            ("Add a walk-in", ["Participant code (no names): " + input.text])
        case .adaptation(let form):
            ("Adaptation: " + (frame.state.activity(frame.state.checklistActivity ?? "")?.fidelity.first { $0.id == form.item }?.behaviour ?? form.item),
             ["Tab       " + (form.timing == .planned ? "planned" : "reactive (decided in the room)"),
                            "Shift-Tab " + (form.consistent ? "consistent with fidelity" : "NOT consistent with fidelity"),
                            "Why: " + form.reason.text])
        }
        let width = min(frame.width - 4, 72)
        let x = (frame.width - width) / 2
        let top = frame.height / 2 - 3
        let height = lines.count + 4
        for row in (top - 1)...(top + height) { grid.fill(y: row, style: .plain) }
        for row in top..<(top + height) { grid.fill(y: row, from: x, to: x + width, style: Style(.normal, reverse: true)) }
        grid.put(" " + DisplayText.truncated(title, toWidth: width - 2), x: x, y: top, style: Style(.normal, bold: true, reverse: true), limit: width)
        for (index, line) in lines.enumerated() {
            grid.put(" " + line, x: x, y: top + 2 + index, style: Style(.normal, reverse: true), limit: width - 1)
        }
        // The cursor sits at the end of a text entry, or at the dialog's title.
        switch dialog {
        case .walkIn(let input): frame.cursor = (min(x + width - 1, x + 1 + DisplayText.width("Participant code (no names): ") + input.cursorColumn), top + 2)
        case .adaptation(let form): frame.cursor = (min(x + width - 1, x + 6 + form.reason.cursorColumn), top + 4)
        default: frame.cursor = (x + 1, top)
        }
        frame.keys = KeyTables.dialog(dialog, mode: frame.state.mode).bar
    }
}
