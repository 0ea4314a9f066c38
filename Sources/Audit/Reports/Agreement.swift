import DeliveryFacts
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
