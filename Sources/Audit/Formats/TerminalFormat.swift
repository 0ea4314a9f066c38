import DisplayText

/// Plain text for a terminal of a given width: every table fits it. Wide text columns are cut
/// with "…"; if numbers alone still do not fit, the last columns are left out and the report says so.
public enum TerminalFormat {
    public static func render(_ document: ReportDocument, width: Int, sourcesListLimit: Int = 10) -> String {
        var out = document.title + "\n" + String(repeating: "=", count: DisplayText.width(document.title)) + "\n"
        let labelWidth = document.facts.map { DisplayText.width($0.label) }.max() ?? 0
        for fact in document.facts {
            let label = fact.label + ":" + String(repeating: " ", count: labelWidth - DisplayText.width(fact.label) + 1)
            let lines = DisplayText.wrap(DisplayText.sanitised(fact.value), width: max(20, width - labelWidth - 2))
            for (index, line) in lines.enumerated() {
                out += (index == 0 ? label : String(repeating: " ", count: labelWidth + 2)) + line + "\n"
            }
        }
        for section in document.sections {
            out += "\n" + section.title + "\n" + String(repeating: "-", count: DisplayText.width(section.title)) + "\n"
            for line in DisplayText.wrap(DisplayText.sanitised(section.note), width: width) { out += line + "\n" }
            out += section.table.rows.isEmpty ? "(none)\n" : table(section.table, width: width)
        }
        let failed = document.sources.failed
        out += "\nJournals that failed the check (\(failed.count))\n"
        for journal in failed.prefix(sourcesListLimit) {
            out += DisplayText.truncated(DisplayText.sanitised("  \(short(journal.file)): \(journal.problem)"), toWidth: width) + "\n"
        }
        if failed.count > sourcesListLimit { out += "  … and \(failed.count - sourcesListLimit) more (--format json lists them all)\n" }
        if document.sources.journals.count <= sourcesListLimit {
            out += "\nChain heads (check verdict, head)\n"
            for journal in document.sources.journals {
                out += DisplayText.truncated(DisplayText.sanitised("  \(short(journal.file))  \(journal.kind)  \(journal.verdict)  \(journal.head)"), toWidth: width) + "\n"
            }
        } else {
            out += "\nChain heads of all \(document.sources.journals.count) journals: --format json, markdown or html.\n"
        }
        return out
    }

    /// The folder and file name: enough to find the file, short enough to leave room for the rest.
    static func short(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "/")
    }

    static func table(_ table: Table, width: Int) -> String {
        let width = max(width, 20)
        let gap = 2
        let cells = [table.columns.map { DisplayText.sanitised($0.title) }] + table.rows.map { $0.map { DisplayText.sanitised($0.display) } }
        var widths = table.columns.indices.map { column in cells.map { DisplayText.width($0[column]) }.max() ?? 0 }
        func total(_ count: Int) -> Int { widths.prefix(count).reduce(0, +) + gap * max(0, count - 1) }
        // Shrink the widest text column until the table fits or text columns are narrow: as if a
        // cell at a time, but down to the next widest column (or the excess) in one step, so a
        // megabyte-wide cell costs no more than a narrow one.
        let textColumns = table.columns.indices.filter { !table.columns[$0].numeric }
        while total(widths.count) > width,
              let widest = textColumns.filter({ widths[$0] > 10 }).max(by: { widths[$0] < widths[$1] }) {
            let next = textColumns.filter { $0 != widest }.map { widths[$0] }.filter { $0 <= widths[widest] }.max() ?? 0
            let step = min(total(widths.count) - width, widths[widest] - max(next, 10))
            widths[widest] -= max(step, 1)
        }
        var shown = widths.count
        while shown > 1 && total(shown) > width { shown -= 1 }
        var out = ""
        for (index, row) in cells.enumerated() {
            var line = ""
            for column in 0..<shown {
                let text = DisplayText.truncated(row[column], toWidth: widths[column])
                let pad = String(repeating: " ", count: widths[column] - DisplayText.width(text))
                let cell = table.columns[column].numeric ? pad + text : text + pad
                line += (column == 0 ? "" : String(repeating: " ", count: gap)) + cell
            }
            out += line.trimmingTrailingSpaces() + "\n"
            if index == 0 {
                out += (0..<shown).map { String(repeating: "─", count: widths[$0]) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
            }
        }
        if shown < widths.count {
            let hidden = "(\(widths.count - shown) more columns: \(table.columns[shown...].map(\.title).joined(separator: ", ")); widen the terminal or use --format csv)"
            for line in DisplayText.wrap(hidden, width: width) { out += line + "\n" }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
