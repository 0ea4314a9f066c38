import Programme

/// Where each agenda item sits in each version, so an item that moved to another session is
/// reported as moved rather than as one removal and one unrelated addition. Item ids are unique
/// across the whole programme, which is what makes this possible.
struct ItemPlaces {
    let old: Programme
    let new: Programme
    private let oldSession: [String: String]
    private let newSession: [String: String]
    private let oldItem: [String: Activity]

    init(old: Programme, new: Programme) {
        self.old = old
        self.new = new
        var oldSession: [String: String] = [:], newSession: [String: String] = [:], oldItem: [String: Activity] = [:]
        for session in old.sessions {
            for item in session.agenda { oldSession[item.id] = session.id; oldItem[item.id] = item }
        }
        for session in new.sessions {
            for item in session.agenda { newSession[item.id] = session.id }
        }
        self.oldSession = oldSession
        self.newSession = newSession
        self.oldItem = oldItem
    }

    func sessionBefore(_ item: String) -> String? { oldSession[item] }
    func sessionNow(_ item: String) -> String? { newSession[item] }
    func itemBefore(_ item: String) -> Activity? { oldItem[item] }

    func oldLeads(_ item: Activity) -> [String] { item.lead.map { old.role($0)?.title ?? $0 } }
    func newLeads(_ item: Activity) -> [String] { item.lead.map { new.role($0)?.title ?? $0 } }
}

extension SessionChanges {
    init(old: Session, new: Session, places: ItemPlaces) {
        id = new.id
        title = new.title
        retitled = Change(old.title, new.title)
        kind = Change(old.kind.rawValue, new.kind.rawValue)
        mode = Change(old.mode.rawValue, new.mode.rawValue)
        week = Change(old.week, new.week)
        day = Change(old.day, new.day)
        plannedMinutes = Change(old.plannedMinutes, new.plannedMinutes)
        summary = TextListChange(prose: old.summary, new.summary)

        let oldIDs = old.agenda.map(\.id), newIDs = new.agenda.map(\.id)
        for (index, item) in new.agenda.enumerated() where !oldIDs.contains(item.id) {
            added.append(AddedItem(item: item, leads: places.newLeads(item), position: index + 1, after: index > 0 ? newIDs[index - 1] : nil,
                                   fromSession: places.sessionBefore(item.id)))
        }
        for item in old.agenda where !newIDs.contains(item.id) {
            removed.append(RemovedItem(item: item, toSession: places.sessionNow(item.id)))
        }
        moved = Alignment.moved(oldIDs, newIDs).map { id in
            let newIndex = newIDs.firstIndex(of: id)!
            return Move(id: id, title: new.agenda[newIndex].title,
                        position: Change(oldIDs.firstIndex(of: id)! + 1, newIndex + 1),
                        after: newIndex > 0 ? newIDs[newIndex - 1] : nil)
        }
        // An item that came from another session is compared with what it was there.
        changed = new.agenda.compactMap { item in
            guard let before = places.itemBefore(item.id) else { return nil }
            let changes = ItemChanges(old: before, new: item, places: places)
            return changes.isEmpty ? nil : changes
        }
    }
}

extension ItemChanges {
    init(old: Activity, new: Activity, places: ItemPlaces) {
        id = new.id
        title = new.title
        kind = Change(old.kind.rawValue, new.kind.rawValue)
        retitled = Change(old.title, new.title)
        minutes = Change(old.minutes, new.minutes)
        // Compared by role id: a role retitled in programme.yaml is one change there, not a
        // changed lead on every item it leads.
        lead = old.lead == new.lead ? nil : Change(places.oldLeads(old), places.newLeads(new))
        source = Change(old.source.map(Self.describe) ?? "none", new.source.map(Self.describe) ?? "none")
        aims = TextListChange(old: old.aims, new: new.aims)
        steps = TextListChange(old: old.steps, new: new.steps)
        keyMessages = TextListChange(old: old.keyMessages, new: new.keyMessages)
        materials = TextListChange(old: old.materials, new: new.materials)

        let oldIDs = old.fidelity.map(\.id), newIDs = new.fidelity.map(\.id)
        fidelity = new.fidelity.filter { !oldIDs.contains($0.id) }.map(FidelityChange.added)
            + old.fidelity.filter { !newIDs.contains($0.id) }.map(FidelityChange.removed)
            + new.fidelity.compactMap { item in
                old.fidelity.first { $0.id == item.id }
                    .flatMap { Change($0.behaviour, item.behaviour) }
                    .map { FidelityChange.reworded(id: item.id, behaviour: $0) }
            }
        if !Alignment.moved(oldIDs, newIDs).isEmpty { fidelity.append(.reordered(Change(oldIDs, newIDs)!)) }
    }

    private static func describe(_ source: Source) -> String { "\(source.kind.rawValue): \(source.reference)" }
}
