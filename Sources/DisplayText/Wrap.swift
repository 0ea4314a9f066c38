extension DisplayText {
    /// Words wrapped into lines of at most `width` cells. Spaces separate words; a word wider than
    /// the line is broken wherever it must be. Text is expected to be sanitised already.
    public static func wrap(_ text: String, width limit: Int) -> [String] {
        precondition(limit > 0, "wrap width must be positive")
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var piece = String(word)
            var pieceWidth = width(piece)
            let needed = lineWidth == 0 ? pieceWidth : lineWidth + 1 + pieceWidth
            if needed <= limit {
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += piece
                lineWidth += pieceWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            // A word longer than a whole line is cut at the cell limit.
            while pieceWidth > limit {
                let (head, rest) = split(piece, atWidth: limit)
                lines.append(head)
                piece = rest
                pieceWidth = width(piece)
            }
            line = piece
            lineWidth = pieceWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
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
