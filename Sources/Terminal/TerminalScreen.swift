import Backend
import CNcursesw
import Views
#if canImport(Glibc)
import Glibc
#endif

/// The full-screen terminal: the only place that calls curses.
///
/// The runtime must call `close()` on every way out (a `defer` right after `open` is the usual
/// way). As a safety net, `open` also registers an exit hook, and crash signals restore the
/// terminal before the process dies; `restoreOnExit()` does the same from anywhere else.
@MainActor
public final class TerminalScreen: TerminalBackend {
    /// Whether roles are drawn in colour (false under `.never`, NO_COLOR or a monochrome terminal).
    public let usesColour: Bool

    private let screen: OpaquePointer
    /// stdscr of our screen.
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: Palette
    private var lastDrawn: Grid?
    private var repaintAll = true
    private var cursorShown: Bool?
    public private(set) var cursor: (x: Int, y: Int)?
    private var isClosed = false
    private static var exitHookRegistered = false

    /// A read never waits longer than this in one go, so a signal delivered to another thread
    /// (which then does not interrupt our poll) is still noticed promptly.
    private static let longestWait = 100

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: Palette) {
        self.screen = screen
        self.window = window
        self.palette = palette
        usesColour = palette.usesColour
    }

    /// Takes over the terminal (alternate screen, no echo, keys unbuffered).
    /// Throws `TerminalError`, with nothing drawn, when there is no usable terminal.
    public static func open(colour: ColourMode) throws -> TerminalScreen {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw TerminalError.termNotSet
        }
        // Check TERM before touching any signal disposition, so a refusal leaves the process as it was.
        var status: Int32 = 0
        guard setupterm(term, STDOUT_FILENO, &status) == OK else { throw TerminalError.unknownTerminal(term) }
        // A terminal that cannot move the cursor (TERM=dumb, an editor's shell) would get only a
        // last row drawn; say so instead. tigetstr gives nil when absent, -1 when not a string.
        let cup = tigetstr("cup")
        let addressable = cup.map { Int(bitPattern: $0) != -1 } ?? false
        iw_release_terminfo()
        guard addressable else { throw TerminalError.noCursorAddressing(term) }

        useUTF8Locale()
        Signals.unblock()
        Signals.installStopHandlers()
        Signals.installCrashHandlers()
        // newterm, unlike initscr, returns nil on failure instead of calling exit(1).
        guard let screen = newterm(nil, iw_stdout(), iw_stdin()) else {
            Signals.restoreStopHandlers()
            throw TerminalError.unknownTerminal(term)
        }
        cursesActive.store(true, ordering: .relaxed)
        if !exitHookRegistered {
            exitHookRegistered = true
            atexit { TerminalScreen.restoreOnExit() }
        }
        guard let window = iw_stdscr() else {
            restoreOnExit()
            delscreen(screen)
            Signals.restoreStopHandlers()
            throw TerminalError.unknownTerminal(term)
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        // Esc alone must feel instant; 25 ms is still ample for escape sequences over ssh.
        set_escdelay(25)
        // We place the hardware cursor ourselves, on the focused item, for screen readers.
        leaveok(window, false)
        return TerminalScreen(screen: screen, window: window, palette: Palette(mode: colour))
    }

    /// Until a UTF-8 locale is in force, ncurses prints non-ASCII text as junk. Only C.UTF-8 is
    /// certain to be installed on Debian, so fall back to it.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
    }

    public var size: (width: Int, height: Int) {
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Draws the rows that changed since the last grid (all of them after a resize or a change
    /// of grid size), places the cursor, and updates the terminal once: no flicker.
    public func draw(_ grid: Grid) {
        guard !isClosed else { return }
        let rows: [Int]
        if repaintAll || lastDrawn?.width != grid.width || lastDrawn?.height != grid.height {
            werase(window)
            rows = Array(0..<grid.height)
            repaintAll = false
        } else {
            rows = grid.changedRows(since: lastDrawn)
        }
        let (width, height) = size
        for y in rows where y < height {
            drawRow(grid, y: y, width: min(width, grid.width))
        }
        if let cursor = grid.cursor, cursor.x >= 0, cursor.x < width, cursor.y >= 0, cursor.y < height {
            showCursor(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            self.cursor = cursor
        } else {
            showCursor(false)
            self.cursor = nil
        }
        lastDrawn = grid
        wnoutrefresh(window)
        doupdate()
    }

    private func drawRow(_ grid: Grid, y: Int, width: Int) {
        var character = cchar_t()
        var text = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
        for x in 0..<width {
            let cell = grid[x, y]
            if cell.isContinuation { continue }
            let (attributes, pair) = palette.attributes(for: cell.style)
            var count = 0
            for scalar in cell.text.unicodeScalars where count < Int(CCHARW_MAX) {
                text[count] = wchar_t(bitPattern: scalar.value)
                count += 1
            }
            // A two-cell character cut by a narrower screen (mid-resize) would wrap: draw a space.
            let cutWide = x + 1 < grid.width && grid[x + 1, y].isContinuation && x + 1 >= width
            if count == 0 || cutWide { text[0] = 0x20; count = 1 }
            text[count] = 0
            setcchar(&character, text, attributes, pair, nil)
            // At the bottom-right cell this returns ERR (the cursor cannot advance) but draws.
            mvwadd_wch(window, Int32(y), Int32(x), &character)
        }
    }

    private func showCursor(_ visible: Bool) {
        guard cursorShown != visible else { return }
        cursorShown = visible
        curs_set(visible ? 1 : 0)
    }

    /// The next key, resize or stop signal; `.tick` when `milliseconds` pass without one
    /// (a negative timeout waits indefinitely). Keys curses cannot name are skipped.
    public func read(timeout milliseconds: Int) -> TerminalInput {
        guard !isClosed else { return Signals.take().map { .interrupted(signal: $0) } ?? .tick }
        let clock = ContinuousClock()
        let deadline = milliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(milliseconds))
        while true {
            if let signal = Signals.take() { return .interrupted(signal: signal) }
            var wait = Self.longestWait
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let leftMilliseconds = max(0, Int(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                wait = min(wait, leftMilliseconds)
            }
            wtimeout(window, Int32(wait))
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if let signal = Signals.take() { return .interrupted(signal: signal) }
            if result == KEY_CODE_YES {
                if Int32(value) == KEY_RESIZE {
                    repaintAll = true
                    clearok(window, true)  // tmux and some terminals leave debris on resize
                    let (width, height) = size
                    return .resize(width: width, height: height)
                }
                if let key = KeyDecoder.key(code: Int32(value)) { return .key(key) }
            } else if result == OK {
                if let key = KeyDecoder.key(character: value) { return .key(key) }
            } else if let deadline, clock.now >= deadline {
                return .tick
            }
        }
    }

    /// Gives the terminal back (normal screen, echo, cursor). Safe to call more than once.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        if cursesActive.exchange(false, ordering: .relaxed) { endwin() }
        delscreen(screen)
        Signals.restoreStopHandlers()
    }

    /// Restores the terminal if curses still has it: for exit hooks and fatal paths that cannot
    /// reach the screen object. Safe from any thread, and more than once.
    nonisolated public static func restoreOnExit() {
        if cursesActive.exchange(false, ordering: .relaxed) { endwin() }
    }
}
