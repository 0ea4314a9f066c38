/// GitHub-flavoured Markdown: headings, a fact list and pipe tables (pipes in text escaped).
public enum MarkdownFormat {
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(escape(document.title))\n\n"
        for fact in document.facts { out += "- **\(escape(fact.label)):** \(escape(fact.value))\n" }
        for section in document.sections {
            out += "\n## \(escape(section.title))\n\n\(escape(section.note))\n\n"
            out += section.table.rows.isEmpty ? "(none)\n" : table(section.table)
        }
        out += "\n## Journals read\n\nChain heads digest: `\(document.sources.headsDigest)`\n\n\(escape(ReportDocument.Sources.headsNote))\n\n"
        let sources = document.sources.table
        out += table(sources)
        return out
    }

    static func table(_ table: Table) -> String {
        var out = "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.numeric ? "---:|" : "---|" }.joined() + "\n"
        for row in table.rows { out += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// Text from journals is data: characters Markdown would read as markup are escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
