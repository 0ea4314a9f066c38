import Programme

/// The session plan as one self-contained, printable HTML page: inline CSS, no scripts, no fonts
/// or images fetched from anywhere, every piece of content text escaped.
extension SessionPlan {
    public var html: String {
        let h = HTMLText.escaped
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"en\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        out.append("<title>\(h(session.title)) – session plan</title>")
        out.append("<style>\n\(PlanStyle.css)\n</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<header>")
        out.append("<p class=\"kicker\">Session plan · \(h(programmeTitle)) version \(h(programmeVersion))</p>")
        out.append("<h1>\(h(session.title))</h1>")
        out.append("<dl class=\"facts\">")
        out.append(fact("Programme", "\(h(programmeTitle)), version \(h(programmeVersion))"))
        out.append(fact("Content fingerprint", "<code>\(h(fingerprint))</code>"))
        out.append(fact("Session", "<code>\(h(session.id))</code>: \(h(PlanWording.sessionFacts(session)))"))
        out.append(fact("Time", "<span class=\"time\">\(h(PlanWording.time(self)))</span>"))
        out.append(fact("Rating scale", h(PlanWording.scale(fidelityScale))))
        out.append("</dl>")
        out.append("<p class=\"provenance\"><strong>Provenance.</strong> \(h(provenanceNote)) See <a href=\"#about-this-content\">About this content</a>.</p>")
        if !session.summary.isEmpty { out.append(HTMLText.paragraphs(session.summary, class: "summary")) }
        out.append("</header>")
        out += timetableSection()
        let materials = self.materials
        if !materials.isEmpty {
            out.append("<section class=\"bring\">")
            out.append("<h2>What to bring</h2>")
            out.append("<ul class=\"checklist\">")
            out += materials.map { "<li><span class=\"box\"></span>\(h($0))</li>" }
            out.append("</ul>")
            out.append("</section>")
        }
        for slot in timetable.slots { out += itemSection(slot) }
        out.append("<footer>")
        out.append("<h2 id=\"about-this-content\">About this content</h2>")
        out.append(HTMLText.paragraphs(programmeProvenance))
        out.append("</footer>")
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    private func fact(_ name: String, _ valueHTML: String) -> String {
        "<dt>\(HTMLText.escaped(name))</dt><dd>\(valueHTML)</dd>"
    }

    private func anchor(_ item: Activity) -> String { "item-" + HTMLText.escaped(item.id) }

    private func timetableSection() -> [String] {
        let h = HTMLText.escaped
        var out = ["<section class=\"timetable\">", "<h2>Timetable</h2>", "<table>",
                   "<thead><tr><th>Time</th><th>Minutes</th><th>Item</th><th>Led by</th></tr></thead>", "<tbody>"]
        for slot in timetable.slots {
            let item = slot.item
            let pause = item.kind == .activity ? "" : " class=\"pause\""
            let kind = item.kind == .activity ? "" : " (\(item.kind.rawValue))"
            out.append("<tr\(pause)><td class=\"time\">\(slot.span)</td><td class=\"number\">\(item.minutes)</td>"
                + "<td><a href=\"#\(anchor(item))\">\(h(item.title))</a>\(kind)</td>"
                + "<td>\(h(PlanWording.joined(leadTitles(of: item))))</td></tr>")
        }
        out.append("<tr><td class=\"time\">\(timetable.end)</td><td></td><td>End</td><td></td></tr>")
        out += ["</tbody>", "</table>", "</section>"]
        return out
    }

    private func itemSection(_ slot: Timetable.Slot) -> [String] {
        let h = HTMLText.escaped
        let item = slot.item
        var out = ["<section class=\"item \(item.kind == .activity ? "activity" : "pause")\" id=\"\(anchor(item))\">",
                   "<h2><span class=\"time\">\(slot.span)</span> \(h(item.title))</h2>"]
        var facts = "\(PlanWording.kindName(item.kind)) <code>\(h(item.id))</code>, \(PlanWording.minutes(item.minutes))"
        let leads = leadTitles(of: item)
        if !leads.isEmpty { facts += ", led by \(h(PlanWording.joined(leads)))" }
        out.append("<p class=\"meta\">\(facts).</p>")
        if let source = item.source {
            out.append("<p class=\"meta\">Source (\(h(source.kind.rawValue))): \(h(source.reference))</p>")
            if let caveat = source.kind.caveat { out.append("<p class=\"meta\">\(h(caveat))</p>") }
        }
        if item.kind == .activity {
            out += list("Aims", item.aims)
            out += list("Steps and prompts", item.steps, ordered: true)
            out += list("Key messages", item.keyMessages)
            out += item.materials.isEmpty ? ["<h3>Materials</h3>", "<p>None listed.</p>"] : list("Materials", item.materials)
            out += fidelityTable(item.fidelity)
        } else if !item.steps.isEmpty {
            out += list("Reminders", item.steps)
        }
        out.append("</section>")
        return out
    }

    private func list(_ heading: String, _ entries: [String], ordered: Bool = false) -> [String] {
        let tag = ordered ? "ol" : "ul"
        return ["<h3>\(HTMLText.escaped(heading))</h3>", "<\(tag)>"]
            + entries.map { "<li>\(HTMLText.escaped($0))</li>" }
            + ["</\(tag)>"]
    }

    /// One row per item and an empty box per level of the scale, for ticking on paper.
    private func fidelityTable(_ items: [FidelityItem]) -> [String] {
        let h = HTMLText.escaped
        let levels = fidelityScale.map { "<th class=\"level\">\(h($0.label))</th>" }.joined()
        let ticks = String(repeating: "<td class=\"tick\"><span class=\"box\"></span></td>", count: fidelityScale.count)
        var out = ["<h3>Fidelity items to rate</h3>", "<table class=\"fidelity\">",
                   "<thead><tr><th>Item</th><th>Behaviour</th>\(levels)</tr></thead>", "<tbody>"]
        for item in items {
            out.append("<tr><td><code>\(h(item.id))</code></td><td>\(h(item.behaviour))</td>\(ticks)</tr>")
        }
        out += ["</tbody>", "</table>"]
        return out
    }
}
