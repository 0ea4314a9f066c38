/// The diff as Markdown, for a release note or a review: a table of the two versions, then one
/// section per part of the programme that changed, as nested lists.
extension ContentDiff {
    public func markdown(oldLabel: String, newLabel: String) -> String {
        let md = MarkdownText.self
        var out: [String] = []
        out.append("# What changed: \(md.inline(old.title)) \(md.inline(old.version)) → \(md.inline(new.version))")
        out.append("")
        out.append("| | old | new |")
        out.append("|---|---|---|")
        out.append("| content | \(md.inline(oldLabel)) | \(md.inline(newLabel)) |")
        out.append("| programme | \(md.inline(old.title)) | \(md.inline(new.title)) |")
        out.append("| version | \(md.inline(old.version)) | \(md.inline(new.version)) |")
        out.append("| fingerprint | \(md.code(old.fingerprint)) | \(md.code(new.fingerprint)) |")
        out.append("")
        if isEmpty {
            out.append("No differences: the two versions hold the same content.")
            return out.joined(separator: "\n") + "\n"
        }
        for section in sections {
            out.append("## " + Self.markdown(section.heading))
            out.append("")
            for line in section.lines { out += Self.markdown(line, depth: 0) }
            out.append("")
        }
        let tally = self.tally
        out.append(md.inline(tally.isEmpty ? Self.unexplained : tally))
        return out.joined(separator: "\n") + "\n"
    }

    private static func markdown(_ line: ReportLine, depth: Int) -> [String] {
        ["\(String(repeating: "  ", count: depth))- \(markdown(line.words))"]
            + line.children.flatMap { markdown($0, depth: depth + 1) }
    }

    static func markdown(_ words: Words) -> String {
        words.phrases.map { phrase in
            switch phrase {
            case .words(let text): return MarkdownText.escapingCharacters(text)
            case .text(let text): return MarkdownText.inline(text)
            case .quote(let text): return "“" + MarkdownText.inline(text) + "”"
            case .id(let id): return MarkdownText.code(id)
            }
        }.joined()
    }
}
