import Backend
import ConsoleInput
import Console
import Testing

/// The screen that asks which programme to open when several are bundled, driven by the keys a
/// keyboard or a presenter clicker sends.
@MainActor
@Suite struct ProgrammeChooserTests {
    let programmes = [(title: "I-WOTCH", detail: "i-wotch 2026.2 · Content/i-wotch"),
                      (title: "I-WOTCH facilitator training", detail: "iwotch-training 2026.1 · Content/iwotch-training")]

    @Test func clickerKeysMoveRoundAndOpen() {
        #expect(ProgrammeChooser.handle(.pageDown, selection: 0, count: 2) == .move(1))
        #expect(ProgrammeChooser.handle(.pageDown, selection: 1, count: 2) == .move(0))
        #expect(ProgrammeChooser.handle(.pageUp, selection: 0, count: 2) == .move(1))
        #expect(ProgrammeChooser.handle(.down, selection: 0, count: 2) == .move(1))
        #expect(ProgrammeChooser.handle(.enter, selection: 1, count: 2) == .open(1))
        #expect(ProgrammeChooser.handle(.function(5), selection: 0, count: 2) == .open(0))
        #expect(ProgrammeChooser.handle(.character("2"), selection: 0, count: 2) == .open(1))
        #expect(ProgrammeChooser.handle(.character("3"), selection: 0, count: 2) == .ignore)
        #expect(ProgrammeChooser.handle(.character("b"), selection: 0, count: 2) == .ignore)
        #expect(ProgrammeChooser.handle(.escape, selection: 1, count: 2) == .leave)
        #expect(ProgrammeChooser.handle(.character("q"), selection: 1, count: 2) == .leave)
    }

    @Test func theScreenListsEachProgrammeAndMarksTheChosenOne() {
        let backend = TestBackend(script: [.key(.pageDown), .key(.enter)])
        #expect(ProgrammeChooser.run(programmes, on: backend) == 1)
        let first = backend.screens[0], second = backend.screens[1]
        #expect(first.contains(" Choose a programme"))
        #expect(first.contains("▶ 1. I-WOTCH") && first.contains("  2. I-WOTCH facilitator training"))
        #expect(first.contains("iwotch-training 2026.1 · Content/iwotch-training"))
        #expect(second.contains("▶ 2. I-WOTCH facilitator training"))
        #expect(first.contains("Enter open  q quit"))
    }

    @Test func leavingOrAStopSignalOpensNothing() {
        #expect(ProgrammeChooser.run(programmes, on: TestBackend(script: [.key(.escape)])) == nil)
        #expect(ProgrammeChooser.run(programmes, on: TestBackend(script: [.interrupted(signal: TestBackend.hangUp)])) == nil)
    }
}
