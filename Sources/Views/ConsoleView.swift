import DeliveryFacts
import DisplayText
import Foundation
import Journal
import SessionEngine

/// The whole console as a pure function: (state, size, now) -> grid.
public enum ConsoleView {
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public static func render(_ state: ConsoleState, width: Int, height: Int, now: Date) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            TooSmall.draw(&grid)
            return grid
        }
        var frame = Frame(state: state, now: now, width: width, height: height)
        switch state.screen {
        case .home: HomeView.draw(&grid, &frame)
        case .setup: SetupView.draw(&grid, &frame)
        case .walkthrough: WalkthroughView.draw(&grid, &frame)
        case .note: WalkthroughView.draw(&grid, &frame); NoteView.draw(&grid, &frame)
        case .register: RegisterView.draw(&grid, &frame)
        case .checklist: ChecklistView.draw(&grid, &frame)
        case .agenda: AgendaView.draw(&grid, &frame)
        case .itemText: ItemTextView.draw(&grid, &frame)
        case .close: CloseView.draw(&grid, &frame)
        case .help: HelpView.draw(&grid, &frame)
        case .browse: BrowserView.draw(&grid, &frame)
        case .timing: TimingView.draw(&grid, &frame)
        case .audit: AuditView.draw(&grid, &frame)
        }
        if let dialog = state.dialog { DialogView.draw(&grid, &frame, dialog) }
        frame.finish(&grid)
        return grid
    }
}

/// What every screen shares: the header with mode and breadcrumb and the clock, the status line
/// and the key bar. Screens fill the rows between.
struct Frame {
    let state: ConsoleState
    let now: Date
    let width: Int
    let height: Int
    var keys: [(String, String)] = []
    var cursor: (x: Int, y: Int)?
    /// Where the reader is in a long page, said on the status line when nothing else is.
    var statusOverride: String?
    /// The screen left the row above the status line for a second row of keys, if they need it.
    var wrapsKeys = false

    init(state: ConsoleState, now: Date, width: Int, height: Int) {
        self.state = state
        self.now = now
        self.width = width
        self.height = height
    }

    /// First body row and last body row (inclusive).
    var top: Int { 2 }
    var bottom: Int { height - 3 }

    /// Clock times read as they did in the room: in the offset the delivery opened with.
    var offset: Int { state.delivery?.openingOffset ?? state.utcOffsetMinutes }

    func header(_ grid: inout Grid, _ crumbs: [String]) {
        let mode = state.mode == .live ? " LIVE " : " REHEARSAL "
        var x = 0
        // The audit shows the live record whichever mode the console is in: no mode banner over it.
        if state.screen.kind != .audit && (state.delivery != nil || state.mode == .rehearsal) {
            x = grid.put(mode, x: 0, y: 0, style: Style(.banner, bold: true, reverse: true)) + 1
        }
        // Live work on content that is not a released version says so on every screen: the
        // delivery's own flag once it is open, else the loaded content's (ReleaseLock).
        if state.mode == .live && state.screen.kind != .audit && state.isUnreleasedContent {
            x += grid.put(" UNRELEASED ", x: x, y: 0, style: Style(.warning, bold: true, reverse: true)) + 1
        }
        let clock = Clock.local(now, offsetMinutes: offset)
        let crumb = crumbs.joined(separator: " › ")
        grid.put(DisplayText.truncated(crumb, toWidth: width - x - clock.count - 2), x: x, y: 0, style: .title)
        grid.put(clock, x: width - clock.count, y: 0, style: .title)
        grid.put(String(repeating: "─", count: width), x: 0, y: 1, style: .muted)
    }

    func finish(_ grid: inout Grid) {
        // Status line: the last thing saved, or a problem, never silence about saving. It sits
        // just above the key bar.
        let (rows, gap) = Frame.barLayout(keys, width: width, wraps: wrapsKeys)
        let y = height - 1 - rows.count
        if !state.contentProblems.isEmpty {
            ContentProblemsView.draw(&grid, state.contentProblems, bottom: y, width: width)
        } else if state.screen.kind == .walkthrough, state.advanceArmed, let next = state.nextToRun {
            let hint = "Last step. Press again to move on to: " + state.agenda[next].title
            grid.put(DisplayText.truncated(hint, toWidth: width), x: 0, y: y, style: Style(.warning, bold: true))
        } else if state.agendaRerunAsked, state.agenda.indices.contains(state.agendaSelection) {
            let item = state.agenda[state.agendaSelection]
            let ran = state.delivery.map { Minutes.whole($0.seconds(of: item.id, until: now)) } ?? 0
            let step = (state.delivery?.steps[item.id] ?? 0) + 1
            let question = "“\(item.title)” already ran (\(ran) min). Enter again runs it again, from step \(step); its time adds to the first run."
            grid.fill(y: y - 1, style: .plain)
            grid.paragraph(question, x: 0, y: y - 1, width: width, lines: 2, style: Style(.warning, bold: true))
        } else if case .checklist(let checklist) = state.screen, let change = checklist.pendingChange,
                  let question = ChecklistView.question(change, state) {
            // A change to a rating asks before it is written: the question may take two rows.
            grid.fill(y: y - 1, style: .plain)
            grid.paragraph(question, x: 0, y: y - 1, width: width, lines: 2, style: Style(.warning, bold: true))
        } else if let status = state.status {
            let style: Style = switch status.kind {
            case .saved: Style(.ok)
            case .info: Style(.accent)
            case .problem: Style(.danger, bold: true)
            }
            // A problem keeps its advice: it may take the row above the status line too.
            let lines = DisplayText.wrap(DisplayText.sanitised(status.text), width: width)
            if status.kind == .problem && lines.count > 1 {
                grid.fill(y: y - 1, style: .plain)
                grid.paragraph(status.text, x: 0, y: y - 1, width: width, lines: 2, style: style)
            } else {
                // The row may hold a screen's own text (the set-up form's hints): none of it may show past the status.
                grid.fill(y: y, style: .plain)
                grid.put(DisplayText.truncated(status.text, toWidth: width), x: 0, y: y, style: style)
            }
        } else if state.screen.kind == .close && !state.signoffs.isEmpty {
            let what = state.mode == .rehearsal ? "rehearsal" : "delivery"
            grid.put("Sign-offs are saved when you press Enter to close the \(what).", x: 0, y: y, style: Style(.accent))
        } else if let statusOverride {
            grid.put(DisplayText.truncated(statusOverride, toWidth: width), x: 0, y: y, style: Style(.accent))
        } else if state.delivery != nil {
            grid.put("✓ Every entry so far is saved to disk.", x: 0, y: y, style: Style(.ok))
        }
        // Key bar on every screen: one row, or two where the screen left room for them.
        for (offset, row) in rows.enumerated() {
            let barY = height - rows.count + offset
            grid.fill(y: barY, style: .bar)
            var x = 0
            for (key, label) in row {
                if x > 0 { x += gap }
                x += grid.put(key, x: x, y: barY, style: Style(.normal, bold: true, reverse: true))
                x += grid.put(" " + label, x: x, y: barY, style: .bar)
            }
        }
        grid.cursor = cursor
    }

    /// The key bar laid out in rows of `width`: a screen whose keys need two rows says so
    /// (`wrapsKeys`) and leaves the row above the status line for them; any other keeps one row
    /// and shows the keys that fit.
    /// Keys are two spaces apart, or one where that lets them all fit on one row (the keys
    /// stand out in reverse, so one space still parts them).
    static func barLayout(_ keys: [(String, String)], width: Int, wraps: Bool = false) -> (rows: [[(String, String)]], gap: Int) {
        let total = keys.reduce(0) { $0 + DisplayText.width($1.0 + " " + $1.1) }
        if total + 2 * max(0, keys.count - 1) <= width { return ([keys], 2) }
        if total + max(0, keys.count - 1) <= width { return ([keys], 1) }
        var rows: [[(String, String)]] = [[]]
        var x = 0
        for (key, label) in keys {
            let text = DisplayText.width(key + " " + label)
            let needed = text + (x > 0 ? 2 : 0)
            if x + needed > width {
                guard wraps, rows.count < 2 else { break }
                rows.append([])
                x = 0
            }
            x += (x > 0 ? 2 : 0) + text
            rows[rows.count - 1].append((key, label))
        }
        return (rows, 2)
    }

    static func barRows(_ keys: [(String, String)], width: Int, wraps: Bool = false) -> [[(String, String)]] {
        barLayout(keys, width: width, wraps: wraps).rows
    }
}

/// Edited content that failed the checker: said on the rows above the key bar until it is fixed,
/// with the checker's first errors, while the last good content stays on screen.
enum ContentProblemsView {
    static func draw(_ grid: inout Grid, _ problems: [ContentProblem], bottom: Int, width: Int) {
        let count = problems.count
        let heading = "✗ The content has \(count == 1 ? "an error" : "\(count) errors"); still showing the last good version:"
        // The first two are enough to start fixing; the heading says how many there are.
        let rows = [heading] + problems.prefix(2).map { "  " + $0.text }
        let top = bottom - rows.count + 1
        for (index, row) in rows.enumerated() {
            grid.fill(y: top + index, style: .plain)
            grid.put(DisplayText.truncated(row, toWidth: width), x: 0, y: top + index, style: Style(.danger, bold: index == 0))
        }
    }
}

enum TooSmall {
    static func draw(_ grid: inout Grid) {
        let lines = ["Enlarge the window", "iwotch needs at least 80 × 24", "(now \(grid.width) × \(grid.height))", "q quits"]
        let top = max(0, (grid.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (grid.width - DisplayText.width(line)) / 2)
            grid.put(line, x: x, y: top + index, style: index == 0 ? .title : .plain)
        }
    }
}
