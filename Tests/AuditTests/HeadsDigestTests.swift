import Foundation
import Testing
import TestSupport
import Journal
@testable import Audit

/// The chain heads digest: what the supervisor's guide says it is (recomputed here with the
/// shell commands the guide gives), the same wherever the journals are gathered, and changed by
/// any later edit to a journal.
@Suite struct HeadsDigestTests {
    static func digest(_ root: URL) -> String { AuditSet.read(JournalFiles.below(root)).headsDigest }

    @Test func theGuidesRecipeGivesTheSameDigest() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let recipe = """
        cd "$1" && find . -name '*.jsonl' | while read -r f; do
          printf 'sha256:%s\\n' "$(tail -n 1 "$f" | tr -d '\\n' | sha256sum | cut -c1-64)"
        done | LC_ALL=C sort | head -c -1 | sha256sum | cut -c1-64
        """
        let output = try Command.run(URL(fileURLWithPath: "/bin/sh"), ["-c", recipe, "sh", fixture.root.path]).stdout
        #expect(Self.digest(fixture.root) == "sha256:" + output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func namesAndFoldersDoNotCountButEditsDo() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let before = Self.digest(fixture.root)
        // Gathered elsewhere, flat, under other names: the same journals, the same digest.
        let elsewhere = fixture.root.deletingLastPathComponent().appendingPathComponent("gathered-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        for (index, file) in JournalFiles.below(fixture.root).enumerated() {
            try FileManager.default.copyItem(at: file, to: elsewhere.appendingPathComponent("journal-\(index).jsonl"))
        }
        #expect(Self.digest(elsewhere) == before)

        // One character of one journal's last line changed: the digest changes.
        let journal = try #require(JournalFiles.below(elsewhere).first)
        var text = try String(contentsOf: journal, encoding: .utf8)
        let last = try #require(text.range(of: "\"seq\":", options: .backwards))
        text.replaceSubrange(last, with: "\"seq\" :")
        try text.write(to: journal, atomically: true, encoding: .utf8)
        #expect(Self.digest(elsewhere) != before)
    }
}

/// Every `.jsonl` file below a folder, as `iwotch report FOLDER` finds them.
enum JournalFiles {
    static func below(_ root: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }
    }
}
