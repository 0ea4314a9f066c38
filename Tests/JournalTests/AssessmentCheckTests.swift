import Foundation
import Testing
@testable import Journal

/// A trainer's assessment is of a rehearsal and carries a decision; a supervisor's review is of a
/// live delivery and carries none. `journal check` names each mixed case.
@Suite struct AssessmentCheckTests {
    func problems(_ review: SupervisorReview, mode: JournalEvent.Mode) throws -> [String] {
        let folder = ScratchFolder()
        let (url, _) = try JournalWriter.createReview(in: folder.url, of: "d1", review: review, actor: "TR1", at: Fixture.at(0),
                                                      utcOffsetMinutes: 0, screened: true)
        // createReview gives an assessment the rehearsal mode; for the mixed cases, rewrite the mode
        // and let the check find the line (its hash is then wrong too, which is not what is asked here).
        if (mode == .rehearsal) != review.isAssessment {
            let text = try String(contentsOf: url, encoding: .utf8)
            let swapped = mode == .live ? text.replacingOccurrences(of: "\"mode\":\"rehearsal\"", with: "\"mode\":\"live\"")
                                        : text.replacingOccurrences(of: "\"mode\":\"live\"", with: "\"mode\":\"rehearsal\"")
            try Data(swapped.utf8).write(to: url)
        }
        return JournalCheck.run([url]).diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    let scale = [SupervisorReview.CompetenceLevel(score: 3, label: "Competent")]
    let ratings = [SupervisorReview.Rating(activity: "a", item: "i", level: "fully")]

    @Test func anAssessmentOfARehearsalIsClean() throws {
        let ready = SupervisorReview(method: .live, competence: 3, competenceScale: scale, ratings: ratings, decision: .ready)
        #expect(try problems(ready, mode: .rehearsal) == [])
        let practise = SupervisorReview(method: .live, competence: 3, competenceScale: scale, ratings: ratings, decision: .needsPractice,
                                        toPractise: "keeping to the timings")
        #expect(try problems(practise, mode: .rehearsal) == [])
    }

    @Test func mixedCasesAreNamed() throws {
        let plain = SupervisorReview(method: .audio, competence: 3, competenceScale: scale, ratings: ratings)
        #expect(try problems(plain, mode: .rehearsal).contains("a review of a rehearsal without a decision"))
        let decided = SupervisorReview(method: .audio, competence: 3, competenceScale: scale, ratings: ratings, decision: .ready)
        #expect(try problems(decided, mode: .live).contains("a trainer's decision on a live delivery"))
        let vague = SupervisorReview(method: .audio, competence: 3, competenceScale: scale, ratings: ratings, decision: .needsPractice)
        #expect(try problems(vague, mode: .rehearsal) == ["needs-practice without what to practise"])
    }
}
