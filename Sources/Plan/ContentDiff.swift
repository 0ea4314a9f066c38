import Programme

/// A value as it was and as it is now.
public struct Change<Value: Sendable & Equatable>: Sendable, Equatable {
    public var old: Value
    public var new: Value

    /// Nil when nothing changed, so an unchanged field never appears in the report.
    public init?(_ old: Value, _ new: Value) {
        guard old != new else { return nil }
        self.old = old
        self.new = new
    }
}

/// What changed between two versions of a programme's content: the questions a trainer asks
/// before a new manual goes out (which activities are new or gone, which are re-timed, which
/// fidelity items a supervisor will now rate differently). Sessions, items and fidelity items are
/// matched by id, because ids never change once published and journals refer to them.
public struct ContentDiff: Sendable, Equatable {
    public struct Edition: Sendable, Equatable {
        public var title: String
        public var version: String
        public var fingerprint: String
    }

    public var old: Edition
    public var new: Edition
    public var programme: ProgrammeChanges
    public var sessionsAdded: [SessionEntry]
    public var sessionsRemoved: [SessionEntry]
    public var sessionsMoved: [Move]
    /// Sessions in both versions that changed, in the new order.
    public var sessions: [SessionChanges]

    /// True when the two versions hold the same content (the fingerprints agree).
    public var isEmpty: Bool { old.fingerprint == new.fingerprint }
}

/// A session or agenda item named in the report, with where it stands.
public struct SessionEntry: Sendable, Equatable {
    public var id: String
    public var title: String
    public var position: Int
}

/// An entry found at another place in its list. Positions count from 1.
public struct Move: Sendable, Equatable {
    public var id: String
    public var title: String
    public var position: Change<Int>?
    /// The entry it now follows; nil when it now comes first.
    public var after: String?
}

public struct ProgrammeChanges: Sendable, Equatable {
    public var id: Change<String>?
    public var title: Change<String>?
    public var version: Change<String>?
    /// Sentence by sentence: the summary and provenance are paragraphs.
    public var summary: TextListChange?
    public var provenance: TextListChange?
    public var rolesAdded: [Role] = []
    public var rolesRemoved: [Role] = []
    public var rolesRetitled: [RoleRetitle] = []
    public var rolesReordered: Change<[String]>?
    public var fidelityScale: [ScaleChange] = []
    public var competenceScale: [ScaleChange] = []
    public var doseSessions: Change<[String]>?
    public var doseMinimum: Change<Int>?
    public var doseDescription: Change<String>?
    public var bandHigh: Change<Int>?
    public var bandLow: Change<Int>?
    public var warningMinutes: Change<Int>?

    public var isEmpty: Bool { self == ProgrammeChanges() }
}

public struct RoleRetitle: Sendable, Equatable {
    public var id: String
    public var title: Change<String>
}

/// A change to a rating scale, one level at a time. Fidelity levels are matched by id,
/// competence levels by score.
public enum ScaleChange: Sendable, Equatable {
    case added(key: String, label: String, score: Int?)
    case removed(key: String, label: String, score: Int?)
    case relabelled(key: String, label: Change<String>)
    /// A score of nil is a level left out of adherence (such as not applicable).
    case rescored(key: String, label: String, score: Change<Int?>)
    case reordered(Change<[String]>)
}

public struct SessionChanges: Sendable, Equatable {
    public var id: String
    public var title: String
    public var retitled: Change<String>?
    public var kind: Change<String>?
    public var mode: Change<String>?
    public var week: Change<Int?>?
    public var day: Change<Int?>?
    public var plannedMinutes: Change<Int>?
    public var summary: TextListChange?
    public var added: [AddedItem] = []
    public var removed: [RemovedItem] = []
    public var moved: [Move] = []
    /// Items in both versions whose content changed, in the new running order.
    public var changed: [ItemChanges] = []

    public var isEmpty: Bool {
        retitled == nil && kind == nil && mode == nil && week == nil && day == nil && plannedMinutes == nil && summary == nil
            && added.isEmpty && removed.isEmpty && moved.isEmpty && changed.isEmpty
    }
}

public struct AddedItem: Sendable, Equatable {
    public var item: Activity
    /// The titles of the roles leading it.
    public var leads: [String]
    public var position: Int
    /// The item it follows; nil when it comes first.
    public var after: String?
    /// The session it was in before, when it came from another session rather than being new.
    public var fromSession: String?
}

public struct RemovedItem: Sendable, Equatable {
    public var item: Activity
    /// The session it went to, when it was moved rather than deleted.
    public var toSession: String?
}

/// What changed inside one agenda item.
public struct ItemChanges: Sendable, Equatable {
    public var id: String
    public var title: String
    public var kind: Change<String>?
    public var retitled: Change<String>?
    public var minutes: Change<Int>?
    /// Role titles, as the two versions name them.
    public var lead: Change<[String]>?
    public var source: Change<String>?
    public var aims: TextListChange?
    public var steps: TextListChange?
    public var keyMessages: TextListChange?
    public var materials: TextListChange?
    public var fidelity: [FidelityChange] = []

    public var isEmpty: Bool {
        kind == nil && retitled == nil && minutes == nil && lead == nil && source == nil && aims == nil
            && steps == nil && keyMessages == nil && materials == nil && fidelity.isEmpty
    }
}

public enum FidelityChange: Sendable, Equatable {
    case added(FidelityItem)
    case removed(FidelityItem)
    case reworded(id: String, behaviour: Change<String>)
    /// The same items in another order.
    case reordered(Change<[String]>)
}
