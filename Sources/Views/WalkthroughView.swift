import DeliveryFacts
import DisplayText
import Foundation
import Journal
import Programme
import SessionEngine

/// The live screen: where we are, the current step, how the time is going, what comes next.
enum WalkthroughView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let width = frame.width
        guard let delivery = state.delivery, let opened = delivery.opened else { return }
        let agenda = state.agenda
        let index = state.currentIndex ?? 0
        let item = state.currentItem
        let position = agenda.isEmpty ? "" : "\(index + 1) of \(agenda.count)"
        frame.header(&grid, [state.programme.title, opened.session.title, position])
        // Every key that works is on the bar: where one row is too narrow it takes two, and the
        // rows above it move up by one.
        frame.keys = KeyTables.table(for: state).bar
        frame.wrapsKeys = true
        let lift = Frame.barRows(frame.keys, width: width, wraps: true).count - 1
        if state.blanked {
            let lines = ["The screen is blank; the session's timers run on.", "Any key shows the session again."]
            for (offset, line) in lines.enumerated() {
                grid.put(line, x: max(0, (width - DisplayText.width(line)) / 2), y: frame.height / 2 - 1 + offset, style: .muted)
            }
            return
        }

        // Title and lead.
        let leads = item.map { leadWords($0.lead, state) } ?? ""
        // A rehearsal's reloaded content may have lost the item: its pinned title still shows.
        let title = item?.title ?? (agenda.indices.contains(index) ? agenda[index].title : "—")
        let kind = item.map { $0.kind == .activity ? "" : $0.kind == .lunch ? "Lunch" : $0.kind == .arrival ? "Arrival" : "Break" } ?? ""
        // The kind goes before the title unless the title already says it ("Lunch", not "Lunch · Lunch").
        let kindWord = kind.isEmpty || title.lowercased() == kind.lowercased() ? "" : kind + " · "
        // Where the item came from, when it is not a publication followed in full: said on the
        // screen itself, so nobody takes a reconstruction for the published manual (i shows more).
        let provenance = item?.source.flatMap { $0.kind == .published ? nil : $0.kind.rawValue } ?? ""
        let marker = provenance.isEmpty ? "" : " [" + provenance + "]"
        let titleRoom = width - DisplayText.width(leads) - DisplayText.width(marker) - 2
        let titleUsed = grid.put(DisplayText.truncated("▶ " + kindWord + title, toWidth: titleRoom), x: 0, y: 2, style: .title)
        grid.put(marker, x: titleUsed, y: 2, style: Style(.warning))
        grid.put(leads, x: width - DisplayText.width(leads), y: 2, style: Style(.accent))

        // Timers: this item against its budget, the session against plan, and pause.
        let timing = Timing(state, now: frame.now)
        let timerRole: Role = timing.state == .overrun ? .danger : timing.state == .warning ? .warning : .normal
        var x = grid.put("⏱ " + Clock.duration(timing.itemElapsed) + " of " + Clock.duration(timing.itemBudget), x: 0, y: 3, style: Style(timerRole, bold: timing.state != .onTime))
        x += 2
        x += grid.put(timing.words, x: x, y: 3, style: Style(timerRole, bold: timing.state != .onTime))
        if timing.paused { grid.put("  ⏸ PAUSED", x: x, y: 3, style: Style(.warning, bold: true)) }
        let session = "Session " + Clock.hours(timing.sessionElapsed) + " of " + Clock.hours(timing.sessionPlanned)
        grid.put(session, x: width - DisplayText.width(session), y: 3, style: .muted)

        // Body: aims, steps, key messages, materials: all in full where they fit (a large window
        // cuts nothing); else the current step in full and the rest shortened (i shows them all).
        var y = 5
        let last = frame.height - 5 - lift
        if let item {
            let aims = DisplayText.wrap(DisplayText.sanitised(item.aims.joined(separator: " ")), width: width - 6)
            let keys = DisplayText.wrap(DisplayText.sanitised(item.keyMessages.map { "• " + $0 }.joined(separator: "  ")), width: width - 6)
            let materials = DisplayText.wrap(DisplayText.sanitised(item.materials.joined(separator: " · ")), width: width - 6)
            let stepRows = item.steps.reduce(0) { $0 + DisplayText.wrap(DisplayText.sanitised($1), width: width - 8).count }
            let rows = (item.aims.isEmpty ? 0 : aims.count) + (item.steps.isEmpty ? 0 : 1 + stepRows)
                + (item.keyMessages.isEmpty ? 0 : keys.count) + (item.materials.isEmpty ? 0 : materials.count)
            let room = last - y + 1
            let full = rows <= room
            var aimRows = item.aims.isEmpty ? 0 : full ? aims.count : min(aims.count, frame.height >= 30 ? 3 : 1)
            var keyRows = item.keyMessages.isEmpty ? 0 : full ? keys.count : min(keys.count, 2)
            var materialRows = item.materials.isEmpty ? 0 : full ? materials.count : 1
            var stepSpare = 0
            if !full {
                // Rows the shortened steps leave over go to the aims, then the key messages, then
                // the materials, so nothing is cut that has room.
                let current = min(max(0, delivery.currentStep), max(0, item.steps.count - 1))
                let currentRows = item.steps.isEmpty ? 0 : DisplayText.wrap(DisplayText.sanitised(item.steps[current]), width: width - 8).count
                let stepsShort = item.steps.isEmpty ? 0 : item.steps.count + currentRows
                var spare = room - aimRows - stepsShort - keyRows - materialRows
                func grow(_ shown: inout Int, upTo all: Int) {
                    let more = max(0, min(spare, all - shown))
                    shown += more
                    spare -= more
                }
                if !item.aims.isEmpty { grow(&aimRows, upTo: aims.count) }
                if !item.keyMessages.isEmpty { grow(&keyRows, upTo: keys.count) }
                if !item.materials.isEmpty { grow(&materialRows, upTo: materials.count) }
                // What is still left goes to the other steps, nearest the current one first.
                stepSpare = max(0, spare)
            }
            if !item.aims.isEmpty {
                grid.put("Aims", x: 0, y: y, style: Style(.accent, bold: true))
                y += grid.paragraph(item.aims.joined(separator: " "), x: 6, y: y, width: width - 6, lines: aimRows, style: .plain)
            }
            let stepsBottom = last - keyRows - materialRows
            if !item.steps.isEmpty {
                let heading = "Steps · step \(min(delivery.currentStep, item.steps.count - 1) + 1) of \(item.steps.count)"
                grid.put(heading, x: 0, y: y, style: Style(.accent, bold: true))
                y += 1
                y = steps(&grid, &frame, item.steps, current: delivery.currentStep, top: y, bottom: stepsBottom, width: width - 4,
                          full: full, spare: stepSpare)
            }
            y = max(y, stepsBottom + 1)
            if !item.keyMessages.isEmpty {
                grid.put("Key", x: 0, y: y, style: Style(.accent, bold: true))
                grid.paragraph(item.keyMessages.map { "• " + $0 }.joined(separator: "  "), x: 6, y: y, width: width - 6, lines: keyRows)
                y += keyRows
            }
            if !item.materials.isEmpty {
                grid.put("Have", x: 0, y: y, style: Style(.accent, bold: true))
                grid.paragraph(item.materials.joined(separator: " · "), x: 6, y: y, width: width - 6, lines: materialRows)
            }
        }

        // What comes next, and the register and checklist at a glance.
        let nextY = frame.height - 4 - lift
        let activityItems = state.agenda.first { $0.id == delivery.currentActivity }?.fidelity ?? []
        let rated = activityItems.filter { delivery.ratings[$0] != nil }.count
        let checklist = activityItems.isEmpty ? "" : "Checklist \(rated) of \(activityItems.count) rated"
        let nextText = state.nextToRun.map { "Next: \(agenda[$0].title) (\(agenda[$0].minutes) min)" } ?? "Next: close the session (c)"
        grid.put(DisplayText.truncated(nextText, toWidth: width - DisplayText.width(checklist) - 2), x: 0, y: nextY,
                 style: state.advanceArmed ? Style(.warning, bold: true) : .muted)
        grid.put(checklist, x: width - DisplayText.width(checklist), y: nextY, style: rated < activityItems.count ? Style(.accent) : Style(.ok))
        let register = delivery.opened?.session.isOneToOne == true ? delivery.contactWords : "Register: " + delivery.attendanceCounts.words
        grid.put(DisplayText.truncated(register, toWidth: width), x: 0, y: frame.height - 3 - lift, style: .plain)
    }

    /// Steps with the current one highlighted and wrapped in full; a window keeps it in view.
    static func steps(_ grid: inout Grid, _ frame: inout Frame, _ steps: [String], current: Int, top: Int, bottom: Int, width: Int,
                      full: Bool = false, spare: Int = 0) -> Int {
        let current = min(max(0, current), steps.count - 1)
        var wrapped = steps.enumerated().map { index, step in
            index == current || full ? DisplayText.wrap(DisplayText.sanitised(step), width: width - 4) : [DisplayText.truncated(DisplayText.sanitised(step), toWidth: width - 4)]
        }
        // Spare rows show other steps in full, nearest the current one first (the next before
        // the one before), each only if all of it fits.
        var spare = spare
        for index in steps.indices.sorted(by: { (abs($0 - current) * 2 - ($0 > current ? 1 : 0)) < (abs($1 - current) * 2 - ($1 > current ? 1 : 0)) })
            where index != current && !full {
            let whole = DisplayText.wrap(DisplayText.sanitised(steps[index]), width: width - 4)
            if whole.count - 1 <= spare {
                spare -= whole.count - 1
                wrapped[index] = whole
            }
        }
        let rows = bottom - top + 1
        // Start early enough that the current step and a step of context before it fit.
        var first = max(0, current - 1)
        while first > 0 && wrapped[first..<min(steps.count, current + 1)].reduce(0, { $0 + $1.count }) + wrapped[first - 1].count <= rows - 1 { first -= 1 }
        var y = top
        if first > 0 { grid.put("  ↑ \(first) earlier", x: 2, y: y, style: .muted); y += 1 }
        for index in first..<steps.count {
            let lines = wrapped[index]
            if y + lines.count - 1 > bottom {
                grid.put("  ↓ \(steps.count - index) more", x: 2, y: min(y, bottom), style: .muted)
                return bottom + 1
            }
            let number = "\(index + 1)."
            let marker = index == current ? "▶ " : "  "
            let style: Style = index == current ? Style(.normal, bold: true, reverse: true) : index < current ? .muted : .plain
            for (offset, line) in lines.enumerated() {
                let prefix = offset == 0 ? marker + number + " " : String(repeating: " ", count: 3 + number.count)
                if index == current { grid.fill(y: y, from: 0, to: width + 4, style: style) }
                grid.put(prefix + line, x: 0, y: y, style: style)
                y += 1
            }
            if index == current { frame.cursor = (x: 0, y: y - lines.count) }
        }
        return y
    }

    /// "Lead: " and the role's title; several roles lead together, by their titles joined with +
    /// while those take at most a third of the row (beside the item's title), else by their short ids.
    static func leadWords(_ lead: [String], _ state: ConsoleState) -> String {
        guard !lead.isEmpty else { return "" }
        let titles = lead.map { state.programme.role($0)?.title ?? $0 }
        let joined = titles.joined(separator: " + ")
        return "Lead: " + (lead.count == 1 || joined.count <= max(24, state.viewport.width / 3) ? joined : lead.joined(separator: " + "))
    }
}
