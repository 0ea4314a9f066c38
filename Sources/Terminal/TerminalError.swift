/// Why the full-screen console could not start. Each description is one sentence a facilitator
/// can act on; nothing has been drawn when these are thrown, so the terminal is untouched.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case termNotSet
    case unknownTerminal(String)
    case noCursorAddressing(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "iwotch needs an interactive terminal: its input and output must not be redirected to a file or a pipe."
        case .termNotSet:
            "TERM is not set, so iwotch cannot tell what terminal this is; set it, for example TERM=xterm-256color."
        case .unknownTerminal(let term):
            "This system does not know the terminal type \"\(term)\" (from TERM); set TERM to one it knows, for example TERM=xterm-256color."
        case .noCursorAddressing(let term):
            "The terminal type \"\(term)\" (from TERM) cannot move the cursor, which the console needs; run iwotch in a full terminal (such as GNOME Terminal, xterm or tmux, TERM=xterm-256color)."
        }
    }
}
