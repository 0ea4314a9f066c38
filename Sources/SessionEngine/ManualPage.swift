import DisplayText
import Programme

/// One agenda item of the manual in full, laid out as rows of a given width: title, what kind
/// of item and who leads it, its source, then aims, steps, key messages, materials and fidelity
/// items. The engine pages and scrolls to a search hit with it; the view draws the same rows.
public struct ManualPage: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case title, meta, heading, text, gap }
        public var kind: Kind
        /// Sanitised and cut to the page's width.
        public var text: String
        /// The manual text this row belongs to, when it is one.
        public var field: ManualField?
    }

    public private(set) var lines: [Line] = []

    /// `roles` give the leads their titles ("Lead: Nurse facilitator"); an id without a role stays as it is.
    public init(item: Activity, number: Int, of count: Int, width: Int, roles: [Role] = []) {
        let width = max(10, width)
        add(.title, item.title, field: .title, width: width)
        let kind = item.kind == .activity ? "Activity" : item.kind.rawValue.capitalized
        add(.meta, "\(kind) · \(item.minutes) min · item \(number) of \(count)", width: width)
        // Role titles, which may be long, on their own line: "Lead: Nurse facilitator and Lay facilitator, together".
        let leads = item.lead.map { id in roles.first { $0.id == id }?.title ?? id }
        if leads.count == 1 { add(.meta, "Lead: " + leads[0], width: width) }
        if leads.count > 1 {
            add(.meta, "Lead: " + leads.dropLast().joined(separator: ", ") + " and " + leads[leads.count - 1] + ", together", width: width)
        }
        if let source = item.source {
            add(.meta, "Source: \(source.kind.rawValue), \(source.reference)", width: width)
            if let caveat = source.kind.caveat { add(.meta, caveat, width: width) }
        }
        section("Aims", item.aims, field: ManualField.aim, numbered: false, width: width)
        section("Steps", item.steps, field: ManualField.step, numbered: true, width: width)
        section("Key messages", item.keyMessages, field: ManualField.keyMessage, numbered: false, width: width)
        section("Materials", item.materials, field: ManualField.material, numbered: false, width: width)
        section("Fidelity checklist", item.fidelity.map(\.behaviour), field: ManualField.fidelity, numbered: true, width: width)
    }

    /// The first row of a field, to scroll a hit into view.
    public func firstLine(of field: ManualField) -> Int? { lines.firstIndex { $0.field == field } }

    private mutating func section(_ heading: String, _ texts: [String], field: (Int) -> ManualField, numbered: Bool, width: Int) {
        guard !texts.isEmpty else { return }
        lines.append(Line(kind: .gap, text: "", field: nil))
        lines.append(Line(kind: .heading, text: heading + (texts.count > 1 ? " (\(texts.count))" : ""), field: nil))
        for (index, text) in texts.enumerated() {
            add(.text, text, field: field(index), width: width, marker: numbered ? "\(index + 1). " : "• ")
        }
    }

    /// Wrapped text, the marker on the first row and its width of spaces on the rest.
    private mutating func add(_ kind: Line.Kind, _ text: String, field: ManualField? = nil, width: Int, marker: String = "") {
        let indent = 2 + DisplayText.width(marker)
        let lead = kind == .text ? "  " + marker : ""
        let room = max(4, width - (kind == .text ? indent : 0))
        for (index, row) in DisplayText.wrap(DisplayText.sanitised(text), width: room).enumerated() {
            let prefix = kind == .text ? (index == 0 ? lead : String(repeating: " ", count: indent)) : ""
            lines.append(Line(kind: kind, text: prefix + row, field: field))
        }
    }
}
