import DisplayText
import Foundation
import Journal
import SessionEngine

enum HomeView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        frame.header(&grid, ["iwotch", state.programme.title + " " + state.programme.version])
        grid.put("What would you like to do?", x: 2, y: 3, style: .title)
        // Items sit two rows apart with the content's provenance below; many deliveries to resume
        // close them up, then push the provenance out, then scroll with the selection.
        let items = Home.items(state)
        let provenanceTop = frame.height - 7
        let spacing = 5 + items.count * 2 <= provenanceTop ? 2 : 1
        let showsProvenance = 5 + items.count * spacing <= provenanceTop
        let rows = showsProvenance ? items.count : frame.bottom - 5 + 1
        let first = BrowserView.windowStart(selection: state.homeSelection, count: items.count, rows: rows)
        var y = 5
        for (index, item) in items.enumerated().dropFirst(first).prefix(rows) {
            let selected = index == state.homeSelection
            let rehearsing = state.mode == .rehearsal
            let (label, detail): (String, String) = switch item {
            case .resume(let d) where d.problem != nil: ("✗ " + d.title, d.problem ?? "")
            case .resume(let d): ((rehearsing ? "Resume the rehearsal of " : "Resume ") + "\(d.title), group \(d.group)",
                                  "last entry " + DeliveryID.localDate(d.lastEvent, offsetMinutes: state.utcOffsetMinutes) + " " + Clock.local(d.lastEvent, offsetMinutes: state.utcOffsetMinutes))
            case .run: ("Run a live session", rehearsing ? "leave rehearsing: set up a real delivery" : "set up a delivery: session, group, facilitators, register")
            case .rehearse: (rehearsing ? "Start a new rehearsal" : "Rehearse a session", "practise with sample codes, apart from live records")
            case .browse: ("Browse the manual", "read and search sessions, activities, fidelity items")
            case .audit: ("Audit the records", "deliveries, adherence, attendance, item ratings")
            case .quit: ("Quit", "")
            }
            let marker = selected ? "▶ " : "  "
            let style: Style = selected ? .selected : .plain
            if selected { grid.fill(y: y, from: 2, to: frame.width - 2, style: style); frame.cursor = (2, y) }
            let used = grid.put(marker + label, x: 2, y: y, style: Style(style.role, bold: true, reverse: selected))
            if !detail.isEmpty {
                grid.put(DisplayText.truncated("  " + detail, toWidth: frame.width - 4 - used), x: 2 + used, y: y, style: Style(.muted, reverse: selected))
            }
            y += spacing
        }
        if showsProvenance {
            grid.paragraph(state.programme.provenance, x: 2, y: provenanceTop, width: frame.width - 4, lines: 4, style: .muted)
        }
        frame.keys = KeyTables.table(.home, in: state).bar
    }
}

enum SetupView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let form = state.setup
        let rehearsing = state.mode == .rehearsal
        frame.header(&grid, [state.programme.title, rehearsing ? "Set up a rehearsal" : "Set up a live session"])
        let session = state.programme.session(form.sessionID)
        let roleTitle = { (id: String) in state.programme.role(id)?.title ?? id }
        let oneToOne = session?.isOneToOne ?? false
        // One code field per facilitator slot of the session, labelled with its role's title.
        let slots: [(SetupForm.Field, String, String, Bool)] = form.slotRoles.enumerated().map { slot, role in
            (.facilitator(slot), roleTitle(role), form.facilitators[slot].text, true)
        }
        let rows: [(SetupForm.Field, String, String, Bool)] = [
            (.session, "Session", "‹ " + (session?.title ?? form.sessionID) + " ›", false),
            (.group, oneToOne ? "Group (optional)" : "Group code", form.group.text, true),
            (.site, "Site code", form.site.text, true),
        ] + slots + [
            (.participants, oneToOne ? "Participant" : "Participants", form.participants.text, true),
        ]
        // Rows two apart while they and the button fit as eight rows did at 24 lines; closer beyond.
        let spacing = 3 + rows.count * 2 + 2 <= frame.height - 3 ? 2 : 1
        var y = 3
        for (field, label, value, isText) in rows {
            let focused = form.focus == field
            let valueX = 24
            grid.put((focused ? "▶ " : "  ") + label, x: 1, y: y, style: focused ? Style(.accent, bold: true) : .plain, limit: valueX - 2)
            let shown = isText ? DisplayText.truncated(value, toWidth: frame.width - valueX - 2) : value
            grid.put(shown.isEmpty && isText ? "" : shown, x: valueX, y: y, style: focused ? Style(.normal, underline: true) : .plain)
            if focused, isText, let input = form.input(field) {
                frame.cursor = (min(frame.width - 1, valueX + input.cursorColumn), y)
            } else if focused {
                frame.cursor = (valueX, y)
            }
            y += spacing
        }
        if spacing == 1 { y += 1 }
        let start = form.focus == .start
        let button = rehearsing ? "[ Start the rehearsal ]" : "[ Start the session ]"
        grid.put((start ? "▶ " : "  ") + button, x: 1, y: y, style: start ? .selected : Style(.accent))
        if start { frame.cursor = (1, y) }
        y += 2
        if let problem = form.problem {
            grid.paragraph("✗ " + problem, x: 2, y: y, width: frame.width - 4, lines: 2, style: Style(.danger, bold: true))
            y += 3
        }
        if let session {
            // Facilitators typed in whom no trainer has signed off for this session here (a note
            // only), on a laptop that holds training records at all.
            let unsigned = rehearsing || state.signOffs.isEmpty ? [] : form.facilitators.map(\.text).filter {
                !$0.isEmpty && !(state.signOffs[Code.canonical($0)]?.contains(session.id) ?? false)
            }
            let activities = session.activities.count
            let note = "\(session.kind == .group ? "Group" : "One-to-one"), \(session.mode.rawValue), \(session.plannedMinutes) minutes, \(activities) \(activities == 1 ? "activity" : "activities"). "
                + (rehearsing ? "Sample codes are filled in; change any. Recorded as a rehearsal only, never as a live delivery."
                   : state.isUnreleasedContent ? "Content \(state.programme.version) is not a released version: this delivery is flagged as unreleased in the journal and reports."
                   : !unsigned.isEmpty ? "No trainer's sign-off for \(session.id) is recorded on this laptop for \(unsigned.joined(separator: ", ")) (a note: iwotch report training)."
                   : oneToOne ? "Codes only: no names. One participant; the group code may be left empty (recorded as \(SetupForm.noGroup))."
                   : "Codes only: no names. Participants: codes separated by spaces; a known group's are filled in.")
            grid.paragraph(note, x: 2, y: y, width: frame.width - 4, lines: 2, style: .muted)
        }
        frame.keys = KeyTables.table(.setup, in: state).bar
    }
}

enum HelpView {
    /// The keys of the screen help was opened from, from its key table.
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let table = KeyTables.helped(state)
        frame.header(&grid, [state.programme.title, "Help", table.title])
        let bindings = table.bindings
        let widest = bindings.map { DisplayText.width($0.keyText) }.max() ?? 0
        // Meanings in a column after the keys; keys too wide for it take a row of their own.
        let column = min(27, widest + 4)
        let bottom = frame.bottom - (table.footnote.isEmpty ? 0 : 2)
        var y = 3
        for binding in bindings where y <= bottom {
            grid.put(binding.keyText, x: 2, y: y, style: Style(.accent, bold: true), limit: frame.width - 4)
            if DisplayText.width(binding.keyText) > column - 3 { y += 1 }
            guard y <= bottom else { break }
            y += grid.paragraph(binding.help, x: column, y: y, width: frame.width - column - 1, lines: min(2, bottom - y + 1))
        }
        y += 1
        if !table.footnote.isEmpty {
            grid.paragraph(table.footnote, x: 2, y: y, width: frame.width - 4, lines: max(0, frame.height - 3 - y), style: .muted)
        }
        frame.keys = KeyTables.helpScreen().bar
    }
}
