import Backend
import DisplayText
import ConsoleInput
import SessionEngine
import Views
#if canImport(Glibc)
import Glibc
#endif

/// `iwotch keys`' loop: the keys screen, with the last keys received named, on any backend.
@MainActor
public enum KeysCheck {
    public nonisolated static let remembered = 10

    /// Runs until q (nil) or a stop signal (its number). Waits for keys without a timeout, so a
    /// frame is drawn only after an input.
    public static func run(on backend: some TerminalBackend, keys: KeyMap = .standard, source: String? = nil) -> Int32? {
        var recent: [Key] = []
        while true {
            let (width, height) = backend.size
            backend.draw(KeysScreen.grid(recent: recent, width: width, height: height, colour: backend.usesColour, keys: keys, source: source))
            switch backend.read(timeout: -1) {
            case .key(.character("q")): return nil
            case .key(let key): recent = Array(([key] + recent).prefix(remembered))
            case .interrupted(let signal): return signal
            case .resize, .tick: continue
            }
        }
    }

    public nonisolated static func stopSentence(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "Stopped by Ctrl-C (SIGINT); the terminal is restored."
        case SIGTERM: "Stopped by a request to terminate (SIGTERM); the terminal is restored."
        case SIGHUP: "Stopped because the terminal closed (SIGHUP)."
        default: "Stopped by signal \(signal); the terminal is restored."
        }
    }
}

/// The keys screen as a grid: pure, so it can be checked without a terminal.
public enum KeysScreen {
    public static let minimum = (width: 40, height: 10)

    public static func grid(recent: [Key], width: Int, height: Int, colour: Bool, keys: KeyMap = .standard, source: String? = nil) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= minimum.width, height >= minimum.height else {
            let message = "Enlarge the window"
            let x = max(0, (width - DisplayText.width(message)) / 2)
            grid.put(message, x: x, y: height / 2, style: .title)
            grid.cursor = (x, height / 2)
            return grid
        }
        centre("Clicker and keyboard check", in: &grid, y: 0, style: .title)

        // Body: hint, blank, keys, blank, status, centred in the rows between title and key bar.
        let available = height - 2
        let listRows = max(1, min(KeysCheck.remembered, available - 4))
        let shown = Array(recent.prefix(listRows))
        // Room for the whole list from the start, so the screen does not shift as keys arrive.
        let bodyHeight = 4 + listRows
        var y = 1 + max(0, (available - bodyHeight) / 2)
        centre("Press any key or clicker button.", in: &grid, y: y)
        y += 2

        let lines = shown.map { (name: name(of: $0), action: action(of: $0, keys: keys)) }
        let columnWidth = lines.map { DisplayText.width($0.name) + ($0.action.map { 3 + DisplayText.width($0) } ?? 0) }.max() ?? 0
        // A steady column wide enough for the usual names ("› Right arrow — next"), so it does not jump.
        let listX = max(0, (width - max(columnWidth + 2, 22)) / 2)
        let listTop = y
        if lines.isEmpty {
            grid.put("No keys yet.", x: listX, y: y, style: .muted)
            grid.cursor = (listX, y)
        }
        for (index, line) in lines.enumerated() {
            // The newest key is marked and bold; the hardware cursor sits on it for screen readers.
            let style = index == 0 ? Style(.normal, bold: true) : .plain
            var x = listX
            x += grid.put(index == 0 ? "› " : "  ", x: x, y: y, style: style)
            x += grid.put(line.name, x: x, y: y, style: style)
            if let action = line.action {
                x += grid.put(" — ", x: x, y: y, style: style)
                grid.put(action, x: x, y: y, style: Style(.accent, bold: index == 0))
            }
            if index == 0 { grid.cursor = (listX + 2, y) }
            y += 1
        }
        y = listTop + listRows + 1
        let status = "Terminal \(width)x\(height) · colour "
        let statusX = max(0, (width - DisplayText.width(status + (colour ? "on" : "off"))) / 2)
        let used = grid.put(status, x: statusX, y: y)
        grid.put(colour ? "on" : "off", x: statusX + used, y: y, style: colour ? Style(.ok) : .plain)

        // Whose keys these are: the file's, when there is one.
        if let source, y + 1 < height - 1 {
            centre(DisplayText.truncated("Keys from " + DisplayText.sanitised(source), toWidth: width), in: &grid, y: y + 1, style: .muted)
        }
        grid.fill(y: height - 1, style: .bar)
        grid.put(" q quit", x: 0, y: height - 1, style: .bar)
        return grid
    }

    private static func centre(_ text: String, in grid: inout Grid, y: Int, style: Style = .plain) {
        grid.put(text, x: max(0, (grid.width - DisplayText.width(text)) / 2), y: y, style: style)
    }

    /// What a facilitator would call the key.
    public static func name(of key: Key) -> String { key.names.long }

    /// What the key does during a live session, as the walk-through's key table says (clickers
    /// send PgDn/PgUp, arrows or space, which step); nil for a key that does nothing there.
    public static func action(of key: Key, keys: KeyMap = .standard) -> String? {
        keys.apply(session).binding(for: key)?.action
    }

    static let session = KeyTables.walkthrough(mode: .live, paused: false)
}
