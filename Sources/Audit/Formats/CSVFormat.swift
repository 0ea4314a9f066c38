import DeliveryFacts
/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes
/// doubled. One table per file: a report's sections have different columns.
///
/// Every cell goes through `field`, the reports' tables and the REDCap export alike, and so through
/// `neutralised`: a cell a spreadsheet would take for a formula gets a leading `'` and quotes.
public enum CSV {
    public static func field(_ text: String) -> String {
        let text = neutralised(text)
        guard text.first == "'" || text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// OWASP's rule against CSV injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return is prefixed with a single quote, so a spreadsheet shows it as text and never
    /// runs it (`=HYPERLINK(…)` becomes `'=HYPERLINK(…)`). A plain number (`-19.4`, `-0.250`, an
    /// optional minus, digits and at most one decimal point) stays as it is: it is a figure, and a
    /// spreadsheet reads it as one. Anything else starting with `-` (a session `-1+1`) is text.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, triggers.contains(first) else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `-?DIGITS(.DIGITS)?`, ASCII only.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }

    public static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// Cells as machines read them: one value a cell, numbers with their column's decimals,
    /// percentages without "%", and a band column after each adherence column (high named too).
    public static func render(_ table: Table) -> String {
        // Adherence columns carry their band beside them, so the mark is not lost in a spreadsheet.
        let marked = Set(table.columns.indices.filter { table.columns[$0].key.hasSuffix("adherence") })
        var header: [String] = []
        for (index, column) in table.columns.enumerated() {
            header.append(column.key)
            if marked.contains(index) { header.append(column.key + "_band") }
        }
        var out = line(header)
        for row in table.rows {
            var fields: [String] = []
            for (index, cell) in row.enumerated() {
                fields.append(plain(cell))
                if marked.contains(index) { fields.append(cell.band?.rawValue ?? "") }
            }
            out += line(fields)
        }
        return out
    }

    /// A number is written with its cell's decimals, the same for every row of a column (50.0 beside
    /// 77.3, never 50): a column of percentages or minutes reads as one kind of figure.
    static func plain(_ cell: Cell) -> String {
        switch cell.value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .number(let number): Format.fixed(number, cell.decimals)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        }
    }
}
