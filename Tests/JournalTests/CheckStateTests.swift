import Foundation
import Testing
@testable import Journal

/// The check hands back the journal's replayed state when it folded exactly that on the way; it
/// must never hand back anything else.
@Suite struct CheckStateTests {
    @Test func aPlainJournalsStateIsTheReplayedState() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        let journal = try ReadJournal.read(sample.writer.url)
        let state = try #require(JournalCheck.check(journal).state)
        #expect(state == journal.state)
        #expect(state.isClosed)
        #expect(JournalCheck.check(journal).problems.map(\.message) == JournalCheck.problems(of: journal).map(\.message))
    }

    @Test func withACorrectionTheStateIsLeftToReplay() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let rating = try #require(sample.events.first { $0.type == "fidelity-rated" })
        try sample.add(.correction(.init(refersTo: rating.id, field: "level", old: .string("fully"), new: .string("partly"), reason: "r")), at: 40)
        let journal = try ReadJournal.read(sample.writer.url)
        #expect(JournalCheck.check(journal).state == nil)
        #expect(journal.state.ratings[rating.body.ratedItem ?? ""]?.level == "partly")
    }

    @Test func withARepeatedEventTheStateIsLeftToReplay() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        var lines = try sample.writer.url.lines().filter { !$0.isEmpty }
        lines.append(lines[4])
        try (lines.joined(separator: "\n") + "\n").write(to: sample.writer.url, atomically: false, encoding: .utf8)
        let journal = try ReadJournal.read(sample.writer.url)
        #expect(JournalCheck.check(journal).state == nil)
    }

    @Test func aReviewFileHasNoDeliveryState() throws {
        let folder = ScratchFolder()
        let review = SupervisorReview(method: .audio, competence: 3, competenceScale: [.init(score: 3, label: "Competent")], ratings: [])
        let (url, _) = try JournalWriter.createReview(in: folder.url, of: "2026-03-04-G01-group-1-0c4e7d21", review: review,
                                                      actor: "SUP1", at: Fixture.at(80), utcOffsetMinutes: 0)
        #expect(JournalCheck.check(try ReadJournal.read(url)).state == nil)
    }
}

private extension EventBody {
    var ratedItem: String? { if case .fidelityRated(let data) = self { data.item } else { nil } }
}
