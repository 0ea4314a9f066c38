import Foundation
import Testing
import TestSupport
import Journal

/// `iwotch journal check` on a journal whose last line was torn and then recorded: the line
/// before the torn one is checked like any other.
@Suite struct JournalCheckCommandTests {
    static let delivery = "2026-03-04-G01-group-1-chain000"

    /// Opened, P01 enrolled, P01 present (line 3), a torn line 4 that kept its `prev`, then the
    /// damage-found (line 5) and a timer-paused (line 6) written on reopening.
    func journal(in folder: URL) throws -> URL {
        let opened = DeliveryOpened(
            programme: .init(id: "mini", version: "1.0", fingerprint: "sha256:" + String(repeating: "0", count: 64)),
            session: .init(id: "group-1", title: "Group session", kind: "group", mode: "face-to-face", plannedMinutes: 60,
                           agenda: [.init(id: "g1-welcome", kind: "activity", title: "Welcome", minutes: 60, lead: ["nurse"], fidelity: ["g1-welcome-1"])]),
            group: "G01", site: "S01", facilitators: [.init(code: "N01", role: "nurse")],
            dose: .init(sessions: ["group-1"], minimum: 1, description: "Attended."),
            fidelityScale: [.init(id: "fully", label: "Fully", score: 2), .init(id: "not-delivered", label: "Not", score: 0)],
            bands: .init(high: 80, low: 50))
        let start = Date(timeIntervalSince1970: 1_772_618_400)
        let (writer, _) = try JournalWriter.create(in: folder, delivery: Self.delivery, mode: .live, opening: opened, actor: "N01", at: start, utcOffsetMinutes: 0)
        try writer.append(.participantEnrolled(.init(participant: "P01", walkIn: false)), actor: "N01", at: start + 60, utcOffsetMinutes: 0)
        try writer.append(.attendanceMarked(.init(participant: "P01", status: .present)), actor: "N01", at: start + 120, utcOffsetMinutes: 0)
        let next = JournalEvent(seq: 4, time: start + 180, utcOffsetMinutes: 0, delivery: Self.delivery, mode: .live, actor: "N01",
                                previous: writer.head, body: .timerPaused)
        let line = try LineCodec.encode(next)
        writer.close()
        let handle = try FileHandle(forWritingTo: writer.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: line.prefix(line.count - 20))
        try handle.close()
        let reopened = try JournalWriter.open(writer.url)
        try reopened.append(.timerPaused, actor: "N01", at: start + 240, utcOffsetMinutes: 0)
        reopened.close()
        return writer.url
    }

    @Test func anEditJustBeforeARecordedTornLineIsReportedWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-chain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try journal(in: folder)

        let untouched = try BuiltBinary.run(["journal", "check", file.path])
        #expect(untouched.status == 0, "\(untouched.output)")
        #expect(untouched.stdout.contains("1 journal checked (0 closed, 1 open): 0 errors, 2 warnings"), "\(untouched.output)")

        let text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: #""status":"present""#))
        try Data(text.replacingCharacters(in: range, with: #""status":"absent""#).utf8).write(to: file)

        let edited = try BuiltBinary.run(["journal", "check", file.path])
        #expect(edited.status == 1)
        #expect(edited.stderr.contains("\(file.path):3:1: error: line 3 does not match the hash recorded for it by the damage-found event on line 5\n"), "\(edited.output)")
        #expect(edited.stderr.contains("\(file.path):3:1: error: line 3 does not match the hash recorded on damaged line 4\n"), "\(edited.output)")
        #expect(edited.stdout.contains(": 2 errors, 2 warnings"), "\(edited.output)")
    }
}
