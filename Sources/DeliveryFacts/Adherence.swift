import Journal

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

    /// Items pooled: the sum of scores over the sum of maxima of every applicable rated item (so
    /// a delivery with more items weighs more), as most fidelity studies report it. A delivery,
    /// an activity, a facilitator, a site and a month are all pooled by this one rule.
    public static func pooled(_ items: Slice<ItemRatings>) -> Adherence {
        var pool = Pool()
        pool.add(items, delivery: "")
        return pool.adherence
    }

    public static func pooled(_ items: ItemRatings) -> Adherence { pooled(items[...]) }
}

/// Adherence pooled over items from any number of deliveries, noting which deliveries it covers.
public struct Pool: Sendable {
    public private(set) var adherence = Adherence()
    public private(set) var deliveries = Set<String>()

    public init() {}

    public var score: Int { adherence.score }
    public var maximum: Int { adherence.maximum }
    public var rated: Int { adherence.ratedItems }
    public var percent: Double? { adherence.percent }

    /// One delivery's items at once (the delivery is noted once, not once per item: reports over
    /// a region add millions of items), each rating read where the delivery keeps it.
    public mutating func add(_ items: Slice<ItemRatings>, delivery: String) {
        guard !items.isEmpty else { return }
        deliveries.insert(delivery)
        let maximum = items.base.layout.maximum
        for position in items.indices {
            let tally = items.base.tally(position)
            add(rated: tally.rated, score: tally.score, maximum: maximum)
        }
    }

    /// One item of a delivery.
    public mutating func add(_ item: DeliveryRecord.ItemRating, delivery: String) {
        deliveries.insert(delivery)
        add(item)
    }

    private mutating func add(_ item: DeliveryRecord.ItemRating) {
        add(rated: item.isRated, score: item.score, maximum: item.maximum)
    }

    private mutating func add(rated: Bool, score: Int?, maximum: Int) {
        guard rated else { adherence.unratedItems += 1; return }
        adherence.ratedItems += 1
        guard let score else { adherence.excludedItems += 1; return }
        adherence.score += score
        adherence.maximum += maximum
    }

    public mutating func merge(_ other: Pool) {
        adherence.score += other.adherence.score
        adherence.maximum += other.adherence.maximum
        adherence.ratedItems += other.adherence.ratedItems
        adherence.excludedItems += other.adherence.excludedItems
        adherence.unratedItems += other.adherence.unratedItems
        deliveries.formUnion(other.deliveries)
    }
}

extension Adherence {
    /// "62.5%: 5 of 8 points, 5 rated (1 N/A), 2 unrated": the figure with how it was made, the
    /// same on the close screen and the audit screen.
    public var words: String {
        guard let percent else { return "– (no applicable item rated; \(excludedItems) N/A, \(unratedItems) unrated)" }
        return "\(Format.percent(percent)): \(score) of \(maximum) points, \(ratedItems) rated (\(excludedItems) N/A), \(unratedItems) unrated"
    }
}
