/// Adherence: the score given as a share of the maximum possible, over the rated items that
/// apply. Items rated on an excluded level (not applicable) count in neither part; unrated items
/// are reported beside it, never silently counted as zero.
public struct Adherence: Sendable, Equatable {
    public var score: Int
    public var maximum: Int
    public var ratedItems: Int
    public var excludedItems: Int
    public var unratedItems: Int

    public init(score: Int = 0, maximum: Int = 0, ratedItems: Int = 0, excludedItems: Int = 0, unratedItems: Int = 0) {
        self.score = score; self.maximum = maximum; self.ratedItems = ratedItems; self.excludedItems = excludedItems; self.unratedItems = unratedItems
    }

    /// Percent of the maximum, or nil when no applicable item was rated.
    public var percent: Double? { maximum > 0 ? Double(score) * 100 / Double(maximum) : nil }
}

extension DeliveryState {
    /// Adherence of this delivery on the scale it pinned when it opened.
    public var adherence: Adherence {
        let scale = opened?.fidelityScale ?? []
        let top = scale.compactMap(\.score).max() ?? 0
        let items = (opened?.session.agenda ?? []).filter { $0.kind == "activity" }.flatMap(\.fidelity)
        var result = Adherence(score: 0, maximum: 0, ratedItems: 0, excludedItems: 0, unratedItems: 0)
        for item in items {
            guard let rating = ratings[item] else { result.unratedItems += 1; continue }
            result.ratedItems += 1
            guard let level = scale.first(where: { $0.id == rating.level }), let score = level.score else {
                result.excludedItems += 1
                continue
            }
            result.score += score
            result.maximum += top
        }
        return result
    }
}
