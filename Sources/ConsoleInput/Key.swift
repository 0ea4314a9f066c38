/// A key as the engine sees it: the backend turns terminal input (including presenter clickers,
/// which send PgUp/PgDn, arrows or space) into these.
public enum Key: Sendable, Equatable, Hashable {
    /// A printable character, space included.
    case character(Character)
    case enter, escape, backspace, delete, tab, backTab
    case up, down, left, right, pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl with a letter, as a lowercase letter (Ctrl-C arrives as an interrupt, not a key).
    case control(Character)

    public static let space = Key.character(" ")
}

extension Key {
    /// What a facilitator calls the key, in the two lengths the screens use: the short name on the
    /// key bar and the help screen ("↑", "PgDn"), the long one on the keys check ("Up arrow").
    public var names: (short: String, long: String) {
        switch self {
        case .character(" "): ("Space", "Space")
        case .character(let character): (String(character), String(character))
        case .enter: ("Enter", "Enter")
        case .escape: ("Esc", "Esc")
        case .backspace: ("Backspace", "Backspace")
        case .delete: ("Delete", "Delete")
        case .tab: ("Tab", "Tab")
        case .backTab: ("Shift-Tab", "Shift-Tab")
        case .up: ("↑", "Up arrow")
        case .down: ("↓", "Down arrow")
        case .left: ("←", "Left arrow")
        case .right: ("→", "Right arrow")
        case .pageUp: ("PgUp", "Page Up")
        case .pageDown: ("PgDn", "Page Down")
        case .home: ("Home", "Home")
        case .end: ("End", "End")
        case .function(let number): ("F\(number)", "F\(number)")
        case .control(let letter): ("Ctrl-" + letter.uppercased(), "Ctrl-" + letter.uppercased())
        }
    }
}
