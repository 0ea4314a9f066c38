import DisplayText
import Foundation
import Programme
import SessionEngine

/// The manual browser: the sessions, one session's agenda, one item in full, and search results.
/// Every list marks its chosen line with ▶ as well as the highlight.
enum BrowserView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let browser = state.browser
        let programme = state.programme
        switch browser.level {
        case .sessions:
            frame.header(&grid, [programme.title, "Manual"])
            sessions(&grid, &frame)
        case .items:
            frame.header(&grid, [programme.title, "Manual", browser.chosenSession(programme)?.title ?? ""])
            items(&grid, &frame)
        case .detail:
            frame.header(&grid, [programme.title, "Manual", browser.chosenSession(programme)?.title ?? "",
                                 browser.chosenItem(programme)?.title ?? ""])
            detail(&grid, &frame)
        case .search:
            frame.header(&grid, [programme.title, "Manual", "Search"])
            search(&grid, &frame)
        }
    }

    /// Where a list of `count` rows starts so that `selection` is in a window of `rows`.
    static func windowStart(selection: Int, count: Int, rows: Int) -> Int {
        max(0, min(selection - rows / 2, count - rows))
    }

    static func sessions(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let sessions = state.programme.sessions
        let width = frame.width
        let (kindX, modeX, minutesX, itemsX) = (width - 35, width - 24, width - 11, width - 5)
        let heading = Style(.accent, bold: true)
        grid.put("  Session", x: 0, y: 2, style: heading)
        grid.put("Kind", x: kindX, y: 2, style: heading)
        grid.put("Mode", x: modeX, y: 2, style: heading)
        grid.put("Min", x: minutesX + 1, y: 2, style: heading)
        grid.put("Items", x: itemsX, y: 2, style: heading)
        // The chosen session's whole title and summary sit below the list.
        let summaryRows = 4
        let rows = max(1, frame.bottom - 3 - summaryRows)
        let first = windowStart(selection: state.browser.session, count: sessions.count, rows: rows)
        var y = 3
        for (index, session) in sessions.enumerated().dropFirst(first).prefix(rows) {
            let selected = index == state.browser.session
            let style: Style = selected ? .selected : .plain
            if selected { grid.fill(y: y, style: style); frame.cursor = (0, y) }
            grid.put((selected ? "▶ " : "  ") + DisplayText.truncated(session.title, toWidth: kindX - 3), x: 0, y: y, style: style)
            grid.put(session.kind.rawValue, x: kindX, y: y, style: style)
            grid.put(session.mode.rawValue, x: modeX, y: y, style: style)
            grid.put(pad(session.plannedMinutes, 4), x: minutesX, y: y, style: style)
            grid.put(pad(session.agenda.count, 5), x: itemsX, y: y, style: style)
            y += 1
        }
        if let session = state.browser.chosenSession(state.programme) {
            let top = frame.bottom - summaryRows + 1
            grid.put(DisplayText.truncated(session.title, toWidth: width - 4), x: 2, y: top, style: .title)
            grid.paragraph(session.summary, x: 2, y: top + 1, width: width - 4, lines: summaryRows - 1, style: .muted)
        }
        frame.keys = KeyTables.table(.browse, in: frame.state).bar
    }

    static func items(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let session = state.browser.chosenSession(state.programme) else { return }
        let width = frame.width
        // The lead column holds a role's title (up to 30 columns; cut with … when narrower).
        let (kindX, minutesX, leadX, checksX) = (width - 41, width - 32, width - 26, width - 7)
        let heading = Style(.accent, bold: true)
        grid.put("   #  Item", x: 0, y: 2, style: heading)
        grid.put("Kind", x: kindX, y: 2, style: heading)
        grid.put("Min", x: minutesX, y: 2, style: heading)
        grid.put("Lead", x: leadX, y: 2, style: heading)
        grid.put("Checks", x: checksX, y: 2, style: heading)
        let rows = frame.bottom - 2
        let first = windowStart(selection: state.browser.item, count: session.agenda.count, rows: rows)
        var y = 3
        for (index, item) in session.agenda.enumerated().dropFirst(first).prefix(rows) {
            let selected = index == state.browser.item
            let style: Style = selected ? .selected : item.kind == .activity ? .plain : .muted
            if selected { grid.fill(y: y, style: style); frame.cursor = (0, y) }
            grid.put((selected ? "▶" : " ") + pad(index + 1, 3) + "  " + DisplayText.truncated(item.title, toWidth: kindX - 7), x: 0, y: y, style: style)
            grid.put(item.kind.rawValue, x: kindX, y: y, style: style)
            grid.put(pad(item.minutes, 3), x: minutesX, y: y, style: style)
            grid.put(DisplayText.truncated(leadWords(item, state.programme), toWidth: checksX - leadX - 1), x: leadX, y: y, style: style)
            if !item.fidelity.isEmpty { grid.put(pad(item.fidelity.count, 3), x: checksX + 1, y: y, style: style) }
            y += 1
        }
        frame.keys = KeyTables.table(.browse, in: frame.state).bar
    }

    /// The lead's role title; "both" or "all 3" when several lead together (the item's page names them).
    static func leadWords(_ item: Activity, _ programme: Programme) -> String {
        guard item.lead.count < 2 else { return item.lead.count == 2 ? "both" : "all \(item.lead.count)" }
        return item.lead.first.map { programme.role($0)?.title ?? $0 } ?? ""
    }

    static func detail(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        guard let page = state.browser.page(state.programme, width: frame.width) else { return }
        let rows = frame.bottom - frame.top + 1
        let scroll = min(state.browser.scroll, max(0, page.lines.count - rows))
        let hit = state.browser.shownHit.flatMap { hit in
            hit.activity == state.browser.chosenItem(state.programme)?.id ? hit : nil
        }
        let needle = hit.map { Array(String($0.text.dropFirst($0.match.lowerBound).prefix($0.match.count))) }
        var y = frame.top
        var firstHitRow: Int?
        for line in page.lines.dropFirst(scroll).prefix(rows) {
            let marked = hit != nil && line.field == hit?.field
            let base: Style = switch line.kind {
            case .title: .title
            case .meta: .muted
            case .heading: Style(.accent, bold: true)
            case .text, .gap: .plain
            }
            if marked {
                // The hit's rows: highlighted, with ▶ on the first, and the found text underlined.
                grid.fill(y: y, style: Style(.normal, reverse: true))
                // Text rows are indented, so ▶ takes the first space; a title moves over for it.
                let shown = firstHitRow != nil ? line.text
                    : line.kind == .text ? "▶" + line.text.dropFirst() : DisplayText.truncated("▶ " + line.text, toWidth: frame.width)
                grid.put(shown, x: 0, y: y, style: Style(base.role, bold: true, reverse: true))
                if let needle { underline(&grid, row: shown, needle: needle, y: y) }
                if firstHitRow == nil { firstHitRow = y }
            } else {
                grid.put(line.text, x: 0, y: y, style: base)
            }
            y += 1
        }
        frame.cursor = (0, firstHitRow ?? frame.top)
        // Where the reader is in a long item, when nothing more pressing is on the status line.
        if state.status == nil && state.contentProblems.isEmpty && page.lines.count > rows {
            let last = min(page.lines.count, scroll + rows)
            let more = last < page.lines.count ? ": PgDn for more" : ""
            grid.put("Rows \(scroll + 1)-\(last) of \(page.lines.count)\(more)", x: 0, y: frame.height - 2, style: Style(.accent))
        }
        frame.keys = KeyTables.table(.browse, in: frame.state).bar
    }

    static func search(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        let browser = state.browser
        let label = "Search: "
        grid.put(label, x: 0, y: 2, style: Style(.accent, bold: true))
        // Keep the end of a long search text in view.
        let room = frame.width - DisplayText.width(label) - 1
        var shown = browser.query.text
        while DisplayText.width(shown) > room { shown = String(shown.dropFirst()) }
        grid.put(shown, x: DisplayText.width(label), y: 2, style: Style(.normal, underline: true))
        frame.cursor = (min(frame.width - 1, DisplayText.width(label) + DisplayText.width(shown)
                                - (browser.query.characters.count - browser.query.cursor)), 2)
        let query = browser.query.text.trimmingCharacters(in: .whitespaces)
        let hits = browser.hits
        let count = query.isEmpty ? "Type to search titles, aims, steps, key messages, materials and fidelity items; case and accents are ignored."
            : hits.isEmpty ? "No hits for “\(query)”." : "\(hits.count) \(hits.count == 1 ? "hit" : "hits") for “\(query)” (case and accents ignored)"
        grid.put(DisplayText.truncated(count, toWidth: frame.width), x: 0, y: 3, style: .muted)
        let rows = max(1, (frame.bottom - 4 + 1) / 2)
        let first = windowStart(selection: browser.hitIndex, count: hits.count, rows: rows)
        var y = 4
        for (index, hit) in hits.enumerated().dropFirst(first).prefix(rows) {
            let selected = index == browser.hitIndex
            let style: Style = selected ? .selected : .plain
            if selected {
                grid.fill(y: y, style: style)
                grid.fill(y: y + 1, style: style)
            }
            let place = [hit.sessionTitle, hit.activityTitle].compactMap { $0 }.joined(separator: " › ")
            grid.put((selected ? "▶ " : "  ") + DisplayText.truncated(place, toWidth: frame.width - 2), x: 0, y: y,
                     style: Style(style.role, bold: true, reverse: selected))
            snippet(&grid, hit, x: 4, y: y + 1, width: frame.width - 4, style: style)
            y += 2
        }
        frame.keys = KeyTables.table(.browse, in: frame.state).bar
    }

    /// "step 3: …the words around the match…", with the match underlined and in bold, and as much
    /// of the line before it as fits so the match is never cut off.
    static func snippet(_ grid: inout Grid, _ hit: ManualHit, x: Int, y: Int, width: Int, style: Style) {
        let characters = Array(hit.text)
        let lower = min(hit.match.lowerBound, characters.count), upper = min(hit.match.upperBound, characters.count)
        var before = DisplayText.sanitised(String(characters[..<lower]))
        let match = DisplayText.sanitised(String(characters[lower..<upper]))
        let after = DisplayText.sanitised(String(characters[upper...]))
        let label = hit.field.label + ": "
        // Context before the match: at most a third of the row, cut at the front with "…".
        let context = max(8, width / 3)
        if DisplayText.width(label + before + match) > width, DisplayText.width(before) > context {
            while DisplayText.width(before) > context - 1 { before = String(before.dropFirst()) }
            before = "…" + before
        }
        var used = grid.put(label + before, x: x, y: y, style: Style(.muted, reverse: style.reverse), limit: width)
        used += grid.put(match, x: x + used, y: y, style: Style(style.role, bold: true, reverse: style.reverse, underline: true), limit: width - used)
        grid.put(DisplayText.truncated(after, toWidth: max(0, width - used)), x: x + used, y: y, style: style, limit: width - used)
    }

    /// Underlines the first place the found text sits in a drawn row (the row as drawn from x 0).
    static func underline(_ grid: inout Grid, row: String, needle: [Character], y: Int) {
        let folded = row.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let target = String(needle).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard !target.isEmpty, folded.count == row.count, let range = folded.range(of: target) else { return }
        let start = DisplayText.width(String(row.prefix(folded.distance(from: folded.startIndex, to: range.lowerBound))))
        let cells = DisplayText.width(String(row[row.index(row.startIndex, offsetBy: folded.distance(from: folded.startIndex, to: range.lowerBound))...].prefix(target.count)))
        for column in start..<min(grid.width, start + cells) { grid[column, y].style.underline = true }
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
