import Foundation
import Testing
@testable import Programme

/// The checker's hints come from the programme being checked, never from one programme's names.
@Suite struct GenericHintTests {
    @Test func aMissingLeadIsHintedWithThisProgrammesRoles() throws {
        let scratch = try ScratchProgramme()
        // The mini programme's roles are nurse and lay; make them coach and trainer.
        for file in ["programme.yaml", "sessions/group-1.yaml", "sessions/call-1.yaml"] {
            let text = try scratch.read(file).replacingOccurrences(of: "nurse", with: "coach").replacingOccurrences(of: "lay", with: "trainer")
            try scratch.write(file, text)
        }
        try scratch.replace("sessions/group-1.yaml", "    lead: trainer\n", with: "")
        let check = ProgrammeLoader.load(path: scratch.root.path)
        let missing = check.diagnostics.filter { $0.message == "an activity has no `lead`" }
        #expect(missing.count == 1, "\(check.diagnostics.map(\.message))")
        // Sorted: coach, trainer.
        #expect(missing.first?.help == "Add `lead: coach`, or `lead: [coach, trainer]` when several lead together.")
    }
}

extension GenericHintTests {
    @Test func aSessionCanBeByVideo() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("sessions/call-1.yaml", "mode: telephone", with: "mode: video")
        let programme = try #require(ProgrammeLoader.load(path: scratch.root.path).programme)
        #expect(programme.session("call-1")?.mode == .video)
    }
}
