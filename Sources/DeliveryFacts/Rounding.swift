import Foundation

/// How every figure is written, in one place. Percentages have one decimal and minutes in reports
/// one decimal; whole minutes on screens are the nearest minute. Halves round away from zero
/// everywhere (72.45 → 72.5, 2m 30s → 3 min), whatever the locale, so reports compare across
/// machines and a screen never disagrees with a report about the same figure.
public enum Format {
    public static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale = pow10(decimals)
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        let scaled = Int((abs(value) * pow10(decimals)).rounded(.toNearestOrAwayFromZero))
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let divisor = Int(pow10(decimals))
        let fraction = String(scaled % divisor)
        return sign + String(scaled / divisor) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A percentage as every screen and report shows it: "92.5%".
    public static func percent(_ value: Double) -> String { fixed(value, 1) + "%" }

    /// "7 of 9 (77.8%)": every share says its denominator.
    public static func share(_ count: Int, of total: Int) -> String {
        total == 0 ? "0 of 0" : "\(count) of \(total) (\(percent(Double(count) * 100 / Double(total))))"
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 10 } }
}

/// Running time in minutes, and the one rule for when an agenda item is over its plan.
public enum Minutes {
    /// Seconds as whole minutes, the nearest (35 s is 1 min, 1m 29s is 1 min, 1m 30s is 2 min).
    public static func whole(_ seconds: TimeInterval) -> Int { Int((seconds / 60).rounded(.toNearestOrAwayFromZero)) }

    /// Whole minutes over (positive) or under (negative) a plan.
    public static func difference(_ seconds: TimeInterval, planned: Int) -> Int { whole(seconds) - planned }

    /// An item is over time once its whole minutes are more than planned: from half a minute past
    /// the plan (20m 30s against 20 min). The live timer, the close screen, the rehearsal's timing
    /// summary and the timing report all judge overrun by this rule and no other.
    public static func isOver(_ seconds: TimeInterval, planned: Int) -> Bool { difference(seconds, planned: planned) > 0 }
}
