import DisplayText

/// The diff for the terminal: an indented outline wrapped to 80 columns, every piece of content
/// text sanitised so no file can send escape sequences to the screen.
extension ContentDiff {
    public static let textWidth = 80

    /// `oldLabel` and `newLabel` say where each version came from (usually its folder).
    public func text(oldLabel: String, newLabel: String) -> String {
        var out: [String] = ["Comparing"]
        for (name, label, edition) in [("old", oldLabel, old), ("new", newLabel, new)] {
            out.append("  \(name)  \(DisplayText.sanitised(label)): \(DisplayText.sanitised(edition.title)) version \(DisplayText.sanitised(edition.version))")
            out.append("       fingerprint \(DisplayText.sanitised(edition.fingerprint))")
        }
        out.append("")
        if isEmpty {
            out.append("No differences: the two versions hold the same content.")
            return out.joined(separator: "\n") + "\n"
        }
        for section in sections {
            out.append(Self.plain(section.heading))
            for line in section.lines { out += Self.render(line, indent: 2) }
            out.append("")
        }
        let tally = self.tally
        out += DisplayText.wrap(tally.isEmpty ? Self.unexplained : tally, width: Self.textWidth)
        return out.joined(separator: "\n") + "\n"
    }

    /// Every field in the fingerprint is compared, so this should never be printed; if it is, the
    /// report must still not claim the versions are the same.
    static let unexplained = "The fingerprints differ, but in nothing this report compares."

    private static func render(_ line: ReportLine, indent: Int) -> [String] {
        let text = plain(line.words)
        // Continuation lines hang under the text after a short label such as "was: ".
        var hang = 2
        if case .words(let first) = line.words.phrases.first, first.hasSuffix(": "), first.count <= 10 {
            hang = first.count
        }
        let margin = String(repeating: " ", count: indent)
        let wrapped = DisplayText.wrap(text, width: max(20, textWidth - indent - hang))
        var out = wrapped.prefix(1).map { margin + $0 }
        out += wrapped.dropFirst().map { margin + String(repeating: " ", count: hang) + $0 }
        for child in line.children { out += render(child, indent: indent + 2) }
        return out
    }

    static func plain(_ words: Words) -> String {
        words.phrases.map { phrase in
            switch phrase {
            case .words(let text): return text
            case .text(let text): return DisplayText.sanitised(MarkdownText.collapsed(text))
            case .quote(let text): return "“" + DisplayText.sanitised(MarkdownText.collapsed(text)) + "”"
            case .id(let id): return DisplayText.sanitised(id)
            }
        }.joined()
    }
}
