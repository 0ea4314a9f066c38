/// How much text the console can show at 80x24, as rules the content checker enforces.
/// The live screen wraps list items into the space beside a two-cell margin and a marker.
public enum ScreenLimits {
    /// Titles stand on one line beside the timer.
    public static let titleWidth = 60
    public static let roleTitleWidth = 30
    public static let labelWidth = 20
    /// Aims, steps, key messages and materials: wrapped at this width, at most this many lines.
    public static let itemWrapWidth = 76
    public static let itemLines = 4
    /// Fidelity behaviours sit beside a rating column, so they get less width and fewer lines.
    public static let behaviourWrapWidth = 70
    public static let behaviourLines = 2
    public static let identifierLength = 40
}

/// What a piece of text must satisfy to be shown.
struct TextRule {
    /// The text is wrapped at `width` and may take at most `lines` lines.
    var width: Int
    var lines: Int
    /// Prose may hold paragraph breaks; everything else is one line of text.
    var allowsLineBreaks = false

    static let title = TextRule(width: ScreenLimits.titleWidth, lines: 1)
    static let roleTitle = TextRule(width: ScreenLimits.roleTitleWidth, lines: 1)
    static let label = TextRule(width: ScreenLimits.labelWidth, lines: 1)
    static let item = TextRule(width: ScreenLimits.itemWrapWidth, lines: ScreenLimits.itemLines)
    static let behaviour = TextRule(width: ScreenLimits.behaviourWrapWidth, lines: ScreenLimits.behaviourLines)
    static let prose = TextRule(width: ScreenLimits.itemWrapWidth, lines: Int.max, allowsLineBreaks: true)
    /// A version or a reference: one line, wrapped like an item.
    static let line = TextRule(width: ScreenLimits.itemWrapWidth, lines: 2)
}
