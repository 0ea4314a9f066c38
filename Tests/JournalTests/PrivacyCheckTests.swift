import Foundation
import Testing
@testable import Journal

/// `iwotch journal check` screens every code and free-text field of every event with the rules
/// the console applies when they are typed, and says where each refusal is.
@Suite struct PrivacyCheckTests {
    @Test func everyFieldKindIsScreenedWithItsLine() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        // The writer refuses these itself (`JournalWriterScreeningTests`); a hand-written line can hold them.
        sample.writer.screensPrivacy = false
        // Lines 1 to 17 are the sample; each line below holds one identifier a writer let through.
        try sample.add(.participantEnrolled(.init(participant: "Margaret1", walkIn: true)), at: 40)                        // 18
        try sample.add(.attendanceMarked(.init(participant: "9434765919", status: .present)), at: 40)                        // 19
        try sample.add(.noteAdded(.init(text: "room 1 943 476 5919")), at: 41)                                               // 20
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "partly", deliveredBy: ["nurse"],
                                            adaptation: .init(timing: .reactive, fidelityConsistent: true, reason: "P02 born 12/03/1955"))), at: 42) // 21
        let rated = sample.events.last!.id
        try sample.add(.correction(.init(refersTo: rated, field: "level", old: .string("partly"), new: .string("fully"),
                                         reason: "Asked by jo(at)example.org")), at: 43)                                   // 22
        try sample.add(.noteAdded(.init(text: "Room 12 was cold; started 10 minutes late")), at: 44, actor: "Margaret")     // 23
        let check = JournalCheck.run([sample.writer.url])
        let privacy = check.diagnostics.filter { $0.message.contains("looks like") || $0.message.contains("not a participant code") }
        #expect(privacy.map(\.line) == [18, 19, 20, 21, 22, 23])
        #expect(privacy.map(\.path) == Array(repeating: sample.writer.url.path, count: 6))
        #expect(privacy.map(\.message) == [
            "The participant code \"Margaret1\" looks like a name. Use a pseudonymous code (such as P07) or initials (at most 4 letters).",
            "The participant code \"9434765919\" looks like an NHS or phone number. Use a pseudonymous code such as P07.",
            "This note looks like it holds an NHS number. Notes must not identify anyone: remove it and save again.",
            "This adaptation reason looks like it holds a date of birth. Adaptation reasons must not identify anyone: remove it and save again.",
            "This correction reason looks like it holds an email address. Correction reasons must not identify anyone: remove it and save again.",
            "The actor's code \"Margaret\" looks like a name. Use a pseudonymous code (such as P07) or initials (at most 4 letters).",
        ])
    }

    @Test func aReviewCommentAndRaterAreScreened() throws {
        let folder = ScratchFolder()
        let review = SupervisorReview(method: .audio, competence: 3, competenceScale: [.init(score: 3, label: "competent")],
                                      ratings: [.init(activity: "a", item: "i", level: "fully")], comment: "Call me on +44 7700 900123")
        let (url, _) = try JournalWriter.createReview(in: folder.url, of: "d1", review: review, actor: "Margaret1", at: Fixture.at(0),
                                                      utcOffsetMinutes: 0, screened: false)
        let problems = JournalCheck.run([url]).diagnostics.filter { $0.message.contains("looks like") }
        #expect(problems.map(\.line) == [1, 1])
        #expect(problems.map(\.message) == [
            "The actor's code \"Margaret1\" looks like a name. Use a pseudonymous code (such as P07) or initials (at most 4 letters).",
            "This comment looks like it holds a phone number. Comments must not identify anyone: remove it and save again.",
        ])
    }

    @Test func aCleanSampleHasNoPrivacyProblems() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        #expect(Privacy.problems(in: sample.events[0]).isEmpty)
        #expect(sample.events.allSatisfy { Privacy.problems(in: $0).isEmpty })
    }
}
