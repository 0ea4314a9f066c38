import DisplayText

/// Content text made safe to place in Markdown. Trainers write plain prose, but a `|` would split
/// a table cell, a `*` or `_` would turn into emphasis, a leading `1.` or `-` would start a list
/// and `<` could open raw HTML; each is backslash-escaped so the printed words are the written ones.
enum MarkdownText {
    /// Characters with a meaning anywhere in a line. `&` only matters before a name (an entity such
    /// as `&amp;`), and `>` and `#` only at the start of a line, so both are escaped only there: ordinary
    /// prose such as "Q & A" stays readable in the raw file.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "|", "~"]

    /// One line of inline text: line breaks become spaces (a break inside a table row or list
    /// item would end it), control characters are shown escaped (Markdown is often read in a
    /// terminal), and every character with a Markdown meaning is escaped.
    static func inline(_ text: String) -> String {
        escapingLeadingMarker(escapingCharacters(DisplayText.sanitised(collapsed(text))))
    }

    /// Every character with a meaning anywhere in a line escaped; spacing kept as it is.
    static func escapingCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        var rest = text[...]
        while let character = rest.popFirst() {
            let startsEntity = character == "&" && rest.first.map { $0 == "#" || ($0.isASCII && $0.isLetter) } == true
            if special.contains(character) || startsEntity { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// Prose keeps its paragraph breaks (a blank line in the content); each paragraph is inline text.
    static func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").map(inline).filter { !$0.isEmpty }
    }

    /// An id or a fingerprint as a code span, fenced with more backticks than it holds.
    static func code(_ text: String) -> String {
        let flat = DisplayText.sanitised(collapsed(text))
        var longest = 0, run = 0
        for character in flat {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// Runs of whitespace, line breaks included, as single spaces.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Text at the start of a line that would be read as a list marker (`-`, `+` or `12.` followed
    /// by a space), a rule (`---`), a heading (`#` and a space) or a quote (`>`). Markers need the space,
    /// so "2026.1" or "-5" stay as they are.
    private static func escapingLeadingMarker(_ text: String) -> String {
        guard let first = text.first else { return text }
        let afterMarker = { (rest: Substring) in rest.isEmpty || rest.first == " " }
        if first == ">" { return "\\" + text }
        if "-+".contains(first), afterMarker(text.dropFirst()) { return "\\" + text }
        // "---" is a horizontal rule.
        if first == "-", text.allSatisfy({ $0 == "-" || $0 == " " }) { return "\\" + text }
        if first == "#", afterMarker(text.drop(while: { $0 == "#" })) { return "\\" + text }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", afterMarker(rest.dropFirst()) { return digits + "\\" + rest }
        }
        return text
    }
}
