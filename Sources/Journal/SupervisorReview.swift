import Foundation

/// A supervisor's own rating of a delivery, made afterwards (from a recording, a transcript, or by
/// sitting in). It lives in a review file of its own, never in the facilitators' journal: the
/// self-report stays exactly as it was made, and the two can be compared side by side.
public struct SupervisorReview: Sendable, Equatable, Codable {
    /// How the supervisor saw the delivery.
    public enum Method: String, Sendable, Codable, CaseIterable { case live, audio, transcript }

    public var method: Method
    /// The overall competence rating: a score of `competenceScale`.
    public var competence: Int
    /// The competence scale in force, pinned as the fidelity scale is pinned at opening.
    public var competenceScale: [CompetenceLevel]
    /// The supervisor's rating of each item they could assess, on the delivery's fidelity scale.
    public var ratings: [Rating]
    public var comment: String?
    /// A trainer's decision on a trainee's rehearsal (an assessment); never on a live delivery.
    public var decision: Decision?
    /// With `needsPractice`: what to practise before delivering (screened like a note).
    public var toPractise: String?

    /// Whether the trainee may deliver the rehearsed session.
    public enum Decision: String, Sendable, Codable, CaseIterable {
        case ready, needsPractice = "needs-practice"
        public var words: String { self == .ready ? "ready to deliver this session" : "needs more practice" }
    }

    public struct CompetenceLevel: Sendable, Equatable, Codable {
        public var score: Int
        public var label: String
        enum CodingKeys: String, CodingKey, CaseIterable { case score, label }
        public init(score: Int, label: String) { self.score = score; self.label = label }
    }

    public struct Rating: Sendable, Equatable, Codable {
        public var activity: String
        public var item: String
        public var level: String
        enum CodingKeys: String, CodingKey, CaseIterable { case activity, item, level }
        public init(activity: String, item: String, level: String) { self.activity = activity; self.item = item; self.level = level }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case method, competence, competenceScale = "competence_scale", ratings, comment, decision, toPractise = "to_practise"
    }

    public init(method: Method, competence: Int, competenceScale: [CompetenceLevel], ratings: [Rating], comment: String? = nil,
                decision: Decision? = nil, toPractise: String? = nil) {
        self.method = method; self.competence = competence; self.competenceScale = competenceScale; self.ratings = ratings; self.comment = comment
        self.decision = decision; self.toPractise = toPractise
    }

    /// A trainer's assessment of a rehearsal rather than a supervisor's review of a live delivery.
    public var isAssessment: Bool { decision != nil }

    public var competenceLabel: String? { competenceScale.first { $0.score == competence }?.label }
}
