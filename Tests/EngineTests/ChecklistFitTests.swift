import Testing
import DisplayText
import Programme

/// The checklist screen gives each fidelity behaviour two rows of 52 columns at 80 by 24 (the
/// width less the 28 columns of the rating beside it) and shows no more, so a longer behaviour
/// would lose its end in front of a rater. The content checker's own limit (two rows of 70) is
/// wider, so the bundled pack is held to the screen here.
@Suite struct ChecklistFitTests {
    @Test func everyBundledBehaviourFitsTwoChecklistRows() throws {
        let programme = try #require(ProgrammeLoader.load(path: BrowserTests.bundled).programme)
        let items = programme.sessions.flatMap(\.fidelityItems)
        #expect(items.count == 187)
        for item in items {
            #expect(DisplayText.wrap(DisplayText.sanitised(item.behaviour), width: 52).count <= 2, "\(item.id): \(item.behaviour)")
        }
    }
}
