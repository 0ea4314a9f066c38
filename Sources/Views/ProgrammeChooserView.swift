import DisplayText

/// One programme the console can open, as the chooser lists it.
public struct ProgrammeChoice: Sendable, Equatable {
    public var title: String
    /// Id, version and folder, or what is wrong with it.
    public var detail: String
    public init(title: String, detail: String) { self.title = title; self.detail = detail }
}

/// The screen `iwotch` opens with when the content location holds several programmes: a numbered
/// list, the chosen one highlighted, and the keys a keyboard or a presenter clicker offers.
public enum ProgrammeChooserView {
    public static func render(_ choices: [ProgrammeChoice], selection: Int, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        grid.put("Choose a programme", x: 1, y: 0, style: .title)
        grid.fill(y: 1, style: .plain)
        grid.put(String(repeating: "─", count: width), x: 0, y: 1, style: .muted)
        // Two rows a programme, scrolled so the chosen one is always in view.
        let rows = max(1, (height - 5) / 2)
        let first = max(0, min(selection - rows + 1, choices.count - rows))
        var y = 3
        for (index, choice) in choices.enumerated().dropFirst(first).prefix(rows) {
            let chosen = index == selection
            let marker = chosen ? "▶ " : "  "
            let number = index < 9 ? "\(index + 1). " : "   "
            if chosen { grid.fill(y: y, style: .selected) }
            grid.put(marker + number + choice.title, x: 1, y: y, style: chosen ? .selected : .plain, limit: width - 2)
            grid.put(DisplayText.truncated(choice.detail, toWidth: max(0, width - 8)), x: 6, y: y + 1, style: .muted)
            y += 2
        }
        grid.put("↑↓/PgUp PgDn choose  1-9 pick  Enter open  q quit", x: 0, y: height - 1, style: .bar, limit: width)
        grid.fill(y: height - 1, from: DisplayText.width("↑↓/PgUp PgDn choose  1-9 pick  Enter open  q quit"), style: .bar)
        grid.cursor = (1, 3 + 2 * (selection - first))
        return grid
    }
}
