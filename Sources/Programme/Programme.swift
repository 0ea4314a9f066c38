/// A manualised programme, as trainers write it in `Content/<programme>/`.
///
/// Every id here is stable once published: journals refer to sessions, activities and fidelity
/// items by id, and the fingerprint pins the exact text a delivery followed.
public struct Programme: Sendable, Equatable {
    public var id: String
    public var title: String
    public var version: String
    public var summary: String
    public var provenance: String
    public var roles: [Role]
    public var fidelityScale: [FidelityLevel]
    public var competenceScale: [CompetenceLevel]
    public var dose: DoseRule
    public var bands: Bands
    /// The timer warns this many minutes before an item's budget runs out.
    public var warningMinutes: Int
    /// The masks participant codes follow (`participant_codes`), or nil for the default shape
    /// (`Privacy.defaultParticipantCodeShape`).
    public var participantCodes: ParticipantCodeShape?
    public var sessions: [Session]
    /// For a facilitator-training course, the id of the programme its trainees go on to deliver
    /// (`trains:`): its live deliveries are training events, its participants trainees.
    public var trains: String?
    /// Whether this text is a released version (`ReleaseLock`, read beside programme.yaml). Not
    /// part of the text, so not in the fingerprint.
    public var release: Release = .unreleased

    public init(id: String, title: String, version: String, summary: String, provenance: String,
                roles: [Role], fidelityScale: [FidelityLevel], competenceScale: [CompetenceLevel],
                dose: DoseRule, bands: Bands, warningMinutes: Int, participantCodes: ParticipantCodeShape? = nil,
                sessions: [Session]) {
        self.id = id
        self.title = title
        self.version = version
        self.summary = summary
        self.provenance = provenance
        self.roles = roles
        self.fidelityScale = fidelityScale
        self.competenceScale = competenceScale
        self.dose = dose
        self.bands = bands
        self.warningMinutes = warningMinutes
        self.participantCodes = participantCodes
        self.sessions = sessions
    }

    public func session(_ id: String) -> Session? { sessions.first { $0.id == id } }
    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }

    /// The highest score on the fidelity scale: an item's maximum when it applies.
    public var maximumScore: Int { fidelityScale.compactMap(\.score).max() ?? 0 }
}

public struct Role: Sendable, Equatable {
    public var id: String
    public var title: String
    public init(id: String, title: String) { self.id = id; self.title = title }
}

/// One point of the fidelity (adherence) scale. A level with no score, such as "not applicable",
/// is left out of the denominator when adherence is computed.
public struct FidelityLevel: Sendable, Equatable {
    public var id: String
    public var label: String
    public var score: Int?
    public init(id: String, label: String, score: Int?) { self.id = id; self.label = label; self.score = score }
    public var isExcluded: Bool { score == nil }
}

/// One point of the supervisor's competence scale.
public struct CompetenceLevel: Sendable, Equatable {
    public var score: Int
    public var label: String
    public init(score: Int, label: String) { self.score = score; self.label = label }
}

/// Who counts as having received the programme: attended at least `minimum` of `sessions`
/// (counting each session once), or at least `minimum` contacts of those sessions (counting each
/// delivery attended, so a call held three times is three contacts).
public struct DoseRule: Sendable, Equatable {
    public enum Counting: String, Sendable, CaseIterable { case sessions, contacts }
    public var sessions: [String]
    public var minimum: Int
    public var description: String
    public var counts: Counting
    public init(sessions: [String], minimum: Int, description: String, counts: Counting = .sessions) {
        self.sessions = sessions
        self.minimum = minimum
        self.description = description
        self.counts = counts
    }
}

/// Report bands for adherence: high at or above `high` percent, low at or below `low`, moderate between.
public struct Bands: Sendable, Equatable {
    public var high: Int
    public var low: Int
    public init(high: Int, low: Int) { self.high = high; self.low = low }
}
