import DisplayText
import Foundation
import Journal
import SessionEngine

enum HomeView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        frame.header(&grid, ["iwotch", state.programme.title + " " + state.programme.version])
        grid.put("What would you like to do?", x: 2, y: 3, style: .title)
        var y = 5
        for (index, item) in Home.items(state).enumerated() {
            let selected = index == state.homeSelection
            let (label, detail): (String, String) = switch item {
            case .resume(let d): ("Resume \(d.title), group \(d.group)",
                                  "last entry " + DeliveryID.localDate(d.lastEvent, offsetMinutes: state.utcOffsetMinutes) + " " + Clock.local(d.lastEvent, offsetMinutes: state.utcOffsetMinutes))
            case .run: ("Run a live session", "set up a delivery: session, group, facilitators, register")
            case .rehearse: ("Rehearse", "arrives in a later version")
            case .browse: ("Browse the manual", "arrives in a later version")
            case .audit: ("Audit", "arrives in a later version")
            case .quit: ("Quit", "")
            }
            let marker = selected ? "▶ " : "  "
            let style: Style = selected ? .selected : item.isAvailable ? .plain : .muted
            if selected { grid.fill(y: y, from: 2, to: frame.width - 2, style: style); frame.cursor = (2, y) }
            let used = grid.put(marker + label, x: 2, y: y, style: Style(style.role, bold: item.isAvailable, reverse: selected))
            if !detail.isEmpty {
                grid.put(DisplayText.truncated("  " + detail, toWidth: frame.width - 4 - used), x: 2 + used, y: y, style: Style(.muted, reverse: selected))
            }
            y += 2
        }
        grid.paragraph(state.programme.provenance, x: 2, y: frame.height - 7, width: frame.width - 4, lines: 4, style: .muted)
        frame.keys = [("↑↓", "choose"), ("Enter", "open"), ("?", "help"), ("q", "quit")]
    }
}

enum SetupView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let form = state.setup
        frame.header(&grid, [state.programme.title, "Set up a live session"])
        let session = state.programme.session(form.sessionID)
        let roleTitle = { (id: String) in state.programme.role(id)?.title ?? id }
        let rows: [(SetupForm.Field, String, String, Bool)] = [
            (.session, "Session", "‹ " + (session?.title ?? form.sessionID) + " ›", false),
            (.group, "Group code", form.group.text, true),
            (.site, "Site code", form.site.text, true),
            (.facilitator1, "Facilitator 1 code", form.facilitator1.text, true),
            (.role1, "  role", "‹ " + roleTitle(form.role1ID) + " ›", false),
            (.facilitator2, "Facilitator 2 code", form.facilitator2.text, true),
            (.role2, "  role", "‹ " + roleTitle(form.role2ID) + " ›", false),
            (.participants, "Participants", form.participants.text, true),
        ]
        var y = 3
        for (field, label, value, isText) in rows {
            let focused = form.focus == field
            grid.put((focused ? "▶ " : "  ") + label, x: 1, y: y, style: focused ? Style(.accent, bold: true) : .plain)
            let valueX = 24
            let shown = isText ? DisplayText.truncated(value, toWidth: frame.width - valueX - 2) : value
            grid.put(shown.isEmpty && isText ? "" : shown, x: valueX, y: y, style: focused ? Style(.normal, underline: true) : .plain)
            if focused && isText {
                let input: TextInput = switch field {
                case .group: form.group
                case .site: form.site
                case .facilitator1: form.facilitator1
                case .facilitator2: form.facilitator2
                default: form.participants
                }
                frame.cursor = (min(frame.width - 1, valueX + input.cursorColumn), y)
            } else if focused {
                frame.cursor = (valueX, y)
            }
            y += 2
        }
        let start = form.focus == .start
        grid.put(start ? "▶ [ Start the session ]" : "  [ Start the session ]", x: 1, y: y, style: start ? .selected : Style(.accent))
        if start { frame.cursor = (1, y) }
        y += 2
        if let problem = form.problem {
            grid.paragraph("✗ " + problem, x: 2, y: y, width: frame.width - 4, lines: 2, style: Style(.danger, bold: true))
            y += 3
        }
        if let session {
            let note = "\(session.kind == .group ? "Group" : "One-to-one"), \(session.mode.rawValue), \(session.plannedMinutes) minutes, \(session.activities.count) activities. Codes only: no names. Participants: codes separated by spaces; a known group's are filled in."
            grid.paragraph(note, x: 2, y: y, width: frame.width - 4, lines: 2, style: .muted)
        }
        frame.keys = [("Tab/↓", "next field"), ("←→", "change choice"), ("Enter", "next / start"), ("Esc", "back")]
    }
}

enum HelpView {
    static let lines: [(String, String)] = [
        ("→  ↓  PgDn  Space  Enter", "next step; at the last step, press again to move on"),
        ("←  ↑  PgUp", "previous step"),
        ("a", "attendance register: p present, l late, e left early, x absent, w walk-in"),
        ("f", "fidelity checklist: 1-4 rate, b who delivered, m adaptation"),
        ("n", "add a note (no names, NHS numbers, phone numbers or emails)"),
        ("g", "agenda: jump to any item, f to rate it"),
        ("p", "pause or resume the timers"),
        ("c", "close the session: summary and sign-off"),
        ("Esc", "back out of any screen or question (on the live screen it asks whether to leave)"),
        ("q", "leave (asks first during a live session; everything is saved)"),
        ("?", "this help; any key returns"),
    ]

    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        frame.header(&grid, [frame.state.programme.title, "Help"])
        var y = 3
        for (keys, meaning) in lines {
            grid.put(keys, x: 2, y: y, style: Style(.accent, bold: true))
            y += grid.paragraph(meaning, x: 27, y: y, width: frame.width - 28, lines: 2)
        }
        y += 1
        grid.paragraph("Entries are saved as you make them; after a crash, run iwotch to resume.",
                       x: 2, y: y, width: frame.width - 4, lines: max(0, frame.height - 3 - y), style: .muted)
        frame.keys = [("any key", "back")]
    }
}
