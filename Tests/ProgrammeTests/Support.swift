import Foundation
import Testing
import TestSupport
@testable import Programme

/// Paths of the test fixtures, found beside this file so no resource bundle is needed.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let mini = folder.appendingPathComponent("Fixtures/mini").path
    static let golden = folder.appendingPathComponent("Golden")
    static let repository = Repository.root
}

/// A private copy of a fixture programme in a temporary folder, to plant faults in.
final class ScratchProgramme {
    let root: URL

    init(copying source: String = Fixtures.mini) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-test-\(UUID().uuidString)").appendingPathComponent("mini")
        try FileManager.default.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: root.path)
    }

    deinit { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    func url(_ file: String) -> URL { root.appendingPathComponent(file) }

    func read(_ file: String) throws -> String { try String(contentsOf: url(file), encoding: .utf8) }

    func write(_ file: String, _ text: String) throws { try write(file, Data(text.utf8)) }

    func write(_ file: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url(file).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url(file))
    }

    /// Replaces exactly one occurrence, so a test cannot silently plant nothing.
    func replace(_ file: String, _ old: String, with new: String) throws {
        let text = try read(file)
        let count = text.components(separatedBy: old).count - 1
        guard count == 1 else { throw PlantingError(description: "\(old) occurs \(count) times in \(file)") }
        try write(file, text.replacingOccurrences(of: old, with: new))
    }

    func load() -> ContentCheck { ProgrammeLoader.load(path: root.path) }

    /// Every diagnostic as printed, with the scratch folder shown as `mini`.
    func report() -> String {
        let prefix = root.deletingLastPathComponent().path + "/"
        return load().diagnostics.map(\.description).joined(separator: "\n").replacingOccurrences(of: prefix, with: "")
    }
}

struct PlantingError: Error, CustomStringConvertible { let description: String }

/// Compares text with the golden file Golden/NAME (see TestSupport's Golden for regeneration).
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    GoldenFolder(Fixtures.golden).expect(actual, name, sourceLocation: sourceLocation)
}
