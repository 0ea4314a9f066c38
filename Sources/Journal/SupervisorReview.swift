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

    enum CodingKeys: String, CodingKey, CaseIterable { case method, competence, competenceScale = "competence_scale", ratings, comment }

    public init(method: Method, competence: Int, competenceScale: [CompetenceLevel], ratings: [Rating], comment: String? = nil) {
        self.method = method; self.competence = competence; self.competenceScale = competenceScale; self.ratings = ratings; self.comment = comment
    }

    public var competenceLabel: String? { competenceScale.first { $0.score == competence }?.label }
}
