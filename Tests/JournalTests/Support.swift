import Foundation
import Testing
import TestSupport
@testable import Journal
import Programme

enum Fixture {
    static let repository = Repository.root
    static let mini = repository.appendingPathComponent("Tests/ProgrammeTests/Fixtures/mini").path

    static func programme() throws -> Programme {
        try #require(ProgrammeLoader.load(path: mini).programme)
    }

    static let t0 = Timestamp.parse("2026-03-04T10:00:00.000Z")!
    static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }
}

/// A temporary journal folder, removed afterwards.
final class ScratchFolder {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-journal-\(UUID().uuidString)")
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    var directory: JournalDirectory { JournalDirectory(root: url) }
}

/// Writes a small, complete delivery of the mini programme's group session: three participants,
/// attendance, two activities with ratings, a pause, a note and the close.
struct SampleDelivery {
    let writer: JournalWriter
    var events: [JournalEvent] = []

    static let facilitators = [DeliveryOpened.Facilitator(code: "N01", role: "nurse"), .init(code: "L01", role: "lay")]

    init(in folder: ScratchFolder, mode: JournalEvent.Mode = .live) throws {
        let programme = try Fixture.programme()
        let session = try #require(programme.session("group-1"))
        let id = DeliveryID.make(date: Fixture.t0, offsetMinutes: 0, group: "G01", session: session.id, random: UUID())
        let opening = DeliveryOpened(programme: programme, session: session, group: "G01", site: "S01", facilitators: Self.facilitators)
        let (writer, event) = try JournalWriter.create(in: folder.directory.folder(for: mode), delivery: id, mode: mode,
                                                       opening: opening, actor: "N01", at: Fixture.at(0), utcOffsetMinutes: 0)
        self.writer = writer
        events = [event]
    }

    mutating func add(_ body: EventBody, at minutes: Double, actor: String = "N01") throws {
        events.append(try writer.append(body, actor: actor, at: Fixture.at(minutes), utcOffsetMinutes: 0))
    }

    /// Everything up to (not including) the close.
    mutating func deliver() throws {
        for code in ["P01", "P02", "P03"] { try add(.participantEnrolled(.init(participant: code, walkIn: false)), at: 1) }
        try add(.attendanceMarked(.init(participant: "P01", status: .present)), at: 2)
        try add(.attendanceMarked(.init(participant: "P02", status: .late, arrivedAt: Fixture.at(15))), at: 15)
        try add(.attendanceMarked(.init(participant: "P03", status: .absent, notified: true)), at: 2)
        try add(.activityStarted(.init(activity: "g1-arrival")), at: 0)
        try add(.activityEnded(.init(activity: "g1-arrival")), at: 10)
        try add(.activityStarted(.init(activity: "g1-welcome")), at: 10)
        try add(.stepShown(.init(activity: "g1-welcome", step: 1)), at: 15)
        try add(.timerPaused, at: 20)
        try add(.timerResumed, at: 25)
        try add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "fully", deliveredBy: ["nurse", "lay"])), at: 29)
        try add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-2", level: "partly", deliveredBy: ["nurse"],
                                     adaptation: .init(timing: .reactive, fidelityConsistent: true, reason: "Ran short of time"))), at: 30)
        try add(.activityEnded(.init(activity: "g1-welcome")), at: 35)
        try add(.noteAdded(.init(text: "Room was cold; café closed. 疼痛 ok 👍", activity: "g1-welcome")), at: 36)
    }

    mutating func close(at minutes: Double = 60) throws {
        let state = DeliveryState.replay(events)
        let signoffs = Self.facilitators.map { DeliveryClosed.Signoff(code: $0.code, role: $0.role, at: Fixture.at(minutes), meaning: DeliveryClosed.signoffMeaning) }
        try add(.deliveryClosed(.init(summary: state.summary, signoffs: signoffs)), at: minutes)
    }
}

extension URL {
    func lines() throws -> [String] {
        try String(contentsOf: self, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
