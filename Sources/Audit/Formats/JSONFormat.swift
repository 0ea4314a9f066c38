import Foundation

/// The whole report as one JSON object: facts, each section's rows as objects keyed by column,
/// and the sources with every chain head. Keys sorted, so two runs compare byte for byte.
public enum JSONFormat {
    public static func render(_ document: ReportDocument) -> String {
        var sections: [String: Any] = [:]
        for section in document.sections {
            let rows: [[String: Any]] = section.table.rows.map { row in
                var object: [String: Any] = [:]
                for (column, cell) in zip(section.table.columns, row) {
                    object[column.key] = value(cell.value)
                    // Every banded figure names its band, high too, as the CSV's band column does.
                    if let band = cell.band { object[column.key + "_band"] = band.rawValue }
                }
                return object
            }
            sections[section.id] = ["title": section.title, "note": section.note, "rows": rows]
        }
        let root: [String: Any] = [
            "report": document.title,
            "facts": Dictionary(document.facts.map { ($0.label.lowercased().replacingOccurrences(of: " ", with: "_"), $0.value) }, uniquingKeysWith: { a, _ in a }),
            "sections": sections,
            "sources": [
                "heads_digest": document.sources.headsDigest,
                "journals": document.sources.journals.map {
                    ["file": $0.file, "delivery": $0.delivery, "kind": $0.kind, "events": $0.events, "head": $0.head, "check": $0.verdict,
                     "errors": $0.errors, "first_problem": $0.problem] as [String: Any]
                },
            ] as [String: Any],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func value(_ value: Cell.Value) -> Any {
        switch value {
        case .text(let text): text
        case .integer(let number): number
        case .number(let number): number
        case .bool(let flag): flag
        case .null: NSNull()
        }
    }
}
