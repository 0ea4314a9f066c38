import DisplayText

/// A problem found in a file, reported in hledger's manner: where, what, the offending line with a
/// caret under the place, and what to do about it.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// The offending line as it stands in the file (unsanitised; sanitised when shown).
    public var excerpt: String?
    /// How many cells the caret underlines (at least one).
    public var span: Int
    /// What to do about it.
    public var help: String

    public init(path: String, line: Int, column: Int, severity: Severity = .error, message: String,
                excerpt: String?, span: Int = 1, help: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.excerpt = excerpt
        self.span = span
        self.help = help
    }

    /// The diagnostic as printed: the heading line, the excerpt with its caret, then the help.
    /// Everything that came from a file is sanitised, so no file can send escapes to the terminal.
    public var description: String {
        var text = "\(DisplayText.sanitised(path)):\(line):\(column): \(severity.rawValue): \(DisplayText.sanitised(message))\n"
        if let excerpt {
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            // Columns count Unicode scalars; the caret must sit under the right cell.
            let before = DisplayText.sanitised(String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(max(0, column - 1)))))
            let shown = Self.window(DisplayText.sanitised(excerpt), caret: DisplayText.width(before), span: span,
                                    width: Self.excerptWidth - number.count)
            text += "\(gutter) |\n\(number) | \(shown.text)\n\(gutter) | \(String(repeating: " ", count: shown.caret))\(String(repeating: "^", count: shown.span))\n"
        }
        text += DisplayText.sanitised(help) + "\n"
        return text
    }
}

extension Diagnostic {
    /// Excerpts fit an 80-column terminal with the gutter.
    static let excerptWidth = 74

    /// The part of a long line around the caret, so the excerpt fits the terminal: cut with "…"
    /// on either side, keeping some context before the caret.
    static func window(_ line: String, caret: Int, span: Int, width: Int) -> (text: String, caret: Int, span: Int) {
        var text = line
        var caret = caret
        if DisplayText.width(text) > width, caret + min(span, 12) > width - 1 {
            let skip = max(0, caret - 12)
            text = "…" + DisplayText.split(text, atWidth: skip).1
            caret = caret - skip + 1
        }
        text = DisplayText.truncated(text, toWidth: width)
        return (text, caret, max(1, min(span, width - caret)))
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
