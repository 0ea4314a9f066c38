import Foundation
import Testing
@testable import SessionEngine
@testable import Journal
import Programme

/// On a laptop that holds trainers' assessments, the live set-up notes a facilitator with no
/// sign-off for the chosen session; it never stops the delivery.
@Suite struct SignOffNoteTests {
    @Test func aFacilitatorWithoutASignOffIsNotedAndMayStillStart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-signoff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = JournalDirectory(root: folder)
        let programme = try Fixture.programme()
        let session = try #require(programme.session("group-1"))
        // N01 rehearsed group-1 and was assessed ready; L01 was not in that rehearsal.
        let opening = DeliveryOpened(programme: programme, session: session, group: "REH", site: "TRN-1",
                                     facilitators: [.init(code: "N01", role: "nurse")])
        let rehearsal = "2026-03-01-REH-group-1-aaaaaaaa"
        let (writer, _) = try JournalWriter.create(in: directory.folder(for: .rehearsal), delivery: rehearsal, mode: .rehearsal,
                                                   opening: opening, actor: "N01", at: Fixture.start, utcOffsetMinutes: 0)
        writer.close()
        let review = SupervisorReview(method: .live, competence: 3, competenceScale: [.init(score: 3, label: "Competent")],
                                      ratings: [.init(activity: "g1-welcome", item: "g1-welcome-1", level: "fully")], decision: .ready)
        _ = try JournalWriter.createReview(in: directory.assessments, of: rehearsal, review: review, actor: "TR1",
                                           at: Fixture.start.addingTimeInterval(3600), utcOffsetMinutes: 0)
        let driver = try Driver(folder: folder)
        #expect(driver.state.signOffs == ["N01": ["group-1"]])
        driver.press(.enter)                                    // Run a live session
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("n01"); driver.press(.tab)                  // signed off (codes compare without case)
        driver.type("L01"); driver.press(.tab)
        let text = driver.frame().plainText.replacingOccurrences(of: "\n  ", with: " ")
        #expect(text.contains("No trainer's sign-off for group-1 is recorded on this laptop for L01 (a note: iwotch report training)."), "\(text)")
        driver.type("P01 P02"); driver.press(.tab)
        driver.press(.enter)                                    // and the delivery starts all the same
        #expect(driver.delivery?.opened?.facilitators.map(\.code) == ["N01", "L01"])
    }
}
