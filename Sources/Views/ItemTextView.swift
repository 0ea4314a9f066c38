import DisplayText
import Foundation
import Programme
import SessionEngine

/// The current item in full over the walk-through: the manual's page of it (title, kind and lead,
/// where it came from, aims, every step, key messages, materials, checklist), scrolled, with the
/// running step marked so the facilitator finds their place.
enum ItemTextView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let state = frame.state
        // Which item, before the session's title: a long title is cut, never the words that say
        // this is the item in full.
        let position = state.currentIndex.map { "Item \($0 + 1) of \(state.agenda.count) in full" } ?? "In full"
        frame.header(&grid, [state.programme.title, position, state.delivery?.opened?.session.title ?? ""])
        frame.keys = KeyTables.table(for: state).bar
        guard let page = ItemText.page(state, width: frame.width) else {
            grid.put("No item is running.", x: 0, y: frame.top, style: .muted)
            return
        }
        let rows = frame.bottom - frame.top + 1
        let scroll = min(state.itemTextScroll, max(0, page.lines.count - rows))
        let current = state.delivery?.currentStep ?? 0
        var y = frame.top
        for line in page.lines.dropFirst(scroll).prefix(rows) {
            let style = PageStyle.of(line)
            // The step on screen in the room, so the reader finds where the session is.
            if line.field == .step(current) {
                grid.fill(y: y, style: Style(.normal, reverse: true))
                grid.put(line.text, x: 0, y: y, style: Style(style.role, bold: true, reverse: true))
            } else {
                grid.put(line.text, x: 0, y: y, style: style)
            }
            y += 1
        }
        frame.cursor = (0, frame.top)
        if state.status == nil && state.contentProblems.isEmpty && page.lines.count > rows {
            let last = min(page.lines.count, scroll + rows)
            let more = last < page.lines.count ? ": PgDn for more" : ""
            frame.statusOverride = "Rows \(scroll + 1)-\(last) of \(page.lines.count)\(more)"
        }
    }
}

/// How a manual page's rows are styled, in the browser and over the walk-through alike.
enum PageStyle {
    static func of(_ line: ManualPage.Line) -> Style {
        switch line.kind {
        case .title: .title
        case .meta: .muted
        case .heading: Style(.accent, bold: true)
        case .text, .gap: .plain
        }
    }
}
