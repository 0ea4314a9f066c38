import ConsoleInput
import Views

/// One thing the terminal reports to the frame loop.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    /// The terminal changed size; the next `draw` repaints everything.
    case resize(width: Int, height: Int)
    /// SIGINT (Ctrl-C), SIGTERM or SIGHUP arrived. Each signal is reported once.
    case interrupted(signal: Int32)
    /// The timeout passed with nothing else to report: the clocks move on.
    case tick
}

/// What the frame loops need of a terminal: its size, drawing a whole grid, the next input, and
/// where the cursor was left. How a grid reaches the screen (only the rows that changed, for
/// ncurses) is the backend's business. `TerminalScreen` (ncurses) and `TestBackend` (in memory)
/// implement it.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// Columns and rows as the terminal has them now.
    var size: (width: Int, height: Int) { get }
    /// Whether roles are drawn in colour.
    var usesColour: Bool { get }
    /// Where the last draw left the hardware cursor (the grid's cursor, when on screen); nil when hidden.
    var cursor: (x: Int, y: Int)? { get }
    /// Shows `grid`, placing the cursor at `grid.cursor` or hiding it.
    func draw(_ grid: Grid)
    /// The next key, resize or stop signal, or `.tick` once `milliseconds` pass without one (a
    /// negative timeout waits indefinitely).
    func read(timeout milliseconds: Int) -> TerminalInput
}
