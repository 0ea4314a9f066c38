import Programme

/// The session plan as Markdown: readable as it stands in a terminal or an editor, and renders
/// as tables and lists wherever Markdown is shown.
extension SessionPlan {
    public var markdown: String {
        let md = MarkdownText.self
        var out: [String] = []
        out.append("# \(md.inline(session.title))")
        out.append("")
        out.append("Session plan from \(md.inline(programmeTitle)) version \(md.inline(programmeVersion)).")
        out.append("")
        out.append("| | |")
        out.append("|---|---|")
        out.append("| Programme | \(md.inline(programmeTitle)), version \(md.inline(programmeVersion)) |")
        out.append("| Content fingerprint | \(md.code(fingerprint)) |")
        out.append("| Session | \(md.code(session.id)): \(md.inline(PlanWording.sessionFacts(session))) |")
        out.append("| Time | \(md.inline(PlanWording.time(self))) |")
        out.append("| Rating scale | \(md.inline(PlanWording.scale(fidelityScale))) |")
        out.append("")
        out.append("> **Provenance.** \(md.inline(provenanceNote)) See [About this content](#about-this-content).")
        for paragraph in md.paragraphs(session.summary) {
            out.append("")
            out.append(paragraph)
        }
        out.append("")
        out += timetableLines()
        let materials = self.materials
        if !materials.isEmpty {
            out.append("")
            out.append("## What to bring")
            out.append("")
            out += materials.map { "- [ ] \(md.inline($0))" }
        }
        for slot in timetable.slots {
            out.append("")
            out += itemLines(slot)
        }
        out.append("")
        out.append("## About this content")
        for paragraph in md.paragraphs(programmeProvenance) {
            out.append("")
            out.append(paragraph)
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func timetableLines() -> [String] {
        var out = ["## Timetable", "", "| Time | Minutes | Item | Led by |", "|---|--:|---|---|"]
        for slot in timetable.slots {
            let item = slot.item
            let title = MarkdownText.inline(item.title) + (item.kind == .activity ? "" : " (\(item.kind.rawValue))")
            let leads = MarkdownText.inline(PlanWording.joined(leadTitles(of: item)))
            out.append("| \(slot.span) | \(item.minutes) | \(title) | \(leads) |")
        }
        out.append("| \(timetable.end) | | End | |")
        return out
    }

    private func itemLines(_ slot: Timetable.Slot) -> [String] {
        let md = MarkdownText.self
        let item = slot.item
        var out = ["## \(slot.span) \(md.inline(item.title))", ""]
        var facts = "\(PlanWording.kindName(item.kind)) \(md.code(item.id)), \(PlanWording.minutes(item.minutes))"
        let leads = leadTitles(of: item)
        if !leads.isEmpty { facts += ", led by \(md.inline(PlanWording.joined(leads)))" }
        out.append(facts + ".")
        if let source = item.source {
            out.append("")
            out.append("Source (\(source.kind.rawValue)): \(md.inline(source.reference))")
            if let caveat = source.kind.caveat { out += ["", md.inline(caveat)] }
        }
        guard item.kind == .activity else {
            if !item.steps.isEmpty {
                out += ["", "### Reminders", ""] + item.steps.map { "- \(md.inline($0))" }
            }
            return out
        }
        out += ["", "### Aims", ""] + item.aims.map { "- \(md.inline($0))" }
        out += ["", "### Steps and prompts", ""] + item.steps.enumerated().map { "\($0.offset + 1). \(md.inline($0.element))" }
        out += ["", "### Key messages", ""] + item.keyMessages.map { "- \(md.inline($0))" }
        out += ["", "### Materials", ""] + (item.materials.isEmpty ? ["None listed."] : item.materials.map { "- \(md.inline($0))" })
        out += ["", "### Fidelity items to rate", ""] + fidelityTable(item.fidelity)
        return out
    }

    /// One row per item and an empty column per level of the scale, for ticking on paper.
    private func fidelityTable(_ items: [FidelityItem]) -> [String] {
        let md = MarkdownText.self
        let levels = fidelityScale.map { md.inline($0.label) }
        var out = ["| Item | Behaviour | " + levels.joined(separator: " | ") + " |",
                   "|---|---|" + String(repeating: ":-:|", count: levels.count)]
        let blanks = String(repeating: " |", count: levels.count)
        for item in items {
            out.append("| \(md.code(item.id)) | \(md.inline(item.behaviour)) |" + blanks)
        }
        return out
    }
}
