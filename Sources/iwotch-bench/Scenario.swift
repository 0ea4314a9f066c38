import Foundation
import Audit
import Journal
import Programme

/// The delivery the benchmarks record: the bundled programme's longest group session, with a
/// roster of 12 pseudonymous participants and two facilitators, so event sizes and the
/// delivery-opened snapshot are those of real use rather than toy values.
struct Scenario {
    let opened: DeliveryOpened
    let participants: [String]
    let facilitators: [String]
    /// 2026-01-05T09:00:00Z: a fixed start, so every run writes the same kinds of lines.
    let start = Date(timeIntervalSince1970: 1_767_603_600)

    static func load(content: String) throws -> Scenario {
        let check = ProgrammeLoader.load(path: content)
        guard let programme = check.programme else {
            throw BenchError("the content at \(content) did not load (\(check.diagnostics.count) problems); check it with `iwotch content check`, or pass --content")
        }
        let groups = programme.sessions.filter { $0.kind == .group }
        guard let session = groups.max(by: { $0.agenda.count < $1.agenda.count }) else {
            throw BenchError("the programme at \(content) has no group session")
        }
        // Built with the memberwise initialiser so the benchmark relies only on the event types.
        let opened = DeliveryOpened(
            programme: .init(id: programme.id, version: programme.version, fingerprint: programme.fingerprint),
            session: .init(id: session.id, title: session.title, kind: session.kind.rawValue, mode: session.mode.rawValue,
                           plannedMinutes: session.plannedMinutes,
                           agenda: session.agenda.map {
                               .init(id: $0.id, kind: $0.kind.rawValue, title: $0.title, minutes: $0.minutes, lead: $0.lead,
                                     fidelity: $0.fidelity.map(\.id))
                           }),
            group: "G03", site: "COV1",
            facilitators: [.init(code: "NF1", role: "nurse"), .init(code: "LF2", role: "lay")],
            dose: .init(sessions: programme.dose.sessions, minimum: programme.dose.minimum, description: programme.dose.description),
            fidelityScale: programme.fidelityScale.map { .init(id: $0.id, label: $0.label, score: $0.score) },
            bands: .init(high: programme.bands.high, low: programme.bands.low))
        return Scenario(opened: opened, participants: (1...12).map { "P" + String(format: "%02d", $0) },
                        facilitators: ["NF1", "LF2"])
    }

    var activities: [DeliveryOpened.AgendaItem] { opened.session.agenda.filter { $0.kind == "activity" } }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The events of a long delivery after delivery-opened, in the order a facilitator would make them:
/// enrolment once, then round after round of the agenda, each round starting with attendance, each
/// item started, walked through step by step, rated item by item, sometimes paused or annotated,
/// and ended. Now and then a rating is corrected, so replay exercises corrections too.
struct EventMix {
    let scenario: Scenario
    private var rng = SplitMix64(state: 2026)
    private var queue: [EventBody] = []
    private var next = 0
    private var rounds = 0
    private var produced = 0
    private var lastRating: (id: UUID, level: String)?

    init(scenario: Scenario) { self.scenario = scenario }

    /// The next event's body. Call `wrote(_:)` with the event once it has an id.
    mutating func body() -> EventBody {
        if next == queue.count { plan() }
        produced += 1
        // About one correction in 5,000 events: rare, as in real use, but never absent.
        if produced % 5000 == 0, let rating = lastRating {
            lastRating = nil
            let level = scenario.opened.fidelityScale.first { $0.id != rating.level }?.id ?? rating.level
            return .correction(Correction(refersTo: rating.id, field: "level", old: .string(rating.level), new: .string(level),
                                          reason: "Rated against the wrong item on the sheet; corrected after the session."))
        }
        defer { next += 1 }
        return queue[next]
    }

    mutating func wrote(_ event: JournalEvent) {
        if case .fidelityRated(let rating) = event.body { lastRating = (event.id, rating.level) }
    }

    /// Seconds between events: a few seconds to a few minutes, as the facilitator works.
    mutating func gap() -> TimeInterval { Double(Int.random(in: 3...90, using: &rng)) + Double(Int.random(in: 0..<1000, using: &rng)) / 1000 }

    private mutating func plan() {
        queue.removeAll(keepingCapacity: true)
        next = 0
        if rounds == 0 {
            for (index, code) in scenario.participants.enumerated() {
                queue.append(.participantEnrolled(ParticipantEnrolled(participant: code, walkIn: index == 11)))
            }
        }
        rounds += 1
        for code in scenario.participants { queue.append(.attendanceMarked(attendance(code))) }
        let scale = scenario.opened.fidelityScale.map(\.id)
        for item in scenario.opened.session.agenda {
            queue.append(.activityStarted(ActivityRef(activity: item.id)))
            if item.kind == "activity" {
                for step in 0..<Int.random(in: 3...7, using: &rng) { queue.append(.stepShown(StepShown(activity: item.id, step: step))) }
                if Int.random(in: 0..<8, using: &rng) == 0 { queue.append(.timerPaused); queue.append(.timerResumed) }
                for fidelity in item.fidelity {
                    // Mostly fully delivered, as in practice; the other levels now and then.
                    let level = Int.random(in: 0..<10, using: &rng) < 7 ? scale[0] : scale.randomElement(using: &rng)!
                    let adaptation = Int.random(in: 0..<10, using: &rng) == 0
                        ? FidelityRated.Adaptation(timing: .reactive, fidelityConsistent: true, reason: "Shortened the discussion because the group arrived late.")
                        : nil
                    queue.append(.fidelityRated(FidelityRated(activity: item.id, item: fidelity, level: level,
                                                              deliveredBy: item.lead.isEmpty ? ["nurse"] : item.lead, adaptation: adaptation)))
                }
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    queue.append(.noteAdded(NoteAdded(text: "Good discussion; two participants shared pacing tips that others wrote down.", activity: item.id)))
                }
            }
            queue.append(.activityEnded(ActivityRef(activity: item.id)))
        }
    }

    private mutating func attendance(_ code: String) -> AttendanceMarked {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0: AttendanceMarked(participant: code, status: .absent, notified: true)
        case 1: AttendanceMarked(participant: code, status: .late, arrivedAt: scenario.start.addingTimeInterval(1200))
        default: AttendanceMarked(participant: code, status: .present)
        }
    }
}
