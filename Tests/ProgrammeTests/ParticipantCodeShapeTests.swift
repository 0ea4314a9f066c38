import Foundation
import Testing
@testable import Programme

/// The masks a programme declares for its participant codes (`participant_codes`): # a digit,
/// @ a letter, anything else itself, letters in either case.
@Suite struct ParticipantCodeShapeTests {
    let shape = ParticipantCodeShape(masks: ["P##", "S##-P##"])

    @Test(arguments: [
        ("P07", true), ("p07", true), ("S01-P07", true), ("s01-p07", true),
        ("P7", false),        // one digit where the mask has two
        ("P007", false),      // three digits
        ("07", false),        // no letter
        ("Q07", false),       // another letter where the mask has P
        ("S01P07", false),    // hyphen missing
        ("S01-P7", false),
        ("", false),
    ])
    func masksAcceptOnlyTheirShape(code: String, accepted: Bool) {
        #expect(shape.accepts(code) == accepted, "\(code)")
    }

    @Test func atStandsForAnyLetter() {
        let initials = ParticipantCodeShape(masks: ["@@##"])
        #expect(initials.accepts("JB07"))
        #expect(initials.accepts("xy99"))
        #expect(!initials.accepts("J707"))
        #expect(!initials.accepts("JB7"))
    }

    @Test func wordsNameTheMasksAndTheirLegend() {
        #expect(shape.words == "P## or S##-P## (# a digit)")
        #expect(ParticipantCodeShape(masks: ["@##", "S#-@##", "X##"]).words == "@##, S#-@## or X## (# a digit, @ a letter)")
    }

    @Test func examplesFillTheFirstMask() {
        #expect(shape.example(1) == "P01")
        #expect(shape.example(8) == "P08")
        #expect(ParticipantCodeShape(masks: ["S##-P##"]).example(7) == "S00-P07")
        #expect(ParticipantCodeShape(masks: ["@@#"]).example(3) == "AA3")
    }

    @Test(arguments: [
        ("P##", nil),
        ("S##-P##", nil),
        ("", "a mask is 1 to 12 characters long, as a code is"),
        ("P#############", "a mask is 1 to 12 characters long, as a code is"),
        ("P.##", "a mask holds letters, digits, hyphens, # (any digit) and @ (any letter) only"),
        ("P[0-9]", "a mask holds letters, digits, hyphens, # (any digit) and @ (any letter) only"),
        ("PAT", "a mask needs at least one # (a digit): codes without digits are initials, and initials are not a participant code pattern"),
    ] as [(String, String?)])
    func masksAreChecked(mask: String, problem: String?) {
        #expect(ParticipantCodeShape.problem(withMask: mask) == problem)
    }

    @Test func contentDeclaresItsMasksAndTheFingerprintCoversThem() throws {
        let plain = try #require(ProgrammeLoader.load(path: Fixtures.mini).programme)
        #expect(plain.participantCodes == nil)
        let scratch = try ScratchProgramme()
        try scratch.replace("programme.yaml", "warning_minutes: 2\n", with: "warning_minutes: 2\nparticipant_codes: [\"P##\", \"S##-P##\"]\n")
        let check = ProgrammeLoader.load(path: scratch.root.path)
        let declared = try #require(check.programme, "\(check.diagnostics)")
        #expect(declared.participantCodes == ParticipantCodeShape(masks: ["P##", "S##-P##"]))
        // Declaring masks is a change of content: the fingerprint pins them.
        #expect(declared.fingerprint != plain.fingerprint)
        // Without the declaration, the programme's fingerprint is what it was before masks existed.
        var undeclared = declared
        undeclared.participantCodes = nil
        #expect(undeclared.fingerprint == plain.fingerprint)
    }

    @Test func tooManyMasksAreReportedWithTheirLine() throws {
        let scratch = try ScratchProgramme()
        let nine = (1...9).map { "\"P\(String(repeating: "#", count: $0 % 4 + 1))\"" }.joined(separator: ", ")
        try scratch.replace("programme.yaml", "warning_minutes: 2\n", with: "warning_minutes: 2\nparticipant_codes: [\(nine)]\n")
        let check = ProgrammeLoader.load(path: scratch.root.path)
        #expect(check.programme == nil)
        let messages = check.diagnostics.map(\.message)
        #expect(messages.contains("the participant code masks list has 9 entries; it needs 1 to 8"), "\(messages)")
    }
}
