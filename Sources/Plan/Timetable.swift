import Programme

/// A session's agenda laid on the clock: each item starts when the one before it ends. Arrivals,
/// breaks and lunch take their place like activities, because the day runs on all of them.
public struct Timetable: Sendable, Equatable {
    public struct Slot: Sendable, Equatable {
        public var item: Activity
        public var start: ClockTime
        public var end: ClockTime
        /// "09:30–09:45"
        public var span: String { "\(start)–\(end)" }
    }

    public let start: ClockTime
    public let slots: [Slot]

    public init(agenda: [Activity], start: ClockTime) {
        self.start = start
        var clock = start
        var slots: [Slot] = []
        for item in agenda {
            let end = clock.adding(minutes: item.minutes)
            slots.append(Slot(item: item, start: clock, end: end))
            clock = end
        }
        self.slots = slots
    }

    public var end: ClockTime { slots.last?.end ?? start }
    public var totalMinutes: Int { slots.reduce(0) { $0 + $1.item.minutes } }
    public var activityMinutes: Int { slots.filter { $0.item.kind == .activity }.reduce(0) { $0 + $1.item.minutes } }
}
