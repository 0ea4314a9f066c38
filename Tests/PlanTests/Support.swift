import Foundation
import Testing
import Programme

/// Paths of the fixtures and golden files, found beside this file so no resource bundle is needed.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent()
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

/// Compares text with a golden file; `IWOTCH_UPDATE_GOLDEN=1` rewrites the file instead, and only then.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = Fixtures.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["IWOTCH_UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from Golden/\(name); rerun with IWOTCH_UPDATE_GOLDEN=1 only if the change is intended", sourceLocation: sourceLocation)
}
