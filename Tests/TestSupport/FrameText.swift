import Views

/// A frame as golden-file text that keeps what each cell looks like, not only what it says:
///
///     (the text rows, trailing spaces removed)
///     -- styles --
///     (one letter a cell, aligned with the text above; trailing plain cells removed)
///     -- legend --
///     . normal
///     T title bold
///     0 normal reverse
///     cursor 2,5
///
/// Each style has a fixed letter, so a change in one place does not re-letter the whole frame:
/// plain is `.`; a role with no attributes is its initial in lower case (t title, a accent,
/// m muted, o ok, w warning, d danger, b banner), in upper case when bold (N is bold normal text);
/// reverse and underline take digits and the remaining letters, as the legend says.
public enum FrameText {
    public static func golden(_ grid: Grid) -> String {
        var lines = [grid.plainText.dropLast()]   // plainText ends with a newline
        lines.append("-- styles --")
        var used: [Int: Style] = [:]
        for y in 0..<grid.height {
            var row = ""
            for x in 0..<grid.width {
                let style = grid[x, y].style
                used[index(style)] = style
                row.append(letter(style))
            }
            while row.hasSuffix(".") { row.removeLast() }
            lines.append(Substring(row))
        }
        lines.append("-- legend --")
        for (_, style) in used.sorted(by: { $0.key < $1.key }) {
            lines.append(Substring("\(letter(style)) \(describe(style))"))
        }
        lines.append(Substring(grid.cursor.map { "cursor \($0.x),\($0.y)" } ?? "cursor none"))
        return lines.joined(separator: "\n") + "\n"
    }

    static let roles: [Role] = [.normal, .title, .accent, .muted, .ok, .warning, .danger, .banner]
    static let initials: [Character] = [".", "t", "a", "m", "o", "w", "d", "b"]
    /// Letters for styles with reverse or underline: 6 attribute sets x 8 roles.
    static let others = Array("0123456789cefghijklpqrsuvxyzCEFGHIJKLPQRSUVXYZ#%")

    /// The style's place in a fixed order: attributes (none, bold, reverse, bold reverse,
    /// underline, ...), then role.
    static func index(_ style: Style) -> Int {
        let attributes = (style.bold ? 1 : 0) + (style.reverse ? 2 : 0) + (style.underline ? 4 : 0)
        return attributes * roles.count + (roles.firstIndex(of: style.role) ?? 0)
    }

    public static func letter(_ style: Style) -> Character {
        let role = roles.firstIndex(of: style.role) ?? 0
        switch (style.bold, style.reverse, style.underline) {
        case (false, false, false): return initials[role]
        case (true, false, false): return role == 0 ? "N" : Character(initials[role].uppercased())
        default: return others[index(style) - 2 * roles.count]
        }
    }

    public static func describe(_ style: Style) -> String {
        var words = ["\(style.role)"]
        if style.bold { words.append("bold") }
        if style.reverse { words.append("reverse") }
        if style.underline { words.append("underline") }
        return words.joined(separator: " ")
    }
}
