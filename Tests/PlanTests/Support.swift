import Foundation
import Testing
import TestSupport
import Programme

/// Paths of the fixtures and golden files, found beside this file so no resource bundle is needed.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = Repository.root
    static let golden = folder.appendingPathComponent("Golden")
    /// A small programme whose texts hold characters Markdown and HTML would otherwise misread.
    static let mini = folder.appendingPathComponent("Fixtures/mini").path
    /// The same programme one version on, changed on purpose: one activity re-timed (20 → 25
    /// min), one added, one removed, one fidelity item reworded, and the bands moved.
    static let miniNext = folder.appendingPathComponent("Fixtures/mini-1.1").path
    static let bundled = repository.appendingPathComponent("Content/i-wotch").path

    static func load(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Programme {
        let check = ProgrammeLoader.load(path: path)
        return try #require(check.programme, "\(check.diagnostics.map(\.description).joined())", sourceLocation: sourceLocation)
    }
}

/// Compares text with the golden file Golden/NAME (see TestSupport's Golden for regeneration).
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFolder(Fixtures.golden).expect(actual, name, sourceLocation: sourceLocation)
}
