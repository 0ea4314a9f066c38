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

extension GenericHintTests {
    /// Content is data: no source of the console names the bundled programme's roles or sessions
    /// (the benchmark, stress and fuzz tools, which exercise that programme by design, aside).
    @Test func noSourceNamesTheBundledProgrammesRolesOrSessions() throws {
        let bundled = try #require(ProgrammeLoader.load(path: Fixtures.repository.appendingPathComponent("Content/i-wotch").path).programme)
        let names = bundled.roles.map(\.id) + bundled.sessions.map(\.id)
        let sources = Fixtures.repository.appendingPathComponent("Sources")
        let tools: Set<String> = ["iwotch-bench", "iwotch-stress", "iwotch-fuzz"]
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let relative = String(file.path.dropFirst(sources.path.count + 1))
            guard !tools.contains(String(relative.prefix { $0 != "/" })) else { continue }
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // "lay out" is English, not the role.
                let text = line.replacingOccurrences(of: "lay out", with: "")
                for name in names where text.range(of: "(?<![A-Za-z0-9_-])\(name)(?![A-Za-z0-9_-])", options: .regularExpression) != nil {
                    found.append("\(relative):\(number + 1): \(name)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
