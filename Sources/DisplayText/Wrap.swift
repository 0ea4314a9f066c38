extension DisplayText {
    /// Words wrapped into lines of at most `width` cells. Spaces separate words; a word wider than
    /// the line is broken wherever it must be. Text is expected to be sanitised already.
    public static func wrap(_ text: String, width limit: Int) -> [String] {
        precondition(limit > 0, "wrap width must be positive")
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let piece = String(word)
            let pieceWidth = width(piece)
            let needed = lineWidth == 0 ? pieceWidth : lineWidth + 1 + pieceWidth
            if needed <= limit {
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += piece
                lineWidth += pieceWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            // A word longer than a whole line is cut at the cell limit, in one pass over its
            // scalars (cutting the rest again and again would be quadratic in the word's length).
            if pieceWidth > limit {
                (line, lineWidth) = cut(piece, atWidth: limit, into: &lines)
                continue
            }
            line = piece
            lineWidth = pieceWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts a word into lines of at most `limit` cells, appending every full one to `lines`;
    /// gives what is left over (at most `limit` cells, and empty when nothing is). A scalar wider
    /// than the limit takes a line of its own; a zero-width scalar stays with the one before it.
    static func cut(_ word: String, atWidth limit: Int, into lines: inout [String]) -> (String, Int) {
        var head = String.UnicodeScalarView()
        var used = 0
        for scalar in word.unicodeScalars {
            let w = width(of: scalar)
            let cells = w < 0 ? 1 : w
            if used + cells > limit && used > 0 {
                lines.append(String(head))
                head = String.UnicodeScalarView()
                used = 0
            }
            head.append(scalar)
            used += cells
        }
        if used > limit {
            lines.append(String(head))
            return ("", 0)
        }
        return (String(head), used)
    }

    /// The longest prefix of at most `limit` cells, and the rest. Never splits inside a scalar,
    /// and a zero-width scalar stays with the one before it.
    public static func split(_ text: String, atWidth limit: Int) -> (String, String) {
        var head = String.UnicodeScalarView()
        var used = 0
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let w = width(of: scalars[index])
            let cells = w < 0 ? 1 : w
            if used + cells > limit && used > 0 { break }
            head.append(scalars[index])
            used += cells
            index += 1
        }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[index...])
        return (String(head), String(rest))
    }

    /// Text cut to at most `limit` cells, ending in "…" when something was cut.
    public static func truncated(_ text: String, toWidth limit: Int) -> String {
        guard width(text) > limit else { return text }
        guard limit > 1 else { return limit == 1 ? "…" : "" }
        return split(text, atWidth: limit - 1).0 + "…"
    }
}
