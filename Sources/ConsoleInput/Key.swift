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
