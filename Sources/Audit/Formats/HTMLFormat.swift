import DisplayText

/// A self-contained, printable HTML page: inline CSS, inline SVG bar charts, no scripts and no
/// outside assets, so it can be mailed, archived or printed to PDF as it is.
public enum HTMLFormat {
    public static func render(_ document: ReportDocument) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>\(escape(document.title))</h1>
        <dl class="facts">

        """
        for fact in document.facts { out += "<dt>\(escape(fact.label))</dt><dd>\(escape(fact.value))</dd>\n" }
        out += "</dl>\n"
        for section in document.sections {
            // The heading, its note and its chart are one block printed together and kept with the
            // table's first rows: a heading never stands alone at the foot of a page.
            out += "<section id=\"\(escape(section.id))\">\n<div class=\"lead\">\n<h2>\(escape(section.title))</h2>\n<p class=\"note\">\(escape(section.note))</p>\n"
            if let chart = section.chart, !section.table.rows.isEmpty { out += svg(section.table, chart) }
            out += "</div>\n"
            out += section.table.rows.isEmpty ? "<p>(none)</p>\n" : table(section.table)
            out += "</section>\n"
        }
        let sources = document.sources.table
        out += "<section id=\"sources\">\n<div class=\"lead\">\n<h2>Journals read</h2>\n<p class=\"note\">Chain heads digest <code>\(escape(document.sources.headsDigest))</code>. \(escape(ReportDocument.Sources.headsNote))</p>\n</div>\n"
        out += sourcesTable(sources) + "</section>\n</body>\n</html>\n"
        return out
    }

    /// A4 paper (the NHS's), 7.5 pt tables in print. Words never break inside: a cell without a space
    /// (a date, a delivery id, a code, a figure, a chain head) is kept on one line, and text with
    /// spaces wraps only at them; a file path may break after a `/` (`<wbr>`), its names kept whole. Each section's
    /// heading block is kept whole and with the table below it.
    static let style = """
    @page{size:A4;margin:14mm 12mm 14mm}
    body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;margin:2em;color:#111;line-height:1.35}
    h1{font-size:1.6em;margin-bottom:.3em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #999}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;font-size:.9em}dt{font-weight:600}dd{margin:0}
    .note{font-size:.9em;color:#333}table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1em}
    th,td{border:1px solid #bbb;padding:.2em .45em;text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal;hyphens:manual}th{background:#eee}
    .whole{white-space:nowrap}td.long{overflow-wrap:anywhere}
    td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.moderate{background:#fff4d6}td.low{background:#fde0dc;font-weight:600}
    table.sources td{font-family:ui-monospace,monospace;font-size:.9em}table.sources tr.problem{break-before:avoid;page-break-before:avoid}table.sources tr.problem td{font-family:inherit;border-top:none}
    svg{display:block;margin:.5em 0}svg text{font-family:system-ui,Arial,sans-serif;font-size:11px}
    .lead{break-inside:avoid;page-break-inside:avoid;break-after:avoid;page-break-after:avoid}h2{break-after:avoid;page-break-after:avoid}
    thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
    @media print{body{margin:0;font-size:10pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}table{font-size:7.5pt}
    th,td{padding:.15em .3em}section{break-inside:auto}}
    """

    static func table(_ table: Table, className: String? = nil) -> String {
        var out = "<table\(className.map { " class=\"\($0)\"" } ?? "")>\n<thead><tr>"
        out += table.columns.map { "<th scope=\"col\">\(escape($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (column, cell) in zip(table.columns, row) {
                var classes: [String] = []
                if column.numeric { classes.append("num") } else if column.key != "file" && !cell.display.contains(" ") {
                    // A word longer than any id or date (text from a journal, say) may break, so it
                    // cannot push the table off the page.
                    // A chain head is kept whole too: it is copied and compared character by character.
                    classes.append(cell.display.count <= 48 || column.key == "head" ? "whole" : "long")
                }
                if let mark = cell.mark { classes.append(mark.rawValue) }
                out += "<td\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>\(breakable(cell.display, path: column.key == "file"))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The sources list with each file's first problem on a line of its own below the file, across
    /// the table: beside a whole chain head, a problem column would be a word wide on A4.
    static func sourcesTable(_ table: Table) -> String {
        guard let problem = table.columns.firstIndex(where: { $0.key == "problem" }) else { return self.table(table, className: "sources") }
        var shown = table
        shown.columns.remove(at: problem)
        shown.rows = table.rows.map { var row = $0; row.remove(at: problem); return row }
        var out = self.table(shown, className: "sources")
        // Rows are written one per line: the problem line follows its file's row.
        var lines = out.components(separatedBy: "\n")
        var rowIndex = 0
        for (index, line) in lines.enumerated() where line.hasPrefix("<tr><td") {
            let text = table.rows[rowIndex][problem].display
            if !text.isEmpty {
                lines[index] += "\n<tr class=\"problem\"><td colspan=\"\(shown.columns.count)\">First problem: \(escape(text))</td></tr>"
            }
            rowIndex += 1
        }
        out = lines.joined(separator: "\n")
        return out
    }

    /// Horizontal bars from 0 to 100%, with dashed lines at the band limits; a bar below the high
    /// band carries its symbol too, so the chart reads in grey on paper.
    static func svg(_ table: Table, _ chart: ReportDocument.Chart) -> String {
        let rows = table.rows.prefix(40)
        let label = 150, plot = 420, bar = 14, gap = 6
        let height = rows.count * (bar + gap) + 24
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(label + plot + 60)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(table.columns[chart.valueColumn].title)) by \(escape(table.columns[chart.labelColumn].title))\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * (bar + gap)
            let name = row[chart.labelColumn].display
            out += "<text x=\"\(label - 6)\" y=\"\(y + bar - 3)\" text-anchor=\"end\">\(escape(String(name.prefix(24))))</text>\n"
            guard case .number(let value) = row[chart.valueColumn].value else {
                out += "<text x=\"\(label + 4)\" y=\"\(y + bar - 3)\">no applicable ratings</text>\n"
                continue
            }
            let width = Int((min(max(value, 0), 100) / 100 * Double(plot)).rounded())
            let fill = switch row[chart.valueColumn].mark { case .low?: "#c0392b"; case .moderate?: "#e0a030"; default: "#2e7d32" }
            out += "<rect x=\"\(label)\" y=\"\(y)\" width=\"\(width)\" height=\"\(bar)\" fill=\"\(fill)\"/>\n"
            out += "<text x=\"\(label + width + 4)\" y=\"\(y + bar - 3)\">\(escape(row[chart.valueColumn].display))</text>\n"
        }
        let axis = rows.count * (bar + gap)
        for limit in [chart.bands.low, chart.bands.high] {
            let x = label + Int(Double(limit) / 100 * Double(plot))
            out += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(axis)\" stroke=\"#555\" stroke-dasharray=\"3,3\"/>\n"
            out += "<text x=\"\(x)\" y=\"\(axis + 14)\" text-anchor=\"middle\">\(limit)%</text>\n"
        }
        out += "<line x1=\"\(label)\" y1=\"0\" x2=\"\(label)\" y2=\"\(axis)\" stroke=\"#111\"/>\n"
        return out + "</svg>\n"
    }

    public static func escape(_ text: String) -> String { DisplayText.htmlEscaped(text) }

    /// A cell's text escaped; for a file path, a break opportunity after each `/`, so a long path
    /// wraps between folders and never inside a name.
    static func breakable(_ text: String, path: Bool) -> String {
        guard path else { return escape(text) }
        return text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "<span class=\"whole\">\(escape(String($0)))</span>" }.joined(separator: "/<wbr>")
    }
}
