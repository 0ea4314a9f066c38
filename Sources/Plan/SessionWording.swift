/// One changed session, item by item.
enum SessionWording {
    static func lines(_ session: SessionChanges) -> [ReportLine] {
        var lines: [ReportLine] = []
        if let title = session.retitled { lines.append(ReportLine("retitled: \(quote: title.old) → \(quote: title.new)")) }
        if let kind = session.kind { lines.append(ReportLine("kind: \(words: kind.old) → \(words: kind.new)")) }
        if let mode = session.mode { lines.append(ReportLine("mode: \(words: mode.old) → \(words: mode.new)")) }
        if let week = session.week {
            lines.append(ReportLine("week: \(words: week.old.map(String.init) ?? "none") → \(words: week.new.map(String.init) ?? "none")"))
        }
        if let day = session.day {
            lines.append(ReportLine("day: \(words: day.old.map(String.init) ?? "none") → \(words: day.new.map(String.init) ?? "none")"))
        }
        if let planned = session.plannedMinutes {
            lines.append(ReportLine("planned minutes: \(planned.old) → \(planned.new) min"))
        }
        if let summary = session.summary { lines.append(Wording.textChange("summary, by sentence", summary)) }
        for added in session.added {
            let item = added.item
            let place: Words = added.after.map { "after \(id: $0)" } ?? "first"
            var facts: Words = "\(words: item.kind.rawValue), \(words: Wording.minutes(item.minutes))"
            if !item.lead.isEmpty { facts = facts + ", led by \(Wording.leads(added.leads))" }
            let heading: Words = added.fromSession.map { "moved here from session \(id: $0): " } ?? "added: "
            lines.append(ReportLine(heading + "\(id: item.id) \(quote: item.title) (\(facts)), \(place)"))
        }
        for removed in session.removed {
            let item = removed.item
            let heading: Words = removed.toSession.map { "moved to session \(id: $0): " } ?? "removed: "
            lines.append(ReportLine(heading + "\(id: item.id) \(quote: item.title) (\(words: item.kind.rawValue), \(words: Wording.minutes(item.minutes)))"))
        }
        lines += session.moved.map { ReportLine("moved: \(id: $0.id) \(quote: $0.title)" + Wording.move($0)) }
        lines += session.changed.map { ReportLine("changed: \(id: $0.id) \(quote: $0.title)", itemLines($0)) }
        return lines
    }

    static func itemLines(_ item: ItemChanges) -> [ReportLine] {
        var lines: [ReportLine] = []
        if let kind = item.kind { lines.append(ReportLine("kind: \(words: kind.old) → \(words: kind.new)")) }
        if let title = item.retitled { lines.append(ReportLine("retitled: \(quote: title.old) → \(quote: title.new)")) }
        if let minutes = item.minutes { lines.append(ReportLine("re-timed: \(minutes.old) → \(minutes.new) min")) }
        if let lead = item.lead { lines.append(ReportLine("lead: \(Wording.leads(lead.old)) → \(Wording.leads(lead.new))")) }
        if let source = item.source { lines.append(Wording.rewording("source changed", source)) }
        if let aims = item.aims { lines.append(Wording.textChange("aims", aims)) }
        if let steps = item.steps { lines.append(Wording.textChange("steps", steps)) }
        if let messages = item.keyMessages { lines.append(Wording.textChange("key messages", messages)) }
        if let materials = item.materials { lines.append(Wording.textChange("materials", materials)) }
        for change in item.fidelity {
            switch change {
            case .added(let fidelity): lines.append(ReportLine("fidelity item added: \(id: fidelity.id) \(quote: fidelity.behaviour)"))
            case .removed(let fidelity): lines.append(ReportLine("fidelity item removed: \(id: fidelity.id) \(quote: fidelity.behaviour)"))
            case .reworded(let id, let behaviour): lines.append(Wording.rewording("fidelity item \(id: id) reworded", behaviour))
            case .reordered(let order): lines.append(ReportLine("fidelity items reordered: \(ids: order.old) → \(ids: order.new)"))
            }
        }
        return lines
    }
}
