import Foundation

/// Latency figures of one run: per-operation times and the wall time around them all.
struct LatencyStats {
    let count: Int
    let median: Double
    let p99: Double
    let max: Double
    let perSecond: Double

    /// `samples` in nanoseconds; `wall` is the whole loop, so events/s includes the work between
    /// timed calls (building the event, the pipe round trip) as a caller would see it.
    init(samples: [UInt64], wall: UInt64) {
        let sorted = samples.sorted()
        count = sorted.count
        median = sorted.isEmpty ? 0 : (Double(sorted[(sorted.count - 1) / 2]) + Double(sorted[sorted.count / 2])) / 2
        // Nearest-rank p99: the smallest sample at or above 99% of them.
        p99 = sorted.isEmpty ? 0 : Double(sorted[Swift.max(0, Int((0.99 * Double(sorted.count)).rounded(.up)) - 1)])
        max = Double(sorted.last ?? 0)
        perSecond = wall == 0 ? 0 : Double(count) / (Double(wall) / 1e9)
    }
}

enum Figures {
    static func duration(_ nanoseconds: Double) -> String {
        switch nanoseconds {
        case ..<1_000: String(format: "%.0f ns", nanoseconds)
        case ..<1_000_000: String(format: "%.1f µs", nanoseconds / 1e3)
        case ..<1_000_000_000: String(format: "%.2f ms", nanoseconds / 1e6)
        default: String(format: "%.2f s", nanoseconds / 1e9)
        }
    }

    static func seconds(_ nanoseconds: UInt64) -> String { String(format: "%.3f s", Double(nanoseconds) / 1e9) }

    static func rate(_ perSecond: Double) -> String {
        switch perSecond {
        case ..<10_000: String(format: "%.0f", perSecond)
        case ..<10_000_000: String(format: "%.0f k", perSecond / 1e3)
        default: String(format: "%.1f M", perSecond / 1e6)
        }
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    static func count(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// Left-aligned first column, right-aligned figures: a plain table a terminal shows as is.
    static func row(_ label: String, _ cells: [String], labelWidth: Int = 30, cellWidth: Int = 12) -> String {
        label.padding(toLength: Swift.max(labelWidth, label.count), withPad: " ", startingAt: 0)
            + cells.map { String(repeating: " ", count: Swift.max(0, cellWidth - $0.count)) + $0 }.joined()
    }
}
