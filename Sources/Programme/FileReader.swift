import Foundation
import DisplayText
import Yams

/// Walks one file's YAML against the content schema and collects every problem it finds, rather
/// than stopping at the first: trainers fix a file in one pass.
final class FileReader {
    let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []
    /// Aliases can make a small file expand enormously; the walk stops after this many nodes.
    static let maximumNodes = 100_000
    private var visited = 0
    private(set) var exhausted = false
    /// Problems beyond this many in one file are counted, not kept: a hostile file cannot flood the
    /// screen or make the checker slow by producing excerpts for millions of problems.
    static let maximumDiagnostics = 100
    private(set) var suppressed = 0

    init(file: SourceFile) { self.file = file }

    // MARK: Reporting

    func report(_ node: Node?, _ message: String, span: Int? = nil, help: String,
                severity: Diagnostic.Severity = .error) {
        guard !exhausted else { return }
        guard diagnostics.count < Self.maximumDiagnostics else {
            suppressed += 1
            return
        }
        let (line, column) = position(of: node)
        diagnostics.append(file.diagnostic(line: line, column: column, message,
                                           span: span ?? self.span(of: node), help: help, severity: severity))
    }

    func position(of node: Node?) -> (Int, Int) {
        guard let mark = node?.mark else { return (1, 1) }
        return (max(1, mark.line), max(1, mark.column))
    }

    /// How many cells of the line the node's text covers, for the caret.
    func span(of node: Node?) -> Int {
        guard let node, case let .scalar(scalar) = node else { return 1 }
        let (line, column) = position(of: node)
        let rest = file.line(line).map { String(String.UnicodeScalarView($0.unicodeScalars.dropFirst(column - 1))) } ?? ""
        let restWidth = DisplayText.width(DisplayText.sanitised(rest.trimmingTrailingSpace()))
        if scalar.style == .plain, !scalar.string.contains("\n") {
            return max(1, min(restWidth, DisplayText.width(DisplayText.sanitised(scalar.string))))
        }
        return max(1, restWidth)
    }

    /// Counts a visited node; false once the budget is spent (reported once).
    func visit(_ node: Node) -> Bool {
        visited += 1
        if visited > Self.maximumNodes {
            if !exhausted {
                // Whatever else was found is an echo of the expansion; this is the one thing to fix.
                diagnostics = []
                suppressed = 0
                report(node, "the file expands to more than \(Self.maximumNodes) values",
                       help: "Content files do not use anchors (&) and aliases (*); write each value out once.")
                exhausted = true
            }
            return false
        }
        return true
    }

    // MARK: Structure

    /// The node as a mapping with a known set of keys. Unknown keys are reported (with a
    /// suggestion when one is close), so a typo such as `minuts` never passes silently.
    func mapping(_ node: Node, _ what: String, keys allowed: [String]) -> Fields? {
        guard visit(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            report(node, "\(what) must be a mapping of keys and values, found \(kind(of: node))",
                   help: "Write it as `key: value` lines. \(capitalised(what)) can have: \(allowed.joined(separator: ", ")).")
            return nil
        }
        var fields = Fields(node: node, what: what)
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                report(key, "a key in \(what) must be a plain word", help: "Keys are words such as `title` or `minutes`.")
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                var help = "\(capitalised(what)) can have: \(allowed.joined(separator: ", "))."
                if let near = Spelling.closest(to: name, in: allowed) {
                    help = "Did you mean `\(near)`? " + help
                }
                report(key, "unknown key `\(name)` in \(what)", help: help)
                continue
            }
            fields.pairs[name] = (key, value)
        }
        return fields
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard visit(node) else { return nil }
        guard case let .sequence(sequence) = node else {
            report(node, "\(what) must be a list, found \(kind(of: node))",
                   help: "Write each entry on its own line starting with `- `.")
            return nil
        }
        return Array(sequence)
    }

    func required(_ fields: Fields, _ key: String, help: String? = nil) -> Node? {
        if let value = fields[key] { return value }
        report(fields.node, "\(fields.what) has no `\(key)`", span: 1,
               help: help ?? "Add a `\(key):` line here.")
        return nil
    }

    // MARK: Values

    func scalar(_ node: Node, _ what: String) -> Node.Scalar? {
        guard visit(node) else { return nil }
        guard case let .scalar(scalar) = node else {
            report(node, "\(what) must be a single value, found \(kind(of: node))",
                   help: "Write the value on the same line as its key.")
            return nil
        }
        if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            report(node, "\(what) has no value", help: "Write the value after the colon.")
            return nil
        }
        return scalar
    }

    /// Text checked against what the screen can show: no control characters or direction
    /// overrides, nothing unprintable, and no wider (once wrapped) than the rule allows.
    func text(_ node: Node, _ what: String, rule: TextRule) -> String? {
        guard let scalar = scalar(node, what) else { return nil }
        let value = Self.trimmed(scalar.string)
        if value.isEmpty {
            report(node, "\(what) is empty", help: "Write the text, or remove the line.")
            return nil
        }
        // Most content is plain printable ASCII: one cell a character, nothing to escape, and
        // no need to wrap text that fits on one line. This keeps start-up fast.
        if value.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) {
            let width = value.utf8.count
            if width <= rule.width { return value }
            if rule.lines == 1 {
                report(node, "\(what) is \(width) columns wide; at most \(rule.width) fit on the screen",
                       help: "Shorten it by \(width - rule.width) columns.")
                return nil
            }
        }
        var ok = true
        for (offset, character) in value.unicodeScalars.enumerated() {
            if character == "\n" && rule.allowsLineBreaks { continue }
            if character == "\n" {
                report(node, "\(what) contains a line break", help: "Write it on one line, or use a folded block (`>`) whose lines are joined with spaces.")
                ok = false
                break
            }
            if DisplayText.isControl(character) || DisplayText.isFormatHazard(character) {
                report(node, "\(what) contains the control character \(DisplayText.escapeCode(character)) at character \(offset + 1)",
                       help: "Remove it: control and direction-changing characters cannot be shown safely on a terminal (tabs included; use spaces).")
                ok = false
                break
            }
            if !DisplayText.isDropped(character), DisplayText.width(of: character) < 0 {
                report(node, "\(what) contains \(DisplayText.escapeCode(character)), which a terminal cannot show (character \(offset + 1))",
                       help: "Replace it with a printable character.")
                ok = false
                break
            }
        }
        guard ok else { return nil }
        if rule.lines == 1 {
            let width = DisplayText.width(value)
            if width > rule.width {
                report(node, "\(what) is \(width) columns wide; at most \(rule.width) fit on the screen",
                       help: "Shorten it by \(width - rule.width) columns.")
                return nil
            }
        } else if rule.lines != Int.max {
            let lines = DisplayText.wrap(value, width: rule.width)
            if lines.count > rule.lines {
                report(node, "\(what) takes \(lines.count) lines at \(rule.width) columns; at most \(rule.lines) fit on the screen",
                       help: "Shorten it (now \(DisplayText.width(value)) columns in all), or split it into two entries.")
                return nil
            }
        }
        return value
    }

    func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = scalar(node, what) else { return nil }
        let digits = scalar.string.drop { $0 == "-" || $0 == "+" }
        if scalar.style == .plain, Int(scalar.string) == nil, digits.count > 18, digits.count < 40,
           digits.allSatisfy({ $0.isASCII && $0.isNumber }), scalar.string.count - digits.count <= 1 {
            // Digits only, but too many for any whole number iwotch holds: out of range, said as such.
            report(node, "\(what) is \(scalar.string); it must be from \(range.lowerBound) to \(range.upperBound)",
                   help: "Use a number in that range.")
            return nil
        }
        guard scalar.style == .plain, let value = Int(scalar.string) else {
            report(node, "\(what) must be a whole number, found \(describe(scalar))",
                   help: "Write digits only, without quotes or units, e.g. `20`.")
            return nil
        }
        guard range.contains(value) else {
            report(node, "\(what) is \(value); it must be from \(range.lowerBound) to \(range.upperBound)",
                   help: "Use a number in that range.")
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let scalar = scalar(node, what) else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            report(node, "\(what) must be true or false, found \(describe(scalar))", help: "Write `true` or `false`.")
            return nil
        }
    }

    /// A stable identifier: lowercase letters, digits and hyphens, starting with a letter.
    func identifier(_ node: Node, _ what: String) -> String? {
        guard let scalar = scalar(node, what) else { return nil }
        let value = scalar.string
        let valid = value.count <= ScreenLimits.identifierLength
            && value.first.map { $0.isASCII && $0.isLowercase } == true
            && value.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        guard valid else {
            report(node, "\(what) `\(value)` is not a valid id",
                   help: "Ids use lowercase letters, digits and hyphens, start with a letter and are at most \(ScreenLimits.identifierLength) characters, e.g. `d1-acceptance`. Once published, an id never changes.")
            return nil
        }
        return value
    }

    func choice<E: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, as: E.Type) -> E? where E.RawValue == String {
        guard let scalar = scalar(node, what) else { return nil }
        if let value = E(rawValue: scalar.string) { return value }
        let options = E.allCases.map(\.rawValue)
        var help = "Use one of: \(options.joined(separator: ", "))."
        if let near = Spelling.closest(to: scalar.string, in: options) { help = "Did you mean `\(near)`? " + help }
        report(node, "\(what) `\(scalar.string)` is not one of the allowed values", help: help)
        return nil
    }

    /// A list of text entries, each checked against the rule.
    func textList(_ node: Node, _ what: String, rule: TextRule, count: ClosedRange<Int>) -> [String]? {
        guard let entries = sequence(node, what) else { return nil }
        if !count.contains(entries.count) {
            let bounds = count.upperBound == Int.max ? "at least \(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            report(node, "\(what) has \(entries.count) entries; it needs \(bounds)",
                   help: entries.count < count.lowerBound ? "Add entries." : "Merge or remove entries so the screen can show them.")
        }
        var values: [String] = []
        for (index, entry) in entries.enumerated() {
            if let value = text(entry, "entry \(index + 1) of \(what)", rule: rule) { values.append(value) }
        }
        return values.count == entries.count ? values : nil
    }

    /// Leading and trailing spaces and line breaks removed (a folded block ends with one).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    // MARK: Words for messages

    func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return describe(scalar)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func describe(_ scalar: Node.Scalar) -> String {
        let shown = DisplayText.truncated(DisplayText.sanitised(scalar.string), toWidth: 30)
        return scalar.style == .plain ? "`\(shown)`" : "the text \"\(shown)\""
    }
}

/// The fields of one mapping, by key, with the key nodes kept for locating problems.
struct Fields {
    let node: Node
    let what: String
    var pairs: [String: (key: Node, value: Node)] = [:]
    init(node: Node, what: String) { self.node = node; self.what = what }
    subscript(key: String) -> Node? { pairs[key]?.value }
}

func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

extension String {
    func trimmingTrailingSpace() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
