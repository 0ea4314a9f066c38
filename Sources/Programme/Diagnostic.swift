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
            let shown = DisplayText.sanitised(excerpt)
            // Columns count Unicode scalars; the caret must sit under the right cell.
            let before = DisplayText.sanitised(String(String.UnicodeScalarView(excerpt.unicodeScalars.prefix(max(0, column - 1)))))
            let indent = DisplayText.width(before)
            text += "\(gutter) |\n\(number) | \(shown)\n\(gutter) | \(String(repeating: " ", count: indent))\(String(repeating: "^", count: max(1, span)))\n"
        }
        text += DisplayText.sanitised(help) + "\n"
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}
