import Yams

/// Where an id was first defined, so a duplicate can point back at it.
struct IdentifierRegistry {
    private var places: [String: (path: String, line: Int)] = [:]

    /// Records the id; returns where it was defined before, if it was.
    mutating func claim(_ id: String, path: String, line: Int) -> (path: String, line: Int)? {
        if let earlier = places[id] { return earlier }
        places[id] = (path, line)
        return nil
    }
}

extension FileReader {
    static let sessionKeys = ["id", "title", "kind", "mode", "week", "day", "planned_minutes", "summary", "facilitators", "agenda"]
    static let activityKeys = ["id", "kind", "title", "minutes", "lead", "source", "aims", "steps",
                               "key_messages", "materials", "fidelity"]
    static let pauseKeys = ["id", "kind", "title", "minutes", "steps"]

    /// Reads a session file. `roles` are the programme's role ids in its order (nil when
    /// programme.yaml itself failed, so role references go unchecked rather than all reported as unknown).
    func session(_ root: Node, roles order: [String]?, ids: inout IdentifierRegistry) -> Session? {
        let roles = order.map(Set.init)
        guard let fields = mapping(root, "the session file", keys: Self.sessionKeys) else { return nil }
        let id = required(fields, "id").flatMap { identifier($0, "the session id") }
        if let id, let node = fields["id"] { claimUnique(id, node, "session id", &ids) }
        let title = required(fields, "title").flatMap { text($0, "the session title", rule: .title) }
        let kind = required(fields, "kind", help: "Add `kind: group` or `kind: one-to-one`.").flatMap { choice($0, "the session kind", as: Session.Kind.self) }
        let mode = required(fields, "mode", help: "Add `mode: face-to-face` or `mode: telephone`.").flatMap { choice($0, "the session mode", as: Session.Mode.self) }
        let week = fields["week"].flatMap { integer($0, "the week", in: 1...52) }
        let day = fields["day"].flatMap { integer($0, "the day", in: 0...365) }
        if let dayNode = fields["day"], fields["week"] != nil {
            report(dayNode, "the session has both `week` and `day`; it is scheduled by one of them",
                   help: "Keep `week: N` (the programme week) or `day: N` (days after the first session), and remove the other.")
        }
        let plannedNode = required(fields, "planned_minutes")
        let planned = plannedNode.flatMap { integer($0, "planned_minutes", in: 1...1440) }
        let summary = fields["summary"].flatMap { text($0, "the session summary", rule: .prose) } ?? ""
        // Read before the agenda, so each activity's lead can be checked against it.
        let declared = fields["facilitators"].map { facilitatorRoles($0, roles: roles) }
        let holders = declared.map { list in list.map { (roles: $0, node: fields["facilitators"]) } } ?? nil

        var agenda: [Activity]?
        var timing: [(minutes: Int, isActivity: Bool)?] = []
        if let agendaNode = required(fields, "agenda", help: "Add `agenda:` listing the session's activities and breaks in order.") {
            let entries = sequence(agendaNode, "the agenda") ?? []
            if entries.isEmpty, case .sequence = agendaNode {
                report(agendaNode, "the agenda is empty", help: "List the session's activities and breaks.")
            }
            let items = entries.compactMap { agendaItem($0, roles: roles, facilitators: holders, ids: &ids) }
            agenda = items.count == entries.count && !items.isEmpty ? items : nil
            timing = entries.map(Self.timing)
        }
        // The sum is checked whenever every item's minutes could be read, even if an item has
        // other problems, so one pass shows them all.
        let readable = timing.compactMap { $0 }
        if let planned, let plannedNode, !readable.isEmpty, readable.count == timing.count {
            let total = readable.reduce(0) { $0 + $1.minutes }
            let pauses = readable.filter { !$0.isActivity }.reduce(0) { $0 + $1.minutes }
            if total != planned {
                report(plannedNode, "the agenda adds up to \(total) minutes but planned_minutes is \(planned)",
                       help: "Activities take \(total - pauses) minutes and arrivals, breaks and lunch \(pauses). Change an item's minutes or planned_minutes so they agree (a difference of \(abs(total - planned))).")
                return nil
            }
        }
        guard let agenda, let id, let title, let kind, let mode, let planned, declared != .some(nil) else { return nil }
        var session = Session(id: id, title: title, kind: kind, mode: mode, week: week, plannedMinutes: planned,
                              summary: summary, agenda: agenda, day: day, facilitators: declared ?? nil)
        if !session.declaresFacilitators { session.facilitators = Session.leadingRoles(agenda, order: order ?? []) }
        return session
    }

    /// An agenda item's minutes. Only minutes in range are summed, so the sum of even a very long
    /// agenda stays far from overflowing.
    static let itemMinutes = 1...600

    /// An item's minutes and whether it is an activity, read without reporting (the item's own
    /// reading reports any problem with them, such as minutes out of range).
    private static func timing(_ node: Node) -> (minutes: Int, isActivity: Bool)? {
        guard case let .mapping(mapping) = node, case let .scalar(scalar)? = mapping["minutes"],
              scalar.style == .plain, let minutes = Int(scalar.string), itemMinutes.contains(minutes) else { return nil }
        return (minutes, (mapping["kind"]?.string ?? "activity") == "activity")
    }

    private func claimUnique(_ id: String, _ node: Node, _ what: String, _ ids: inout IdentifierRegistry) {
        let (line, _) = position(of: node)
        if let earlier = ids.claim(id, path: file.path, line: line) {
            report(node, "the \(what) `\(id)` is already used",
                   help: "It is first used at \(earlier.path):\(earlier.line). Ids are unique across the whole programme, because journals refer to them.")
        }
    }

    /// `facilitators`: the session's declared facilitator roles and where they are declared, when it declares them.
    private func agendaItem(_ node: Node, roles: Set<String>?, facilitators: (roles: [String], node: Node?)?,
                            ids: inout IdentifierRegistry) -> Activity? {
        guard visit(node) else { return nil }
        // The kind decides which keys are allowed, so read it before the rest.
        var kind = Activity.Kind.activity
        if case let .mapping(mapping) = node, let kindNode = mapping["kind"] {
            guard let value = choice(kindNode, "the item kind", as: Activity.Kind.self) else { return nil }
            kind = value
        }
        let isActivity = kind == .activity
        let what = isActivity ? "an activity" : "a \(kind.rawValue) item"
        guard let fields = mapping(node, what, keys: isActivity ? Self.activityKeys : Self.pauseKeys) else { return nil }
        let id = required(fields, "id").flatMap { identifier($0, "the item id") }
        if let id, let idNode = fields["id"] { claimUnique(id, idNode, "item id", &ids) }
        let title = required(fields, "title").flatMap { text($0, "the title", rule: .title) }
        let minutes = required(fields, "minutes").flatMap { integer($0, "minutes", in: Self.itemMinutes) }
        let stepsNode = isActivity ? required(fields, "steps") : fields["steps"]
        // Steps are required of an activity (reported above when missing) and optional for a break.
        let steps: [String]? = stepsNode.map { textList($0, "the steps", rule: .item, count: (isActivity ? 1 : 0)...20) } ?? (isActivity ? nil : [])
        guard isActivity else {
            guard let id, let title, let minutes, let steps else { return nil }
            return Activity(id: id, kind: kind, title: title, minutes: minutes, lead: [], source: nil, aims: [],
                            steps: steps, keyMessages: [], materials: [], fidelity: [])
        }
        // The hint names this programme's own roles: no programme's names are written here.
        let known = roles.map { $0.sorted() } ?? []
        let example = known.isEmpty ? "`lead: ROLE`, naming a role of programme.yaml"
            : "`lead: \(known[0])`" + (known.count > 1 ? ", or `lead: [\(known.prefix(2).joined(separator: ", "))]` when several lead together" : "")
        let lead = required(fields, "lead", help: "Add \(example).").flatMap { leads($0, roles: roles, facilitators: facilitators) }
        let source = required(fields, "source", help: "Add `source:` with `kind: published` and the reference, `kind: outline` when only the title and aims are published, or `kind: reconstructed` and what it was reconstructed from.").flatMap { activitySource($0) }
        let aims = required(fields, "aims").flatMap { textList($0, "the aims", rule: .item, count: 1...6) }
        let messages = required(fields, "key_messages").flatMap { textList($0, "the key messages", rule: .item, count: 1...6) }
        let materials: [String]? = fields["materials"].map { textList($0, "the materials", rule: .item, count: 0...12) } ?? []
        var fidelity: [FidelityItem]?
        if let list = required(fields, "fidelity", help: "Add `fidelity:` with the observable behaviours a rater checks, each with an `id` and a `behaviour`.") {
            let entries = sequence(list, "the fidelity items") ?? []
            if entries.isEmpty, case .sequence = list {
                report(list, "the activity has no fidelity items", help: "Add at least one: an activity with nothing to rate cannot be audited.")
            }
            let items = entries.compactMap { fidelityItem($0, ids: &ids) }
            fidelity = items.count == entries.count && !items.isEmpty ? items : nil
        }
        guard let id, let title, let minutes, let lead, let source, let aims, let steps, let messages,
              let materials, let fidelity else { return nil }
        return Activity(id: id, kind: .activity, title: title, minutes: minutes, lead: lead, source: source,
                        aims: aims, steps: steps, keyMessages: messages, materials: materials, fidelity: fidelity)
    }

    /// A session's `facilitators:`: programme roles, each once, at least one.
    private func facilitatorRoles(_ node: Node, roles: Set<String>?) -> [String]? {
        let entries: [Node]
        if case .sequence = node { entries = sequence(node, "the facilitators") ?? [] } else { entries = [node] }
        var ids: [String] = []
        for entry in entries {
            guard let id = identifier(entry, "a facilitator role") else { continue }
            if let roles, !roles.contains(id) {
                var help = "The programme's roles are: \(roles.sorted().joined(separator: ", ")). List roles of programme.yaml, or add the role there."
                if let near = Spelling.closest(to: id, in: roles.sorted()) { help = "Did you mean `\(near)`? " + help }
                report(entry, "unknown facilitator role `\(id)`", help: help)
                continue
            }
            if ids.contains(id) {
                report(entry, "the facilitator role `\(id)` is listed twice", help: "List each role once; each is one facilitator on the set-up form.")
                continue
            }
            ids.append(id)
        }
        if entries.isEmpty {
            report(node, "the session has no facilitators", help: "List the roles that facilitate it, e.g. `facilitators: [\(roles?.sorted().first ?? "ROLE")]`, or leave `facilitators:` out to take the roles that lead its activities.")
        }
        return ids.count == entries.count && !ids.isEmpty ? ids : nil
    }

    private func leads(_ node: Node, roles: Set<String>?, facilitators: (roles: [String], node: Node?)?) -> [String]? {
        let entries: [Node]
        if case .sequence = node { entries = sequence(node, "the lead") ?? [] } else { entries = [node] }
        var ids: [String] = []
        for entry in entries {
            guard let id = identifier(entry, "the lead role") else { continue }
            if let roles, !roles.contains(id) {
                var help = "The programme's roles are: \(roles.sorted().joined(separator: ", ")). Add the role to programme.yaml, or correct the name."
                if let near = Spelling.closest(to: id, in: roles.sorted()) { help = "Did you mean `\(near)`? " + help }
                report(entry, "unknown role `\(id)`", help: help)
                continue
            }
            if ids.contains(id) {
                report(entry, "the role `\(id)` is named twice", help: "Name each leading role once.")
                continue
            }
            // A role that leads must be held: the session's facilitators are the only people there.
            if let facilitators, !facilitators.roles.contains(id) {
                let (line, _) = position(of: facilitators.node)
                report(entry, "the role `\(id)` leads this activity but is not among the session's facilitators",
                       help: "The session's facilitators (line \(line)) are: \(facilitators.roles.joined(separator: ", ")). Add `\(id)` to `facilitators:`, or change the lead.")
                continue
            }
            ids.append(id)
        }
        if entries.isEmpty { report(node, "the lead is empty", help: "Name the role or roles that lead this activity.") }
        return ids.count == entries.count && !ids.isEmpty ? ids : nil
    }

    private func activitySource(_ node: Node) -> Source? {
        guard let fields = mapping(node, "the source", keys: ["kind", "reference"]) else { return nil }
        let kind = required(fields, "kind", help: "Add `kind: published`, `kind: outline` or `kind: reconstructed`.").flatMap { choice($0, "the source kind", as: Source.Kind.self) }
        let reference = required(fields, "reference", help: "Add `reference:` naming the publication, or what the activity was reconstructed from.").flatMap { text($0, "the reference", rule: .item) }
        guard let kind, let reference else { return nil }
        return Source(kind: kind, reference: reference)
    }

    private func fidelityItem(_ node: Node, ids: inout IdentifierRegistry) -> FidelityItem? {
        guard let fields = mapping(node, "a fidelity item", keys: ["id", "behaviour"]) else { return nil }
        let id = required(fields, "id").flatMap { identifier($0, "the fidelity item id") }
        if let id, let idNode = fields["id"] { claimUnique(id, idNode, "fidelity item id", &ids) }
        let behaviour = required(fields, "behaviour", help: "Add `behaviour:` describing what a rater would see or hear, e.g. \"Explains why...\".").flatMap { text($0, "the behaviour", rule: .behaviour) }
        guard let id, let behaviour else { return nil }
        return FidelityItem(id: id, behaviour: behaviour)
    }
}
