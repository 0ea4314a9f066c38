import Foundation
import Testing
@testable import Journal

/// `journal check` compares a pinned agenda with content of the same fingerprint, when at hand.
@Suite struct PinnedContentTests {
    func messages(_ url: URL) throws -> [String] {
        JournalCheck.run([url], programmes: [try Fixture.programme()]).diagnostics.map(\.message)
    }

    @Test func theAgendaAsWrittenMatchesItsContent() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        #expect(try messages(sample.writer.url).isEmpty)
        guard case .deliveryOpened(let opened) = sample.events[0].body else { Issue.record("no opening"); return }
        #expect(opened.matches(try Fixture.programme()))
    }

    @Test func anEditedAgendaIsFound() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        var lines = try sample.writer.url.lines().filter { !$0.isEmpty }
        let edited = lines[0].replacingOccurrences(of: #""minutes":"#, with: #""minutes":1"#)
        #expect(edited != lines[0])
        lines[0] = edited
        try (lines.joined(separator: "\n") + "\n").write(to: sample.writer.url, atomically: false, encoding: .utf8)
        #expect(try messages(sample.writer.url).contains { $0.hasPrefix("the agenda recorded here differs from content") })
    }
}
