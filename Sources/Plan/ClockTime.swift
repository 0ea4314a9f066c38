/// A time of day on a printed timetable, to the minute. Sessions are planned in whole minutes, so
/// nothing finer is needed; a session running past midnight simply reads on from 00:00.
public struct ClockTime: Sendable, Equatable, Comparable, CustomStringConvertible {
    public static let minutesPerDay = 24 * 60
    /// Group days at the trial sites usually began at half past nine.
    public static let defaultStart = ClockTime(hour: 9, minute: 30)

    /// Minutes since midnight, 0 to 1439.
    public let minutes: Int

    public init(hour: Int, minute: Int) {
        self.init(minutesSinceMidnight: hour * 60 + minute)
    }

    public init(minutesSinceMidnight: Int) {
        let day = Self.minutesPerDay
        minutes = ((minutesSinceMidnight % day) + day) % day
    }

    /// Reads `HH:MM` or `H:MM` on a 24-hour clock; nil for anything else, so the caller can say
    /// what was wrong in its own terms.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public func adding(minutes extra: Int) -> ClockTime { ClockTime(minutesSinceMidnight: minutes + extra) }

    public var description: String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }
}
