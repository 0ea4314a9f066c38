import Foundation
import Testing

/// Golden files: text a test expects, kept in the repository and compared in full.
///
/// `IWOTCH_UPDATE_GOLDEN=1 swift test` rewrites every golden file whose text changed, and each
/// test that rewrote one still fails ("golden X rewritten; read the diff and run again"), so a
/// changed golden is always read by someone before it is committed. A second, normal run passes.
public enum Golden {
    /// The environment variable that turns comparison into regeneration.
    public static let variable = "IWOTCH_UPDATE_GOLDEN"

    public static var regenerating: Bool { ProcessInfo.processInfo.environment[variable] == "1" }

    /// Compares `actual` with the file at `url`. When regenerating, writes `actual` there instead
    /// (creating folders) if it differs, and records that as a failure too.
    public static func expect(_ actual: String, matches url: URL, regenerating: Bool = Golden.regenerating,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let name = shortName(url)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if let expected, let difference = difference(expected: expected, actual: actual) {
            if regenerating {
                rewrite(actual, at: url, name: name, sourceLocation: sourceLocation)
            } else {
                Issue.record("\(name) differs from the golden file (\(difference)). If the change is meant, run `\(variable)=1 swift test`, read the diff, then run again.",
                             sourceLocation: sourceLocation)
            }
        } else if expected == nil {
            if regenerating {
                rewrite(actual, at: url, name: name, sourceLocation: sourceLocation)
            } else {
                Issue.record("golden file \(name) is missing; create it with `\(variable)=1 swift test`", sourceLocation: sourceLocation)
            }
        }
    }

    /// Nil when the two texts are equal; otherwise where they first part, line by line.
    public static func difference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = (0..<max(old.count, new.count)).first(where: { index in
            index >= old.count || index >= new.count || old[index] != new[index]
        }) else { return "they differ in their line endings" }
        let line = { (lines: [Substring], index: Int) in index < lines.count ? "\"\(lines[index])\"" : "(no line)" }
        var text = "first difference at line \(first + 1): expected \(line(old, first)), got \(line(new, first))"
        if old.count != new.count { text += "; \(old.count) lines expected, \(new.count) got" }
        return text
    }

    private static func rewrite(_ text: String, at url: URL, name: String, sourceLocation: SourceLocation) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record("golden \(name) rewritten; read the diff (git diff) and run again", sourceLocation: sourceLocation)
        } catch {
            Issue.record("golden \(name) could not be rewritten: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// The path from the repository's Tests folder, e.g. `EngineTests/Golden/home-80x24.txt`.
    private static func shortName(_ url: URL) -> String {
        let tests = Repository.root.appendingPathComponent("Tests").path + "/"
        return url.path.hasPrefix(tests) ? String(url.path.dropFirst(tests.count)) : url.path
    }
}

/// A test target's folder of golden files.
public struct GoldenFolder: Sendable {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    /// The `Golden` folder beside the calling source file.
    public init(besideFile filePath: String = #filePath) {
        url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Compares `actual` with the golden file `name` (a path below the folder).
    public func expect(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.expect(actual, matches: file(name), sourceLocation: sourceLocation)
    }
}
