import Foundation
import Testing
@testable import Journal

@Suite struct RoundTripTests {
    @Test func eventsWrittenAreReadBackAndReplayed() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()

        let read = try ReadJournal.read(sample.writer.url)
        #expect(read.unreadable.isEmpty)
        #expect(read.events.map(\.event) == sample.events)
        #expect(read.events.map(\.line) == Array(1...sample.events.count))

        let state = read.state
        #expect(state.roster == ["P01", "P02", "P03"])
        #expect(state.attendance["P02"]?.status == .late)
        #expect(state.attendance["P03"]?.notified == true)
        #expect(state.ratings["g1-welcome-2"]?.level == "partly")
        #expect(state.ratings["g1-welcome-2"]?.adaptation?.reason == "Ran short of time")
        #expect(state.notes.map(\.text) == ["Room was cold; café closed. 疼痛 ok 👍"])
        #expect(state.isClosed)
        #expect(state.closed?.summary == .init(participants: 3, present: 1, late: 1, leftEarly: 0, absent: 1,
                                               activitiesDelivered: 1, itemsRated: 2, itemsUnrated: 1))
        // 25 minutes of welcome less a 5-minute pause.
        #expect(state.seconds(of: "g1-welcome", until: Fixture.at(60)) == 20 * 60)
        #expect(state.elapsedSeconds(until: Fixture.at(90)) == 55 * 60)
    }

    @Test func everyLineIsOneCanonicalJSONObjectChainedToTheLineBefore() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let lines = try sample.writer.url.lines()
        #expect(lines.last == "", "the file ends with a newline")
        let body = lines.dropLast()
        #expect(body.first?.hasPrefix(#"{"actor":"N01","data":{"#) == true)
        #expect(body.first?.contains(#""prev":null"#) == true)
        for (previous, line) in zip(body, body.dropFirst()) {
            #expect(line.contains(#""prev":"\#(lineHash(Data(previous.utf8)))""#))
        }
        #expect(sample.writer.head == lineHash(Data(body.last!.utf8)))
    }

    @Test func timesAreUTCWithMillisecondsAndTheLocalOffsetBeside() throws {
        let folder = ScratchFolder()
        let sample = try SampleDelivery(in: folder)
        let event = try sample.writer.append(.timerPaused, actor: "N01", at: Fixture.at(1.5055), utcOffsetMinutes: 60)
        let line = try #require(try sample.writer.url.lines().dropLast().last)
        #expect(line.contains(#""time":"2026-03-04T10:01:30.330Z""#))
        #expect(line.contains(#""utc_offset":"+01:00""#))
        #expect(event.seq == 2)
    }

    /// Every time a journal can hold reads back to the same text: the fuzzer found 2248-08-27T09:53:06.942Z
    /// written back as .941 (a Date's Double a hair below the millisecond, then rounded down).
    @Test func everyMillisecondOfEveryYearReadsBackAsWritten() {
        #expect(Timestamp.parse("2248-08-27T09:53:06.942Z").map(Timestamp.format) == "2248-08-27T09:53:06.942Z")
        var mismatches: [String] = []
        for year in stride(from: 1970, through: 9999, by: 7) {
            for ms in stride(from: 0, to: 1000, by: 37) {
                let text = String(format: "%04d-08-27T09:53:06.%03dZ", year, ms)
                if Timestamp.parse(text).map(Timestamp.format) != text { mismatches.append(text) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func timestampsRejectAnythingButTheOneForm() {
        #expect(Timestamp.parse("2026-02-29T10:00:00.000Z") == nil, "2026 is not a leap year")
        #expect(Timestamp.parse("2024-02-29T10:00:00.000Z") != nil)
        #expect(Timestamp.parse("2026-03-04T10:00:00Z") == nil)
        #expect(Timestamp.parse("2026-03-04 10:00:00.000Z") == nil)
        let date = Date(timeIntervalSince1970: 1_767_225_599.999)
        #expect(Timestamp.format(date) == "2025-12-31T23:59:59.999Z")
        #expect(Timestamp.parse(Timestamp.format(date)) == date)
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
    }
}

@Suite struct CorrectionTests {
    @Test func aCorrectionChangesTheStateButNotTheRecord() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let mark = try #require(sample.events.first { if case .attendanceMarked(let m) = $0.body { m.participant == "P03" } else { false } })
        let before = try sample.writer.url.lines()
        try sample.add(.correction(.init(refersTo: mark.id, field: "status", old: .string("absent"), new: .string("present"),
                                         reason: "P03 was in the side room")), at: 70, actor: "L01")
        let after = try sample.writer.url.lines()
        #expect(Array(after.prefix(before.count - 1)) == Array(before.dropLast()), "earlier lines are untouched")

        let state = try ReadJournal.read(sample.writer.url).state
        #expect(state.attendance["P03"]?.status == .present)
        #expect(state.corrections.count == 1)
        #expect(state.corrections.first?.actor == "L01")
        #expect(state.corrections.first?.correction.old == .string("absent"))
        #expect(try sample.writer.url.lines().dropLast().last?.contains(#""refers_to":"\#(mark.id.uuidString.lowercased())""#) == true)
        // The closing counts are those of the corrected record.
        try sample.close(at: 80)
        #expect(JournalCheck.run([sample.writer.url]).diagnostics.isEmpty)
        #expect(try ReadJournal.read(sample.writer.url).state.closed?.summary.present == 2)
    }
}
