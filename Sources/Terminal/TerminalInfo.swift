import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// What the terminal and the curses library say about themselves, for `iwotch diagnostics`.
/// Asks terminfo directly (no screen is opened), so it is safe to run anywhere.
public struct TerminalInfo: Sendable {
    public var cursesVersion: String
    public var term: String?
    public var isTerminal: Bool
    /// Colours terminfo reports for TERM, or nil when TERM is unknown to terminfo.
    public var colours: Int?
    public var size: (columns: Int, rows: Int)?

    public static func probe() -> TerminalInfo {
        let version = curses_version().map { String(cString: $0) } ?? "unknown"
        let term = getenv("TERM").map { String(cString: $0) }
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var colours: Int?
        if let term {
            var status: Int32 = 0
            if setupterm(term, isTerminal ? STDOUT_FILENO : -1, &status) == OK {
                let count = tigetnum("colors")
                colours = count >= 0 ? Int(count) : 0
                iw_release_terminfo()
            }
        }
        var size: (Int, Int)?
        var window = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
            size = (Int(window.ws_col), Int(window.ws_row))
        }
        return TerminalInfo(cursesVersion: version, term: term, isTerminal: isTerminal, colours: colours, size: size)
    }
}
