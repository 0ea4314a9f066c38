import Foundation
import Testing
@testable import Journal

/// A re-rating names the rating it replaces, and a resume records how long the console was
/// stopped; the check holds both to the events around them.
@Suite struct ReratingAndResumeTests {
    static func problems(_ sample: SampleDelivery) throws -> [String] {
        JournalCheck.check(try ReadJournal.read(sample.writer.url)).problems.filter { $0.severity == .error }.map(\.message)
    }

    @Test func aReratingNamesAnEarlierRatingOfTheSameItem() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let first = try #require(sample.events.first { if case .fidelityRated(let r) = $0.body { r.item == "g1-welcome-1" } else { false } })
        let other = try #require(sample.events.first { if case .fidelityRated(let r) = $0.body { r.item == "g1-welcome-2" } else { false } })
        // Right: it replaces the first rating of g1-welcome-1. The latest counts, and it says what it replaced.
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "partly", deliveredBy: ["nurse"],
                                            replaces: first.id)), at: 37)
        #expect(try Self.problems(sample) == [])
        let journal = try ReadJournal.read(sample.writer.url)
        #expect(journal.state.ratings["g1-welcome-1"]?.level == "partly")
        #expect(journal.state.ratings["g1-welcome-1"]?.replaces == first.id)
        // The id is written in lower case, as every event id is.
        #expect(try sample.writer.url.lines().contains { $0.contains("\"replaces\":\"\(first.id.uuidString.lowercased())\"") })
        // Wrong: naming a rating of another item, or an event that is no rating.
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "fully", deliveredBy: ["nurse"],
                                            replaces: other.id)), at: 38)
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "fully", deliveredBy: ["nurse"],
                                            replaces: sample.events[0].id)), at: 39)
        #expect(try Self.problems(sample) == [
            "the rating replaces event \(other.id.uuidString.lowercased()), which is not an earlier rating of `g1-welcome-1` in this journal",
            "the rating replaces event \(sample.events[0].id.uuidString.lowercased()), which is not an earlier rating of `g1-welcome-1` in this journal",
        ])
    }

    @Test func aResumeRecordsTheGapAndTheCheckHoldsItToTheEvents() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        // deliver() ends with a note at minute 36; resumed at minute 50: 14 × 60 = 840 s.
        try sample.add(.consoleResumed(.init(lastEventAt: Fixture.at(36), gapSeconds: 840)), at: 50)
        #expect(try Self.problems(sample) == [])
        #expect(try ReadJournal.read(sample.writer.url).state.interruptions == [840])
        // A second stop, misreported: the last event (the pause) was at minute 50, not 52; and from
        // the 52 it names to the resume at 60 is 8 × 60 = 480 s, not 100.
        try sample.add(.timerPaused, at: 50)
        try sample.add(.consoleResumed(.init(lastEventAt: Fixture.at(52), gapSeconds: 100)), at: 60)
        let problems = try Self.problems(sample)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("the resume says the last event was at 2026-") == true)
        #expect(problems.last == "gap_seconds is 100, but the event is 480 s after last_event_at")
        #expect(try ReadJournal.read(sample.writer.url).state.interruptions == [840, 100])
    }

    /// After a kill that tore the last line, the reopened writer puts a damage-found first, at the
    /// resume's own time: the resume still names the last event before the stop, and that is right.
    @Test func aResumeAfterATornLineNamesTheLastEventBeforeTheDamage() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let url = sample.writer.url
        sample.writer.close()
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"torn".utf8))
        try handle.close()
        let writer = try JournalWriter.open(url)
        // deliver() ends with a note at minute 36; resumed at 40: 4 × 60 = 240 s.
        try writer.append(.consoleResumed(.init(lastEventAt: Fixture.at(36), gapSeconds: 240)), actor: "N01", at: Fixture.at(40), utcOffsetMinutes: 0)
        writer.close()
        let journal = try ReadJournal.read(url)
        #expect(journal.events.suffix(2).map(\.event.type) == ["damage-found", "console-resumed"])
        #expect(JournalCheck.check(journal).problems.filter { $0.severity == .error }.map(\.message) == [])
    }
}
