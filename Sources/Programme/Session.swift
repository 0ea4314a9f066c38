/// One session of the programme: a group day or a one-to-one consultation.
public struct Session: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case group, oneToOne = "one-to-one" }
    public enum Mode: String, Sendable, CaseIterable { case faceToFace = "face-to-face", telephone, video }

    public var id: String
    public var title: String
    public var kind: Kind
    public var mode: Mode
    /// The programme week it usually falls in; or else `day`.
    public var week: Int?
    /// Days after the programme's first session (0 is that day): for courses run on consecutive
    /// or nearby days, which weeks cannot place. A session has a week or a day, never both.
    public var day: Int?
    public var plannedMinutes: Int
    public var summary: String
    /// The roles that facilitate the session, one slot each on the set-up form, in order: as the
    /// content declares them (`facilitators:`), else the roles that lead any of its activities,
    /// in the programme's role order.
    public var facilitators: [String]
    /// Whether `facilitators:` was written in the file (the fingerprint holds it only then, so
    /// content without it keeps the fingerprint it always had).
    public var declaresFacilitators: Bool
    /// Activities and the scheduled arrivals, breaks and lunch between them, in running order.
    public var agenda: [Activity]

    public init(id: String, title: String, kind: Kind, mode: Mode, week: Int?, plannedMinutes: Int,
                summary: String, agenda: [Activity], day: Int? = nil, facilitators: [String]? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.mode = mode
        self.week = week
        self.day = day
        self.plannedMinutes = plannedMinutes
        self.summary = summary
        self.agenda = agenda
        self.facilitators = facilitators ?? Self.leadingRoles(agenda, order: [])
        self.declaresFacilitators = facilitators != nil
    }

    /// The roles that lead any activity of `agenda`, in `order` (the programme's roles); a role
    /// missing from `order` follows, in the order it first leads.
    public static func leadingRoles(_ agenda: [Activity], order: [String]) -> [String] {
        var leading: [String] = []
        for role in agenda.flatMap(\.lead) where !leading.contains(role) { leading.append(role) }
        let ranked = order.filter(leading.contains)
        return ranked + leading.filter { !ranked.contains($0) }
    }

    /// One participant, no walk-ins, no group roster: a consultation, in person, by telephone or video.
    public var isOneToOne: Bool { kind == .oneToOne }

    public var activities: [Activity] { agenda.filter { $0.kind == .activity } }

    /// When it falls, in the words of its field: "week 3", "the first day", "2 days after the first".
    public var scheduled: String? {
        if let week { return "week \(week)" }
        guard let day else { return nil }
        return day == 0 ? "the first day" : "\(day) \(day == 1 ? "day" : "days") after the first"
    }
    public var fidelityItems: [FidelityItem] { agenda.flatMap(\.fidelity) }
}

/// An item of a session's agenda. Arrivals, breaks and lunch are agenda items too, so timers and
/// the walk-through treat them like any other; only activities carry aims and fidelity items.
public struct Activity: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case activity, arrival, `break`, lunch }

    public var id: String
    public var kind: Kind
    public var title: String
    public var minutes: Int
    /// Role ids; two or more means they lead together.
    public var lead: [String]
    public var source: Source?
    public var aims: [String]
    public var steps: [String]
    public var keyMessages: [String]
    public var materials: [String]
    public var fidelity: [FidelityItem]

    public init(id: String, kind: Kind, title: String, minutes: Int, lead: [String], source: Source?,
                aims: [String], steps: [String], keyMessages: [String], materials: [String],
                fidelity: [FidelityItem]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.minutes = minutes
        self.lead = lead
        self.source = source
        self.aims = aims
        self.steps = steps
        self.keyMessages = keyMessages
        self.materials = materials
        self.fidelity = fidelity
    }
}

/// Where an activity comes from: a published source; a published outline (title and aims) whose
/// detail is reconstructed; or reconstructed throughout (and from what).
public struct Source: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The activity follows a publication in full.
        case published
        /// Only the title and aims are published; the steps, timings and fidelity items are not.
        case outline
        /// Written for the pack from the sources its reference names.
        case reconstructed
        /// Written by the programme's own authors, from no earlier manual (a course of their own).
        case original

        /// What a reader must be told beside the kind's name, when the name alone could mislead:
        /// an outline is published, but what a facilitator does with it is not.
        public var caveat: String? {
            switch self {
            case .published, .reconstructed, .original: nil
            case .outline: "Only the title and aims are published; the steps, timings and fidelity items are reconstructed."
            }
        }
    }
    public var kind: Kind
    public var reference: String
    public init(kind: Kind, reference: String) { self.kind = kind; self.reference = reference }
}

/// An observable behaviour a rater can say was delivered fully, partly or not at all.
public struct FidelityItem: Sendable, Equatable {
    public var id: String
    public var behaviour: String
    public init(id: String, behaviour: String) { self.id = id; self.behaviour = behaviour }
}
