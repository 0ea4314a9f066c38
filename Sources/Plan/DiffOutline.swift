/// The diff worded for people: one line per change, most general first (the programme, then
/// which sessions came and went, then each changed session item by item).
extension ContentDiff {
    var sections: [ReportSection] {
        var sections: [ReportSection] = []
        let programmeLines = ProgrammeWording.lines(programme)
        if !programmeLines.isEmpty { sections.append(ReportSection(heading: "Programme", lines: programmeLines)) }
        var sessionLines: [ReportLine] = []
        sessionLines += sessionsAdded.map { ReportLine("session added: \(id: $0.id) \(quote: $0.title), at position \($0.position)") }
        sessionLines += sessionsRemoved.map { ReportLine("session removed: \(id: $0.id) \(quote: $0.title)") }
        sessionLines += sessionsMoved.map { ReportLine("session moved: \(id: $0.id) \(quote: $0.title)" + Wording.move($0)) }
        if !sessionLines.isEmpty { sections.append(ReportSection(heading: "Sessions", lines: sessionLines)) }
        for session in sessions {
            sections.append(ReportSection(heading: "Session \(id: session.id) \(quote: session.title)",
                                          lines: SessionWording.lines(session)))
        }
        return sections
    }

    /// "1 session changed, 1 item added, ..." over the whole report.
    var tally: String {
        var counts: [(String, String, Int)] = []
        func count(_ singular: String, _ plural: String, _ number: Int) { counts.append((singular, plural, number)) }
        count("programme-wide change", "programme-wide changes", ProgrammeWording.lines(programme).count)
        count("session added", "sessions added", sessionsAdded.count)
        count("session removed", "sessions removed", sessionsRemoved.count)
        count("session moved", "sessions moved", sessionsMoved.count)
        count("session changed", "sessions changed", sessions.count)
        let items = sessions.flatMap(\.changed)
        count("item added", "items added", sessions.flatMap(\.added).filter { $0.fromSession == nil }.count)
        count("item removed", "items removed", sessions.flatMap(\.removed).filter { $0.toSession == nil }.count)
        count("item moved", "items moved", sessions.flatMap(\.moved).count + sessions.flatMap(\.added).filter { $0.fromSession != nil }.count)
        count("item re-timed", "items re-timed", items.filter { $0.minutes != nil }.count)
        count("item retitled", "items retitled", items.filter { $0.retitled != nil }.count)
        count("lead changed", "leads changed", items.filter { $0.lead != nil }.count)
        func edits(_ list: (ItemChanges) -> TextListChange?) -> Int { items.compactMap(list).reduce(0) { $0 + $1.edits.count } }
        count("aim changed", "aims changed", edits(\.aims))
        count("step changed", "steps changed", edits(\.steps))
        count("key message changed", "key messages changed", edits(\.keyMessages))
        count("material changed", "materials changed", edits(\.materials))
        let fidelity = items.flatMap(\.fidelity)
        count("fidelity item added", "fidelity items added", fidelity.filter { if case .added = $0 { true } else { false } }.count)
        count("fidelity item removed", "fidelity items removed", fidelity.filter { if case .removed = $0 { true } else { false } }.count)
        count("fidelity item reworded", "fidelity items reworded", fidelity.filter { if case .reworded = $0 { true } else { false } }.count)
        let shown = counts.filter { $0.2 > 0 }.map { "\($0.2) \($0.2 == 1 ? $0.0 : $0.1)" }
        return shown.isEmpty ? "" : "In all: " + shown.joined(separator: ", ") + "."
    }
}

/// Small pieces of wording used throughout the report.
enum Wording {
    static func move(_ move: Move) -> Words {
        var words: Words = ""
        if let position = move.position { words = words + ": position \(position.old) → \(position.new)" }
        return words + (move.after.map { ", now after \(id: $0)" } ?? ", now first")
    }

    static func minutes(_ count: Int) -> String { "\(count) min" }

    static func leads(_ titles: [String]) -> Words {
        titles.isEmpty ? "no lead" : "\(text: PlanWording.joined(titles))"
    }

    /// "1 reworded, 2 added" and the changed entries under it, each with its words.
    static func textChange(_ what: String, _ change: TextListChange) -> ReportLine {
        var counts: [String] = []
        if change.reworded > 0 { counts.append("\(change.reworded) reworded") }
        if change.added > 0 { counts.append("\(change.added) added") }
        if change.removed > 0 { counts.append("\(change.removed) removed") }
        if change.moved > 0 { counts.append("\(change.moved) moved") }
        if change.isLayoutOnly { counts.append("only spacing or line breaks changed") }
        let children = change.edits.flatMap { edit -> [ReportLine] in
            switch edit {
            case .reworded(let old, let new): return [ReportLine("was: \(text: old)"), ReportLine("now: \(text: new)")]
            case .added(let text): return [ReportLine("added: \(text: text)")]
            case .removed(let text): return [ReportLine("removed: \(text: text)")]
            case .moved(let text): return [ReportLine("moved: \(text: text)")]
            }
        }
        return ReportLine("\(words: what): \(words: counts.joined(separator: ", "))", children)
    }

    /// "was"/"now" lines for one changed piece of text.
    static func rewording(_ heading: Words, _ change: Change<String>) -> ReportLine {
        ReportLine(heading, [ReportLine("was: \(text: change.old)"), ReportLine("now: \(text: change.new)")])
    }
}
