/// The programme-wide changes, one line each: the settings every session of a delivery and every
/// adherence report depends on.
enum ProgrammeWording {
    static func lines(_ changes: ProgrammeChanges) -> [ReportLine] {
        var lines: [ReportLine] = []
        if let id = changes.id { lines.append(ReportLine("programme id: \(id: id.old) → \(id: id.new)")) }
        if let title = changes.title { lines.append(ReportLine("title: \(quote: title.old) → \(quote: title.new)")) }
        if let version = changes.version { lines.append(ReportLine("version: \(text: version.old) → \(text: version.new)")) }
        if let summary = changes.summary { lines.append(Wording.textChange("summary, by sentence", summary)) }
        if let provenance = changes.provenance { lines.append(Wording.textChange("provenance, by sentence", provenance)) }
        lines += changes.rolesAdded.map { ReportLine("role added: \(id: $0.id) \(quote: $0.title)") }
        lines += changes.rolesRemoved.map { ReportLine("role removed: \(id: $0.id) \(quote: $0.title)") }
        lines += changes.rolesRetitled.map { ReportLine("role \(id: $0.id) retitled: \(quote: $0.title.old) → \(quote: $0.title.new)") }
        if let order = changes.rolesReordered { lines.append(ReportLine("roles reordered: \(ids: order.old) → \(ids: order.new)")) }
        lines += changes.fidelityScale.map { scaleLine("fidelity scale", $0, key: { "\(id: $0)" }) }
        lines += changes.competenceScale.map { scaleLine("competence scale", $0, key: { "score \(words: $0)" }) }
        if let sessions = changes.doseSessions {
            lines.append(ReportLine("dose counts sessions: \(ids: sessions.old) → \(ids: sessions.new)"))
        }
        if let minimum = changes.doseMinimum {
            lines.append(ReportLine("dose minimum: \(minimum.old) → \(minimum.new) sessions attended"))
        }
        if let description = changes.doseDescription { lines.append(Wording.rewording("dose description reworded", description)) }
        if let high = changes.bandHigh { lines.append(ReportLine("high adherence band: at or above \(high.old)% → \(high.new)%")) }
        if let low = changes.bandLow { lines.append(ReportLine("low adherence band: at or below \(low.old)% → \(low.new)%")) }
        if let warning = changes.warningMinutes {
            lines.append(ReportLine("timer warning: \(warning.old) → \(warning.new) min before an item's time runs out"))
        }
        return lines
    }

    private static func scaleLine(_ scale: String, _ change: ScaleChange, key: (String) -> Words) -> ReportLine {
        func score(_ value: Int?) -> String { value.map(String.init) ?? "not scored" }
        switch change {
        case .added(let level, let label, let value):
            return ReportLine("\(words: scale): level \(key(level)) added: \(quote: label), \(words: score(value))")
        case .removed(let level, let label, let value):
            return ReportLine("\(words: scale): level \(key(level)) removed: \(quote: label), \(words: score(value))")
        case .relabelled(let level, let label):
            return ReportLine("\(words: scale): level \(key(level)) relabelled: \(quote: label.old) → \(quote: label.new)")
        case .rescored(let level, let label, let value):
            return ReportLine("\(words: scale): level \(key(level)) \(quote: label) rescored: \(words: score(value.old)) → \(words: score(value.new))")
        case .reordered(let order):
            return ReportLine("\(words: scale): levels reordered: \(ids: order.old) → \(ids: order.new)")
        }
    }
}
