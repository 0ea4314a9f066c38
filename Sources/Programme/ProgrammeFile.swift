import Yams

/// What programme.yaml says, with the nodes kept where later, cross-file checks need to point.
struct ProgrammeHeader {
    var id: String?
    var title: String?
    var version: String?
    var summary: String?
    var provenance: String?
    var roles: [Role]?
    var fidelityScale: [FidelityLevel]?
    var competenceScale: [CompetenceLevel]?
    var dose: DoseRule?
    var doseSessionNodes: [Node] = []
    var doseMinimumNode: Node?
    var bands: Bands?
    var warningMinutes: Int?
    /// nil when the content declares no masks (the default shape applies); `.some(nil)` when the
    /// declaration is wrong (reported).
    var participantCodes: ParticipantCodeShape??
    /// The id of the programme whose facilitators this one trains (`trains:`), for a training course.
    var trains: String?
    /// Each session file named, with the node that names it.
    var sessionFiles: [(path: String, node: Node)] = []
}

extension FileReader {
    static let programmeKeys = ["id", "title", "version", "summary", "provenance", "roles", "fidelity_scale",
                                "competence_scale", "dose", "bands", "warning_minutes", "participant_codes", "trains", "sessions"]

    func programmeHeader(_ root: Node) -> ProgrammeHeader {
        var header = ProgrammeHeader()
        guard let fields = mapping(root, "the programme file", keys: Self.programmeKeys) else { return header }
        if let node = required(fields, "id") { header.id = identifier(node, "the programme id") }
        if let node = required(fields, "title") { header.title = text(node, "the programme title", rule: .title) }
        if let node = required(fields, "version", help: "Add `version: \"1.0\"`: journals record which version of the manual a session followed.") {
            header.version = text(node, "the version", rule: .label)
        }
        if let node = required(fields, "summary") { header.summary = text(node, "the summary", rule: .prose) }
        if let node = required(fields, "provenance", help: "Add `provenance:` saying which parts follow a published source and which are reconstructed.") {
            header.provenance = text(node, "the provenance", rule: .prose)
        }
        if let node = required(fields, "roles") { header.roles = roles(node) }
        if let node = required(fields, "fidelity_scale") { header.fidelityScale = fidelityScale(node) }
        if let node = fields["competence_scale"] { header.competenceScale = competenceScale(node) } else { header.competenceScale = [] }
        if let node = required(fields, "dose") { readDose(node, into: &header) }
        if let node = required(fields, "bands") { header.bands = bands(node) }
        if let node = fields["warning_minutes"] {
            header.warningMinutes = integer(node, "warning_minutes", in: 0...60)
        } else {
            header.warningMinutes = 3
        }
        if let node = fields["participant_codes"] { header.participantCodes = .some(participantCodes(node)) }
        if let node = fields["trains"] { header.trains = identifier(node, "the programme it trains for (trains)") }
        if let node = required(fields, "sessions", help: "Add `sessions:` listing the session files in delivery order.") {
            for entry in sequence(node, "the sessions list") ?? [] {
                if let path = text(entry, "a session file name", rule: .line) { header.sessionFiles.append((path, entry)) }
            }
            if header.sessionFiles.isEmpty, case .sequence = node {
                report(node, "the sessions list is empty", help: "List at least one session file, e.g. `- sessions/session-1.yaml`.")
            }
        }
        return header
    }

    private func roles(_ node: Node) -> [Role]? {
        guard let entries = sequence(node, "the roles list") else { return nil }
        var roles: [Role] = []
        var seen: [String: Node] = [:]
        for entry in entries {
            guard let fields = mapping(entry, "a role", keys: ["id", "title"]) else { continue }
            let id = required(fields, "id").flatMap { identifier($0, "the role id") }
            let title = required(fields, "title").flatMap { text($0, "the role title", rule: .roleTitle) }
            if let id, let idNode = fields["id"] {
                if let first = seen[id] {
                    report(idNode, "the role id `\(id)` is used twice", help: "It is first defined at line \(position(of: first).0). Role ids must be unique.")
                    continue
                }
                seen[id] = idNode
            }
            if let id, let title { roles.append(Role(id: id, title: title)) }
        }
        if entries.isEmpty { report(node, "the roles list is empty", help: "Name at least one facilitator role, e.g. `- {id: ROLE, title: Role title}`.") }
        return roles.count == entries.count ? roles : nil
    }

    private func fidelityScale(_ node: Node) -> [FidelityLevel]? {
        guard let entries = sequence(node, "the fidelity scale") else { return nil }
        var levels: [FidelityLevel] = []
        var seen: Set<String> = []
        for entry in entries {
            guard let fields = mapping(entry, "a fidelity scale level", keys: ["id", "label", "score", "excluded"]) else { continue }
            let id = required(fields, "id").flatMap { identifier($0, "the level id") }
            let label = required(fields, "label").flatMap { text($0, "the level label", rule: .label) }
            let excluded = fields["excluded"].flatMap { boolean($0, "excluded") } ?? false
            var score: Int?
            if let scoreNode = fields["score"] {
                score = integer(scoreNode, "the score", in: 0...100)
                if excluded { report(scoreNode, "a level cannot have a score and be excluded", help: "Remove `score` (an excluded level, such as not applicable, counts in neither numerator nor denominator) or remove `excluded: true`.") }
            } else if !excluded {
                report(fields.node, "the fidelity level has no `score`", span: 1, help: "Add `score:` (e.g. 2 fully, 1 partly, 0 not delivered), or `excluded: true` for a level such as not applicable.")
                continue
            }
            if let id, let idNode = fields["id"], !seen.insert(id).inserted {
                report(idNode, "the fidelity level `\(id)` is defined twice", help: "Level ids must be unique.")
                continue
            }
            if let id, let label, excluded || score != nil { levels.append(FidelityLevel(id: id, label: label, score: excluded ? nil : score)) }
        }
        if entries.count > 0, entries.count < 2 {
            report(node, "the fidelity scale has one level", help: "A scale needs at least two levels, e.g. delivered and not delivered.")
        }
        if levels.count == entries.count, !levels.isEmpty, levels.allSatisfy(\.isExcluded) {
            report(node, "every level of the fidelity scale is excluded", help: "Give at least one level a score.")
            return nil
        }
        return levels.count == entries.count && entries.count >= 2 ? levels : nil
    }

    private func competenceScale(_ node: Node) -> [CompetenceLevel]? {
        guard let entries = sequence(node, "the competence scale") else { return nil }
        var levels: [CompetenceLevel] = []
        var seen: Set<Int> = []
        for entry in entries {
            guard let fields = mapping(entry, "a competence level", keys: ["score", "label"]) else { continue }
            let score = required(fields, "score").flatMap { integer($0, "the score", in: 0...100) }
            let label = required(fields, "label").flatMap { text($0, "the level label", rule: .label) }
            if let score, let scoreNode = fields["score"], !seen.insert(score).inserted {
                report(scoreNode, "the competence score \(score) is used twice", help: "Each level needs its own score.")
                continue
            }
            if let score, let label { levels.append(CompetenceLevel(score: score, label: label)) }
        }
        return levels.count == entries.count ? levels : nil
    }

    private func readDose(_ node: Node, into header: inout ProgrammeHeader) {
        guard let fields = mapping(node, "the dose rule", keys: ["sessions", "minimum", "counts", "description"]) else { return }
        var sessions: [String]?
        if let list = required(fields, "sessions", help: "Add `sessions: [SESSION, ...]`: the ids of the sessions that count towards the dose.") {
            let entries = sequence(list, "the dose sessions") ?? []
            header.doseSessionNodes = entries
            let ids = entries.compactMap { identifier($0, "a dose session") }
            sessions = ids.count == entries.count ? ids : nil
        }
        let minimumNode = required(fields, "minimum")
        header.doseMinimumNode = minimumNode
        let minimum = minimumNode.flatMap { integer($0, "the dose minimum", in: 1...1000) }
        let description = required(fields, "description").flatMap { text($0, "the dose description", rule: .item) }
        // `counts: contacts` counts every delivery attended; left out, each session counts once.
        let counts = fields["counts"].map { choice($0, "the dose counting", as: DoseRule.Counting.self) } ?? .sessions
        guard let counts else { return }
        if let sessions, let minimum, let description {
            // Contacts can be more than the sessions listed (a call held weekly); sessions cannot.
            if counts == .sessions, minimum > sessions.count, let minimumNode {
                report(minimumNode, "the dose needs \(minimum) sessions but only \(sessions.count) count towards it",
                       help: "Lower `minimum` or list more sessions.")
                return
            }
            header.dose = DoseRule(sessions: sessions, minimum: minimum, description: description, counts: counts)
        }
    }

    /// `participant_codes: ["P##", "S##-P##"]`: the masks every participant code must fit.
    private func participantCodes(_ node: Node) -> ParticipantCodeShape? {
        guard let entries = sequence(node, "the participant code masks") else { return nil }
        guard (1...ParticipantCodeShape.maximumMasks).contains(entries.count) else {
            report(node, "the participant code masks list has \(entries.count) entries; it needs 1 to \(ParticipantCodeShape.maximumMasks)",
                   help: entries.isEmpty ? "List at least one mask, e.g. `- \"P##\"`, or remove `participant_codes` to use the default shape."
                                         : "Merge masks, or remove `participant_codes` to use the default shape.")
            return nil
        }
        var masks: [String] = []
        for (index, entry) in entries.enumerated() {
            guard let mask = text(entry, "mask \(index + 1) of the participant codes", rule: .label) else { continue }
            if let problem = ParticipantCodeShape.problem(withMask: mask) {
                report(entry, "`\(mask)` is not a participant code mask: \(problem)",
                       help: "Write each mask with # for a digit and @ for a letter, e.g. `- \"P##\"` or `- \"S##-P##\"`.")
                continue
            }
            masks.append(mask)
        }
        return masks.count == entries.count ? ParticipantCodeShape(masks: masks) : nil
    }

    private func bands(_ node: Node) -> Bands? {
        guard let fields = mapping(node, "the report bands", keys: ["high", "low"]) else { return nil }
        let high = required(fields, "high").flatMap { integer($0, "the high band", in: 1...100) }
        let low = required(fields, "low").flatMap { integer($0, "the low band", in: 0...99) }
        guard let high, let low else { return nil }
        if low >= high {
            report(fields["low"], "the low band (\(low)%) must be below the high band (\(high)%)",
                   help: "Adherence at or above `high` is high, at or below `low` is low, and moderate between, e.g. high: 80, low: 50.")
            return nil
        }
        return Bands(high: high, low: low)
    }
}
