/// The adherence bands a delivery pinned: high at or above `high` percent, low at or below `low`.
///
/// The rule for decimals, exactly: a figure is banded as it is shown, rounded to one decimal
/// (`Format.percent`). With bands 80/50, 80.0% and above is high (79.96% shows as 80.0%: high),
/// 50.0% and below is low (50.04% shows as 50.0%: low), and moderate is 50.1% to 79.9%.
public struct BandMarks: Sendable, Equatable {
    public var high: Int
    public var low: Int
    public init(high: Int, low: Int) { self.high = high; self.low = low }

    public enum Band: String, Sendable, Equatable {
        case high, moderate, low
        /// Symbols, never colour alone: they survive printing, CSV and screen readers.
        public var symbol: String {
            switch self {
            case .high: ""
            case .moderate: "▽"
            case .low: "▼"
            }
        }

        /// The band in words beside a figure: symbols are never the only sign.
        public var words: String {
            switch self {
            case .high: "high band"
            case .moderate: "▽ moderate band"
            case .low: "▼ low band"
            }
        }
    }

    public func band(of percent: Double) -> Band {
        let shown = Format.rounded(percent, 1)
        if shown >= Double(high) { return .high }
        if shown <= Double(low) { return .low }
        return .moderate
    }

    /// The bands in words, with the decimals the rule works on.
    public var legend: String {
        "high ≥ \(high).0%, ▽ moderate \(low).1–\(high - 1).9%, ▼ low ≤ \(low).0%"
    }
}
