import DeliveryFacts
import Journal

/// Agreement between two raters on the same items: the facilitators' self-report and a
/// supervisor's review. Cohen's kappa (unweighted) takes out the agreement expected by chance.
public struct Agreement: Sendable, Equatable {
    public var pairs: Int
    public var agreed: Int
    public var kappa: Double?

    /// `pairs`: (self-report level, supervisor level) for each item both rated.
    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.count
        agreed = pairs.filter { $0.0 == $0.1 }.count
        guard !pairs.isEmpty else { kappa = nil; return }
        let n = Double(pairs.count)
        var first: [String: Double] = [:], second: [String: Double] = [:]
        for (a, b) in pairs { first[a, default: 0] += 1; second[b, default: 0] += 1 }
        let observed = Double(agreed) / n
        let expected = first.reduce(0.0) { $0 + ($1.value / n) * ((second[$1.key] ?? 0) / n) }
        // Both raters used one and the same level throughout: chance explains everything and
        // kappa is undefined (reported as such, not as 0 or 1).
        kappa = expected >= 1 ? nil : (observed - expected) / (1 - expected)
    }

    public var percent: Double? { pairs > 0 ? Double(agreed) * 100 / Double(pairs) : nil }

    /// One item both sides rated on a scored level: the facilitators' rating and the supervisor's.
    public struct Pair: Sendable {
        public var own: DeliveryRecord.ItemRating
        public var reviewed: DeliveryRecord.ItemRating
    }

    /// The items of `record` that a review and the self-report both rated, the rule every table and
    /// export uses: an item either side rated on an excluded level (not applicable) is left out, as
    /// it is left out of adherence; "did not apply" is not a degree of delivery to agree on, and
    /// counting it would let a disagreement about whether an item applied move kappa.
    public static func pairs(_ record: DeliveryRecord, _ review: SupervisorReview) -> [Pair] {
        let byItem = Dictionary(record.items.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
        let scale = record.opened.fidelityScale
        return review.ratings.compactMap { rating in
            guard let own = byItem[rating.item], own.isApplicable,
                  let score = scale.first(where: { $0.id == rating.level })?.score else { return nil }
            var reviewed = own
            reviewed.level = rating.level
            reviewed.score = score
            return Pair(own: own, reviewed: reviewed)
        }
    }

    /// Agreement over `pairs` (their levels).
    public init(_ pairs: [Pair]) { self.init(pairs.map { ($0.own.level!, $0.reviewed.level!) }) }

    /// Landis and Koch's (1977) words for a kappa.
    public static func strength(_ kappa: Double?) -> String {
        guard let kappa else { return "undefined" }
        switch Format.rounded(kappa, 2) {
        case ..<0: return "poor"
        case ...0.20: return "slight"
        case ...0.40: return "fair"
        case ...0.60: return "moderate"
        case ...0.80: return "substantial"
        default: return "almost perfect"
        }
    }
}
