import Foundation
import Journal
@testable import Audit

/// A small region with answers worked out by hand (Manuals/supervisor-guide.md walks through the
/// same arithmetic). Event ids and times are fixed, so chain heads, and with them every output
/// format, are the same on every run.
///
/// - D1 2026-03-02 S1/G1 day-a, N1 + L1: i1 fully, i2 not -> corrected to partly, i3 fully,
///   i4 not, i5 n/a: 5 of 8 = 62.5%. P1 present, P2 late, P3 absent. Closed, both signed.
/// - D2 2026-03-09 S1/G1 day-b, N1 + L1: j1, j2 fully: 4 of 4 = 100%. P2 left early. Closed,
///   signed by N1 only. Its file has a damaged line (a step), so it fails the check.
/// - D3 2026-04-06 S2/G2 day-a, N2 + L1: 0, 0, 1, 2, 0 = 3 of 10 = 30%. Still open.
/// - A copy of D1 under another name; a rehearsal; a supervisor's review of D1.
struct Fixture {
    let root: URL
    var live: URL { root.appendingPathComponent("live") }

    static let scale: [DeliveryOpened.ScaleLevel] = [
        .init(id: "fully", label: "Fully delivered", score: 2), .init(id: "partly", label: "Partly delivered", score: 1),
        .init(id: "not-delivered", label: "Not delivered", score: 0), .init(id: "not-applicable", label: "Not applicable", score: nil),
    ]
    static let dose = DeliveryOpened.Dose(sessions: ["day-a", "day-b"], minimum: 2, description: "Two of the two group days.")

    static func session(_ id: String) -> DeliveryOpened.SessionSnapshot {
        id == "day-a"
            ? .init(id: "day-a", title: "Day A", kind: "group", mode: "face-to-face", plannedMinutes: 60, agenda: [
                .init(id: "arrival", kind: "arrival", title: "Arrival", minutes: 10, lead: [], fidelity: []),
                .init(id: "act-1", kind: "activity", title: "Understanding pain", minutes: 20, lead: ["nurse"], fidelity: ["i1", "i2"]),
                .init(id: "act-2", kind: "activity", title: "Opioids | myths", minutes: 30, lead: ["lay"], fidelity: ["i3", "i4", "i5"]),
            ])
            : .init(id: "day-b", title: "Day B", kind: "group", mode: "face-to-face", plannedMinutes: 40, agenda: [
                .init(id: "act-3", kind: "activity", title: "Withdrawal", minutes: 40, lead: ["nurse", "lay"], fidelity: ["j1", "j2"]),
            ])
    }

    static func make() throws -> Fixture {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-audit-\(UUID().uuidString.prefix(8))")
        let fixture = Fixture(root: root)
        try fixture.write()
        return fixture
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write() throws {
        let base = Timestamp.parse("2026-03-02T09:00:00.000Z")!
        func at(_ day: Int, _ minutes: Double) -> Date { base.addingTimeInterval(Double(day) * 86_400 + minutes * 60) }

        // D1: arrival 12 min, act-1 25 min, act-2 30 min; closed at 67 min.
        var d1 = Writer(delivery: "2026-03-02-G1-day-a-d1", seed: 1)
        d1.open(session: "day-a", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: at(0, 0))
        d1.enrol(["P1", "P2", "P3"], at: at(0, 0.1))
        d1.mark("P1", .present, at: at(0, 0.2)); d1.mark("P2", .late, at: at(0, 0.3)); d1.mark("P3", .absent, at: at(0, 0.4), notified: true)
        d1.run("arrival", from: at(0, 0), to: at(0, 12))
        d1.start("act-1", at: at(0, 12))
        d1.rate("act-1", "i1", "fully", by: ["nurse"], at: at(0, 20))
        let wrong = d1.rate("act-1", "i2", "not-delivered", by: ["nurse"], at: at(0, 21))
        d1.end("act-1", at: at(0, 37))
        d1.start("act-2", at: at(0, 37))
        d1.rate("act-2", "i3", "fully", by: ["lay"], at: at(0, 50)); d1.rate("act-2", "i4", "not-delivered", by: ["lay"], at: at(0, 51))
        d1.rate("act-2", "i5", "not-applicable", by: ["lay"], at: at(0, 52))
        d1.end("act-2", at: at(0, 67))
        d1.correct(wrong, field: "level", old: "not-delivered", new: "partly", at: at(0, 67))
        d1.close(signed: ["N1", "L1"], at: at(0, 67))
        try d1.save(in: live)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("usb"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: live.appendingPathComponent(d1.delivery + ".jsonl"),
                                         to: root.appendingPathComponent("usb/copy-of-d1.jsonl"))

        // D2: act-3 50 min against 40 planned; signed by N1 only; a step line damaged afterwards.
        var d2 = Writer(delivery: "2026-03-09-G1-day-b-d2", seed: 2)
        d2.open(session: "day-b", site: "S1", group: "G1", facilitators: [("N1", "nurse"), ("L1", "lay")], at: at(7, 0))
        d2.enrol(["P1", "P2", "P3"], at: at(7, 0.1))
        d2.mark("P1", .present, at: at(7, 0.2)); d2.mark("P2", .leftEarly, at: at(7, 0.3)); d2.mark("P3", .present, at: at(7, 0.4))
        d2.start("act-3", at: at(7, 0))
        d2.step("act-3", 1, at: at(7, 5))
        d2.rate("act-3", "j1", "fully", by: ["nurse", "lay"], at: at(7, 30)); d2.rate("act-3", "j2", "fully", by: ["nurse"], at: at(7, 31))
        d2.end("act-3", at: at(7, 50))
        d2.close(signed: ["N1"], at: at(7, 50))
        try d2.save(in: live, damagingLine: 9)

        // D3: act-1 20 min, act-2 35 min; never closed.
        var d3 = Writer(delivery: "2026-04-06-G2-day-a-d3", seed: 3)
        d3.open(session: "day-a", site: "S2", group: "G2", facilitators: [("N2", "nurse"), ("L1", "lay")], at: at(35, 0))
        d3.enrol(["Q1", "Q2"], at: at(35, 0.1))
        d3.mark("Q1", .present, at: at(35, 0.2)); d3.mark("Q2", .present, at: at(35, 0.3))
        d3.start("act-1", at: at(35, 0))
        d3.rate("act-1", "i1", "not-delivered", by: ["nurse"], at: at(35, 5)); d3.rate("act-1", "i2", "not-delivered", by: ["nurse"], at: at(35, 6))
        d3.end("act-1", at: at(35, 20))
        d3.start("act-2", at: at(35, 20))
        d3.rate("act-2", "i3", "partly", by: ["lay"], at: at(35, 30)); d3.rate("act-2", "i4", "fully", by: ["lay"], at: at(35, 31))
        d3.rate("act-2", "i5", "not-delivered", by: ["lay"], at: at(35, 32))
        d3.end("act-2", at: at(35, 55))
        try d3.save(in: live)

        // A rehearsal: practice, never in live figures.
        var r1 = Writer(delivery: "2026-03-03-REH-day-a-r1", seed: 4, mode: .rehearsal)
        r1.open(session: "day-a", site: "TRN-1", group: "REH", facilitators: [("TRN1", "nurse"), ("TRN2", "lay")], at: at(1, 0))
        r1.enrol(["R1"], at: at(1, 0.1))
        r1.mark("R1", .present, at: at(1, 0.2))
        r1.start("act-1", at: at(1, 1))
        r1.rate("act-1", "i1", "not-delivered", by: ["nurse"], at: at(1, 2))
        try r1.save(in: root.appendingPathComponent("rehearsal"))

        // The supervisor's review of D1, from its recording.
        var review = Writer(delivery: d1.delivery, seed: 5)
        review.review(SupervisorReview(method: .audio, competence: 3, competenceScale: [
            .init(score: 0, label: "Absent"), .init(score: 1, label: "Novice"), .init(score: 2, label: "Advanced beginner"),
            .init(score: 3, label: "Competent"), .init(score: 4, label: "Proficient"), .init(score: 5, label: "Expert"),
        ], ratings: [
            .init(activity: "act-1", item: "i1", level: "fully"), .init(activity: "act-1", item: "i2", level: "partly"),
            .init(activity: "act-2", item: "i3", level: "partly"), .init(activity: "act-2", item: "i4", level: "not-delivered"),
        ]), actor: "SUP1", at: at(10, 0))
        try review.save(in: root.appendingPathComponent("reviews"), name: "review-\(d1.delivery)-0001")
    }

    func read(_ paths: [URL]? = nil) -> AuditSet {
        let found = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") }.sorted()
        return AuditSet.read(paths ?? found.map { root.appendingPathComponent($0) })
    }
}

/// Writes a journal as iwotch does (chained, numbered) with fixed ids and times.
struct Writer {
    let delivery: String
    let seed: Int
    var mode: JournalEvent.Mode = .live
    var events: [JournalEvent] = []
    var lines: [Data] = []
    var actor = "N1"

    init(delivery: String, seed: Int, mode: JournalEvent.Mode = .live) { self.delivery = delivery; self.seed = seed; self.mode = mode }

    @discardableResult
    mutating func append(_ body: EventBody, at time: Date) -> UUID {
        let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%06d%06d", seed, events.count + 1))!
        let event = JournalEvent(seq: events.count + 1, id: id, time: time, utcOffsetMinutes: 0, delivery: delivery, mode: mode,
                                 actor: actor, previous: lines.last.map(lineHash), body: body)
        lines.append(try! LineCodec.encode(event))
        events.append(event)
        return id
    }

    /// `snapshot`: a session other than the fixture's two group days (a one-to-one call, say).
    mutating func open(session: String, site: String, group: String, facilitators: [(String, String)], at time: Date,
                       snapshot: DeliveryOpened.SessionSnapshot? = nil, unreleased: Bool? = nil, dose: DeliveryOpened.Dose = Fixture.dose) {
        actor = facilitators[0].0
        append(.deliveryOpened(DeliveryOpened(programme: .init(id: "audit-fixture", version: "1.0", fingerprint: "sha256:" + String(repeating: "ab", count: 32),
                                                               unreleased: unreleased),
                                              session: snapshot ?? Fixture.session(session), group: group, site: site,
                                              facilitators: facilitators.map { .init(code: $0.0, role: $0.1) },
                                              dose: dose, fidelityScale: Fixture.scale, bands: .init(high: 80, low: 50))), at: time)
    }
    mutating func enrol(_ codes: [String], at time: Date) { for code in codes { append(.participantEnrolled(.init(participant: code, walkIn: false)), at: time) } }
    mutating func mark(_ code: String, _ status: AttendanceMarked.Status, at time: Date, notified: Bool? = nil) {
        append(.attendanceMarked(.init(participant: code, status: status, arrivedAt: status == .late ? time : nil,
                                       leftAt: status == .leftEarly ? time : nil, notified: notified)), at: time)
    }
    mutating func start(_ activity: String, at time: Date) { append(.activityStarted(.init(activity: activity)), at: time) }
    mutating func end(_ activity: String, at time: Date) { append(.activityEnded(.init(activity: activity)), at: time) }
    mutating func run(_ activity: String, from: Date, to: Date) { start(activity, at: from); end(activity, at: to) }
    mutating func step(_ activity: String, _ step: Int, at time: Date) { append(.stepShown(.init(activity: activity, step: step)), at: time) }
    @discardableResult
    mutating func rate(_ activity: String, _ item: String, _ level: String, by: [String], at time: Date) -> UUID {
        append(.fidelityRated(.init(activity: activity, item: item, level: level, deliveredBy: by)), at: time)
    }
    mutating func correct(_ id: UUID, field: String, old: String, new: String, at time: Date) {
        append(.correction(.init(refersTo: id, field: field, old: .string(old), new: .string(new), reason: "Marked on the wrong line of the sheet.")), at: time)
    }
    mutating func close(signed: [String], at time: Date) {
        let state = DeliveryState.replay(events)
        let roles = Dictionary(uniqueKeysWithValues: state.opened!.facilitators.map { ($0.code, $0.role) })
        append(.deliveryClosed(.init(summary: state.summary, signoffs: signed.map {
            .init(code: $0, role: roles[$0]!, at: time, meaning: DeliveryClosed.signoffMeaning)
        })), at: time)
    }
    mutating func review(_ review: SupervisorReview, actor: String, at time: Date) {
        self.actor = actor
        append(.supervisorReview(review), at: time)
    }

    /// Writes the file; `damagingLine` replaces that line's first byte, as a bad edit or disk fault would.
    func save(in folder: URL, name: String? = nil, damagingLine: Int? = nil) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var data = Data()
        for (index, line) in lines.enumerated() {
            var bytes = line
            if index + 1 == damagingLine { bytes[bytes.startIndex] = UInt8(ascii: "#") }
            data.append(bytes)
            data.append(0x0A)
        }
        try data.write(to: folder.appendingPathComponent((name ?? delivery) + ".jsonl"))
    }
}
