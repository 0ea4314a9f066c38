import Foundation
import Testing
@testable import Journal
import Programme

/// A programme's participant code masks are pinned in the delivery-opened event; the writer
/// refuses a code that does not fit them, and `journal check` holds every enrolment to them.
@Suite struct ParticipantCodePinTests {
    /// The mini programme with masks declared, as content declaring `participant_codes` loads.
    func programme(masks: [String]?) throws -> Programme {
        var programme = try Fixture.programme()
        programme.participantCodes = masks.map(ParticipantCodeShape.init(masks:))
        return programme
    }

    func create(_ folder: ScratchFolder, masks: [String]?) throws -> (JournalWriter, JournalEvent) {
        let programme = try programme(masks: masks)
        let session = try #require(programme.session("group-1"))
        let opening = DeliveryOpened(programme: programme, session: session, group: "G01", site: "S01", facilitators: SampleDelivery.facilitators)
        return try JournalWriter.create(in: folder.directory.folder(for: .live), delivery: "2026-03-04-g01-group-1-ab12", mode: .live,
                                        opening: opening, actor: "N01", at: Fixture.at(0), utcOffsetMinutes: 0)
    }

    @Test func theOpeningPinsTheMasksAndTheLineCarriesThem() throws {
        let folder = ScratchFolder()
        let (writer, event) = try create(folder, masks: ["P##", "S##-P##"])
        writer.close()
        let line = try #require(try writer.url.lines().first)
        #expect(line.contains(#""participant_codes":["P##","S##-P##"]"#))
        // Both readers (the fast one and Codable's) give back the same opening.
        guard case .success(let read) = LineCodec.decode(Data(line.utf8)), case .deliveryOpened(let opened) = read.body else {
            Issue.record("the opening line did not read back"); return
        }
        #expect(opened.participantCodes == ["P##", "S##-P##"])
        #expect(read == event)
    }

    @Test func contentWithoutMasksWritesNoKey() throws {
        let folder = ScratchFolder()
        let (writer, _) = try create(folder, masks: nil)
        writer.close()
        #expect(try !#require(try writer.url.lines().first).contains("participant_codes"))
    }

    @Test func theWriterRefusesACodeOutsideThePinnedMasksAndSavesNothing() throws {
        let folder = ScratchFolder()
        let (writer, _) = try create(folder, masks: ["P##"])
        try writer.append(.participantEnrolled(.init(participant: "P07", walkIn: false)), actor: "N01", at: Fixture.at(1), utcOffsetMinutes: 0)
        // JB would pass the default shape (initials); these masks ask for P and two digits.
        #expect(throws: JournalError.self) {
            try writer.append(.participantEnrolled(.init(participant: "JB", walkIn: false)), actor: "N01", at: Fixture.at(2), utcOffsetMinutes: 0)
        }
        writer.close()
        #expect(try writer.url.lines().filter { !$0.isEmpty }.count == 2)
        // Reopened, the writer still knows the masks from the opening line.
        let again = try JournalWriter.open(writer.url)
        #expect(throws: JournalError.self) {
            try again.append(.participantEnrolled(.init(participant: "P7", walkIn: true)), actor: "N01", at: Fixture.at(3), utcOffsetMinutes: 0)
        }
        again.close()
    }

    @Test func theWriterRefusesIdentifiersWhoeverBuiltTheEvent() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        let refusals: [EventBody] = [
            .noteAdded(.init(text: "call 07700 900123")),
            .participantEnrolled(.init(participant: "9434765919", walkIn: true)),
            .fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "partly", deliveredBy: ["nurse"],
                                 adaptation: .init(timing: .reactive, fidelityConsistent: true, reason: "jo@example.org asked"))),
        ]
        for body in refusals {
            do {
                try sample.add(body, at: 5)
                Issue.record("saved \(body)")
            } catch let error as JournalError {
                #expect(error.description.hasPrefix("Not saved: "), "\(error.description)")
            }
        }
        // Only the opening is on disk.
        #expect(try sample.writer.url.lines().filter { !$0.isEmpty }.count == 1)
    }

    @Test func checkHoldsEnrolmentsToThePinnedMasks() throws {
        let folder = ScratchFolder()
        let (writer, _) = try create(folder, masks: ["P##"])
        writer.screensPrivacy = false   // as a hand-edited journal would hold it
        try writer.append(.participantEnrolled(.init(participant: "P07", walkIn: false)), actor: "N01", at: Fixture.at(1), utcOffsetMinutes: 0)
        try writer.append(.participantEnrolled(.init(participant: "JB", walkIn: false)), actor: "N01", at: Fixture.at(1), utcOffsetMinutes: 0)
        writer.close()
        let problems = JournalCheck.run([writer.url]).diagnostics.filter { $0.message.contains("participant code") }
        #expect(problems.map(\.line) == [3])
        #expect(problems.map(\.message) == ["The participant code \"JB\" is not a participant code of this programme: use P## (# a digit)."])
    }

    @Test func aBadPinnedMaskIsReported() throws {
        let folder = ScratchFolder()
        let (writer, _) = try create(folder, masks: ["P.##"])
        writer.close()
        let problems = JournalCheck.run([writer.url]).diagnostics.filter { $0.message.contains("mask") }
        #expect(problems.map(\.line) == [1])
        #expect(problems.map(\.message) == ["`P.##` is not a participant code mask: a mask holds letters, digits, hyphens, # (any digit) and @ (any letter) only"])
    }
}
