import Audit
import Foundation
import Journal
import Programme

/// A synthetic region-year of journals: many sites, groups and facilitators, every group day of
/// the bundled programme delivered through the year, with facilitator-specific quality that drifts
/// over the months, lateness, absences, pauses, notes and the odd correction. Lines are written
/// directly (no fsync per event: this is test data, not a record), chained exactly as iwotch
/// chains them, so the reports read them as they would read real journals.
struct RegionYear {
    let programme: Programme
    let deliveries: Int
    let folder: URL
    private var rng = SplitMix64(state: 20_261_123)

    init(programme: Programme, deliveries: Int, folder: URL) {
        self.programme = programme; self.deliveries = deliveries; self.folder = folder
    }

    /// Writes the files; returns (files, events, bytes).
    mutating func write() throws -> (files: Int, events: Int, bytes: Int) {
        let days = programme.sessions.filter { $0.kind == .group }
        guard !days.isEmpty else { throw BenchError("the programme has no group session") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sites = (1...12).map { "S\(String(format: "%02d", $0))" }
        var totals = (files: 0, events: 0, bytes: 0)
        let yearStart = Date(timeIntervalSince1970: 1_767_225_600)   // 2026-01-01T00:00:00Z
        var group = 0
        while totals.files < deliveries {
            group += 1
            let site = sites[group % sites.count]
            let nurse = "N\(group % 37 + 1)", lay = "L\(group % 29 + 1)"
            // Participant codes of the shape the journal check allows (a G-number prefix, then P1 to P12).
            let roster = (1...12).map { "G\(group)-P\($0)" }
            let week = Int.random(in: 0..<48, using: &rng)
            for (index, day) in days.enumerated() where totals.files < deliveries {
                let start = yearStart.addingTimeInterval(Double((week + index) * 7 * 86_400 + 9 * 3600))
                let written = try writeDelivery(day, group: "G\(group)", site: site, facilitators: [(nurse, "nurse"), (lay, "lay")],
                                                roster: roster, start: start, quality: quality(nurse: nurse, month: (week + index) / 4))
                totals.files += 1
                totals.events += written.events
                totals.bytes += written.bytes
            }
        }
        return totals
    }

    /// Chance that an item is fully delivered: each nurse has a level, and everyone drifts a little
    /// through the year.
    func quality(nurse: String, month: Int) -> Double {
        let base = 0.55 + Double(abs(nurse.hashValueStable) % 40) / 100
        return max(0.2, base - Double(month) * 0.01)
    }

    mutating func writeDelivery(_ session: Session, group: String, site: String, facilitators: [(String, String)],
                                roster: [String], start: Date, quality: Double) throws -> (events: Int, bytes: Int) {
        let opened = DeliveryOpened(programme: programme, session: session, group: group, site: site,
                                    facilitators: facilitators.map { .init(code: $0.0, role: $0.1) })
        let id = "\(DeliveryID.localDate(start, offsetMinutes: 0))-\(group)-\(session.id)-\(String(rng.next() & 0xFFFF_FFFF, radix: 16))"
        var writer = LineWriter(delivery: id)
        var clock = start
        var state = DeliveryState()
        let actor = facilitators[0].0
        func emit(_ body: EventBody, _ after: TimeInterval) throws {
            clock = clock.addingTimeInterval(after)
            let event = try writer.append(body, actor: actor, at: clock)
            state.fold(event)
        }
        try emit(.deliveryOpened(opened), 0)
        for code in roster { try emit(.participantEnrolled(.init(participant: code, walkIn: false)), 2) }
        for code in roster {
            let mark: AttendanceMarked
            switch Int.random(in: 0..<20, using: &rng) {
            case 0, 1: mark = .init(participant: code, status: .absent, notified: Bool.random(using: &rng))
            case 2: mark = .init(participant: code, status: .late, arrivedAt: clock.addingTimeInterval(900))
            case 3: mark = .init(participant: code, status: .leftEarly, leftAt: clock.addingTimeInterval(14_000))
            default: mark = .init(participant: code, status: .present)
            }
            try emit(.attendanceMarked(mark), 3)
        }
        var lastRating: UUID?
        for item in session.agenda {
            try emit(.activityStarted(.init(activity: item.id)), 5)
            let planned = Double(item.minutes * 60)
            let run = planned * Double.random(in: 0.8...1.3, using: &rng)
            let steps = item.kind == .activity ? max(1, item.steps.count) : 0
            for step in 0..<steps { try emit(.stepShown(.init(activity: item.id, step: step)), run / Double(steps + 1)) }
            if item.kind == .activity && Int.random(in: 0..<10, using: &rng) == 0 {
                try emit(.timerPaused, 10)
                try emit(.timerResumed, Double.random(in: 30...300, using: &rng))
            }
            for fidelity in item.fidelity {
                let roll = Double.random(in: 0..<1, using: &rng)
                let level = roll < quality ? "fully" : roll < quality + (1 - quality) * 0.6 ? "partly" : roll < 0.97 ? "not-delivered" : "not-applicable"
                let scaleLevel = programme.fidelityScale.contains { $0.id == level } ? level : programme.fidelityScale[0].id
                try emit(.fidelityRated(.init(activity: item.id, item: fidelity.id, level: scaleLevel, deliveredBy: item.lead.isEmpty ? ["nurse"] : item.lead)), 4)
                lastRating = writer.lastID
            }
            if Int.random(in: 0..<6, using: &rng) == 0 {
                try emit(.noteAdded(.init(text: "Room was cold; moved the movement practice nearer the radiator.", activity: item.id)), 6)
            }
            try emit(.activityEnded(.init(activity: item.id)), run / Double(steps + 1))
        }
        if Int.random(in: 0..<25, using: &rng) == 0, let lastRating {
            try emit(.correction(.init(refersTo: lastRating, field: "level", old: .string("fully"), new: .string("partly"),
                                       reason: "Rated the wrong line on the sheet; corrected at the end of the day.")), 30)
        }
        let closing = DeliveryState.replay(writer.events)
        try emit(.deliveryClosed(.init(summary: closing.summary, signoffs: facilitators.map {
            .init(code: $0.0, role: $0.1, at: clock, meaning: DeliveryClosed.signoffMeaning)
        })), 60)
        let url = folder.appendingPathComponent(id + ".jsonl")
        try writer.data.write(to: url)
        return (writer.count, writer.data.count)
    }
}

/// Encodes and chains events in memory, as JournalWriter would on disk.
struct LineWriter {
    let delivery: String
    var data = Data()
    var events: [JournalEvent] = []
    var count: Int { events.count }
    var lastID: UUID? { events.last?.id }
    private var head: String?

    init(delivery: String) { self.delivery = delivery }

    mutating func append(_ body: EventBody, actor: String, at time: Date) throws -> JournalEvent {
        let event = JournalEvent(seq: events.count + 1, time: time, utcOffsetMinutes: 0, delivery: delivery, mode: .live,
                                 actor: actor, previous: head, body: body)
        let line = try LineCodec.encode(event)
        head = lineHash(line)
        data.append(line)
        data.append(0x0A)
        events.append(event)
        return event
    }
}

extension String {
    /// A hash that is the same on every run (Swift's hashValue is seeded per process).
    var hashValueStable: Int { utf8.reduce(5381) { ($0 &* 33) &+ Int($1) } }
}
