import Foundation
import Journal

/// Journals as three facilitators' laptops hold them, written as iwotch writes them (chained,
/// numbered) with fixed ids and times, so every count below is known in advance:
///
/// - laptop A (site S1, borough North): D1 closed (10 lines), D2 still open (9 lines)
/// - laptop B (site S2, borough North): D3 closed (10 lines)
/// - laptop C (site S3, borough South): D4 and D5 closed (10 lines each)
///
/// A delivery is: opened, 2 enrolled, 2 marked, activity started, 2 ratings, activity ended, and
/// (when closed) closed: 10 lines, or 9 while open. 49 lines in all; North's 29, South's 20.
struct Laptops {
    let root: URL
    func live(_ laptop: String) -> URL { root.appendingPathComponent("\(laptop)/live") }

    static let plan: [(laptop: String, delivery: String, site: String, closed: Bool)] = [
        ("A", "2026-03-02-G1-day-a-d1", "S1", true),
        ("A", "2026-03-09-G2-day-a-d2", "S1", false),
        ("B", "2026-03-03-G3-day-a-d3", "S2", true),
        ("C", "2026-03-04-G4-day-a-d4", "S3", true),
        ("C", "2026-03-05-G5-day-a-d5", "S3", true),
    ]

    static func make() throws -> Laptops {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-region-\(UUID().uuidString.prefix(8))")
        let laptops = Laptops(root: root)
        for (index, entry) in plan.enumerated() {
            var writer = TestWriter(delivery: entry.delivery, seed: index + 1)
            writer.delivery(site: entry.site, group: "G\(index + 1)", day: index, closed: entry.closed, quality: index)
            try writer.save(in: laptops.live(entry.laptop))
        }
        return laptops
    }

    /// A region of `count` deliveries over 12 sites for the report comparisons, ratings varying.
    static func region(_ count: Int, in folder: URL) throws {
        for index in 0..<count {
            let site = "S\(index % 12 + 1)"
            var writer = TestWriter(delivery: String(format: "2026-%02d-%02d-G%d-day-a-r%03d", index % 12 + 1, index % 27 + 1, index, index), seed: 100 + index)
            writer.delivery(site: site, group: "G\(index)", day: index, closed: index % 7 != 0, quality: index)
            try writer.save(in: folder)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Writes one journal with fixed ids and times.
struct TestWriter {
    let delivery: String
    let seed: Int
    var events: [JournalEvent] = []
    var lines: [Data] = []
    var actor = "N1"

    init(delivery: String, seed: Int) { self.delivery = delivery; self.seed = seed }

    static let scale: [DeliveryOpened.ScaleLevel] = [
        .init(id: "fully", label: "Fully delivered", score: 2), .init(id: "partly", label: "Partly delivered", score: 1),
        .init(id: "not-delivered", label: "Not delivered", score: 0),
    ]

    @discardableResult
    mutating func append(_ body: EventBody, at time: Date) -> UUID {
        let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%06d%06d", seed, events.count + 1))!
        let event = JournalEvent(seq: events.count + 1, id: id, time: time, utcOffsetMinutes: 0, delivery: delivery, mode: .live,
                                 actor: actor, previous: lines.last.map { lineHash($0) }, body: body)
        lines.append(try! LineCodec.encode(event))
        events.append(event)
        return id
    }

    /// The ten (or nine, when open) lines of a delivery; `quality` picks the ratings.
    mutating func delivery(site: String, group: String, day: Int, closed: Bool, quality: Int) {
        let start = Timestamp.parse("2026-03-02T09:00:00.000Z")!.addingTimeInterval(Double(day) * 86_400)
        func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }
        let session = DeliveryOpened.SessionSnapshot(id: "day-a", title: "Day A", kind: "group", mode: "face-to-face", plannedMinutes: 30, agenda: [
            .init(id: "act-1", kind: "activity", title: "Understanding pain", minutes: 30, lead: ["nurse"], fidelity: ["i1", "i2"]),
        ])
        append(.deliveryOpened(DeliveryOpened(
            programme: .init(id: "region-test", version: "1.0", fingerprint: "sha256:" + String(repeating: "cd", count: 32)),
            session: session, group: group, site: site,
            facilitators: [.init(code: "N\(seed)", role: "nurse"), .init(code: "L\(seed)", role: "lay")],
            dose: .init(sessions: ["day-a"], minimum: 1, description: "The one day."),
            fidelityScale: Self.scale, bands: .init(high: 80, low: 50))), at: at(0))
        let people = ["G\(seed)-P1", "G\(seed)-P2"]
        for code in people { append(.participantEnrolled(.init(participant: code, walkIn: false)), at: at(0.1)) }
        append(.attendanceMarked(.init(participant: people[0], status: .present, arrivedAt: nil, leftAt: nil, notified: nil)), at: at(0.2))
        append(.attendanceMarked(.init(participant: people[1], status: quality % 3 == 0 ? .absent : .late,
                                       arrivedAt: quality % 3 == 0 ? nil : at(0.3), leftAt: nil, notified: quality % 3 == 0 ? true : nil)), at: at(0.3))
        append(.activityStarted(.init(activity: "act-1")), at: at(1))
        let levels = ["fully", "partly", "not-delivered"]
        append(.fidelityRated(.init(activity: "act-1", item: "i1", level: levels[quality % 3], deliveredBy: ["nurse"])), at: at(10))
        append(.fidelityRated(.init(activity: "act-1", item: "i2", level: levels[(quality / 3) % 3], deliveredBy: ["nurse"])), at: at(20))
        append(.activityEnded(.init(activity: "act-1")), at: at(Double(25 + quality % 10)))
        if closed {
            let state = DeliveryState.replay(events)
            append(.deliveryClosed(.init(summary: state.summary, signoffs: [
                .init(code: "N\(seed)", role: "nurse", at: at(40), meaning: DeliveryClosed.signoffMeaning),
                .init(code: "L\(seed)", role: "lay", at: at(40), meaning: DeliveryClosed.signoffMeaning),
            ])), at: at(40))
        }
    }

    var data: Data { lines.reduce(into: Data()) { $0.append($1); $0.append(0x0A) } }

    func save(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try data.write(to: folder.appendingPathComponent(delivery + ".jsonl"))
    }
}
