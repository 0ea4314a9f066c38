import Programme

extension ContentDiff {
    /// Compares two loaded versions of a programme.
    public init(old: Programme, new: Programme) {
        self.old = Edition(title: old.title, version: old.version, fingerprint: old.fingerprint)
        self.new = Edition(title: new.title, version: new.version, fingerprint: new.fingerprint)
        programme = ProgrammeChanges(old: old, new: new)

        let oldIDs = old.sessions.map(\.id), newIDs = new.sessions.map(\.id)
        sessionsAdded = new.sessions.enumerated().filter { !oldIDs.contains($0.element.id) }
            .map { SessionEntry(id: $0.element.id, title: $0.element.title, position: $0.offset + 1) }
        sessionsRemoved = old.sessions.enumerated().filter { !newIDs.contains($0.element.id) }
            .map { SessionEntry(id: $0.element.id, title: $0.element.title, position: $0.offset + 1) }
        sessionsMoved = Alignment.moved(oldIDs, newIDs).map { id in
            let newIndex = newIDs.firstIndex(of: id)!
            return Move(id: id, title: new.sessions[newIndex].title,
                        position: Change(oldIDs.firstIndex(of: id)! + 1, newIndex + 1),
                        after: newIndex > 0 ? newIDs[newIndex - 1] : nil)
        }
        let places = ItemPlaces(old: old, new: new)
        sessions = new.sessions.compactMap { session in
            guard let before = old.session(session.id) else { return nil }
            let changes = SessionChanges(old: before, new: session, places: places)
            return changes.isEmpty ? nil : changes
        }
    }
}

extension ProgrammeChanges {
    init(old: Programme, new: Programme) {
        id = Change(old.id, new.id)
        title = Change(old.title, new.title)
        version = Change(old.version, new.version)
        summary = TextListChange(prose: old.summary, new.summary)
        provenance = TextListChange(prose: old.provenance, new.provenance)

        let oldRoles = old.roles.map(\.id), newRoles = new.roles.map(\.id)
        rolesAdded = new.roles.filter { !oldRoles.contains($0.id) }
        rolesRemoved = old.roles.filter { !newRoles.contains($0.id) }
        rolesRetitled = new.roles.compactMap { role in
            old.role(role.id).flatMap { Change($0.title, role.title) }.map { RoleRetitle(id: role.id, title: $0) }
        }
        if !Alignment.moved(oldRoles, newRoles).isEmpty { rolesReordered = Change(oldRoles, newRoles) }

        fidelityScale = ScaleComparison.changes(
            old: old.fidelityScale.map { ($0.id, $0.label, $0.score) },
            new: new.fidelityScale.map { ($0.id, $0.label, $0.score) })
        competenceScale = ScaleComparison.changes(
            old: old.competenceScale.map { (String($0.score), $0.label, Optional($0.score)) },
            new: new.competenceScale.map { (String($0.score), $0.label, Optional($0.score)) })

        doseSessions = Change(old.dose.sessions, new.dose.sessions)
        doseMinimum = Change(old.dose.minimum, new.dose.minimum)
        doseDescription = Change(old.dose.description, new.dose.description)
        bandHigh = Change(old.bands.high, new.bands.high)
        bandLow = Change(old.bands.low, new.bands.low)
        warningMinutes = Change(old.warningMinutes, new.warningMinutes)
    }
}

/// A rating scale compared level by level, each level known by a key (its id, or its score).
enum ScaleComparison {
    typealias Level = (key: String, label: String, score: Int?)

    static func changes(old: [Level], new: [Level]) -> [ScaleChange] {
        let oldKeys = old.map(\.key), newKeys = new.map(\.key)
        var changes: [ScaleChange] = []
        for level in new where !oldKeys.contains(level.key) {
            changes.append(.added(key: level.key, label: level.label, score: level.score))
        }
        for level in old where !newKeys.contains(level.key) {
            changes.append(.removed(key: level.key, label: level.label, score: level.score))
        }
        for level in new {
            guard let before = old.first(where: { $0.key == level.key }) else { continue }
            if let label = Change(before.label, level.label) { changes.append(.relabelled(key: level.key, label: label)) }
            if let score = Change(before.score, level.score) {
                changes.append(.rescored(key: level.key, label: level.label, score: score))
            }
        }
        if !Alignment.moved(oldKeys, newKeys).isEmpty { changes.append(.reordered(Change(oldKeys, newKeys)!)) }
        return changes
    }
}

/// Prose split into sentences, so a changed paragraph shows the sentences that changed rather
/// than the whole paragraph twice.
enum Sentences {
    static func split(_ text: String) -> [String] {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var sentences: [String] = []
        var current: [String] = []
        for (index, word) in words.enumerated() {
            current.append(word)
            // A sentence ends at . ? or ! (before a closing quote or bracket) when the next word
            // starts with a capital or a digit, so "e.g. the" stays in one sentence.
            let end = word.trimmingSuffix { "\"')”’".contains($0) }
            let next = index + 1 < words.count ? words[index + 1].first : nil
            if let last = end.last, ".?!".contains(last), next.map({ $0.isUppercase || $0.isNumber }) ?? true {
                sentences.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current.joined(separator: " ")) }
        return sentences
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
