import Foundation
import Testing
import Journal
@testable import Audit

/// A folder of journals with hostile files among them: numbers edited to overflow, and a FIFO
/// named like a journal. Each is reported with its file (and line), never a trap or a hang, and the
/// report still covers every other delivery with the figures it has without them.
@Suite struct HostileFolderTests {
    /// A small open delivery of day B in the fixture's form, its line `line` edited.
    static func write(_ delivery: String, seed: Int, in folder: URL, line: Int, _ pattern: String, _ replacement: String) throws -> URL {
        let base = Timestamp.parse("2026-05-04T09:00:00.000Z")!
        var writer = Writer(delivery: delivery, seed: seed)
        writer.open(session: "day-b", site: "S3", group: "G3", facilitators: [("N3", "nurse"), ("L3", "lay")], at: base)
        writer.enrol(["R1"], at: base.addingTimeInterval(6))
        writer.start("act-3", at: base.addingTimeInterval(60))
        writer.rate("act-3", "j1", "fully", by: ["nurse"], at: base.addingTimeInterval(120))
        try writer.save(in: folder)
        let url = folder.appendingPathComponent(delivery + ".jsonl")
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let range = try #require(lines[line - 1].range(of: pattern, options: .regularExpression))
        lines[line - 1].replaceSubrange(range, with: replacement)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        return url
    }

    @Test func hostileFilesAreReportedAndTheRestStillReported() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let minutes = try Self.write("2026-05-04-G3-day-b-d4", seed: 6, in: fixture.live, line: 1,
                                     #""minutes":[0-9]+"#, #""minutes":4611686018427387904"#)
        let seq = try Self.write("2026-05-04-G3-day-b-d5", seed: 7, in: fixture.live, line: 3,
                                 #""seq":[0-9]+"#, #""seq":9223372036854775807"#)
        let fifo = fixture.live.appendingPathComponent("2026-05-04-G3-day-b-d6.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)

        let set = fixture.read()
        func file(_ url: URL) throws -> AuditSet.FileReport { try #require(set.files.first { $0.path == url.path }) }

        // The opening's minutes: line 1 cannot be read, so the file has no opening.
        let d4 = try file(minutes)
        #expect(d4.failedCheck)
        let d4Line1 = try #require(d4.errors.first { $0.line == 1 })
        #expect(d4Line1.message == "line 1 cannot be read: field `data.session.agenda[0].minutes` is 4611686018427387904; it must be from 1 to 1440")

        // The seq: line 3 cannot be read; lines 1, 2 and 4 are, so the delivery is still reported.
        let d5 = try file(seq)
        #expect(d5.failedCheck)
        #expect(d5.events == 3)
        #expect(d5.errors.contains { $0.line == 3 && $0.message == "line 3 cannot be read: field `seq` is 9223372036854775807; it must be from 1 to 1000000000000" })

        // The FIFO: not read (which would wait for a writer forever), and said to be no file.
        let d6 = try file(fifo)
        #expect(d6.kind == .unreadable)
        #expect(d6.errors.map(\.message) == ["the journal cannot be read"])
        #expect(d6.errors.first?.help.contains("2026-05-04-G3-day-b-d6.jsonl is not a regular file: it is a FIFO (named pipe)") == true)

        // Everything else is reported as before: D1, D2 and D3 with their figures, and D5 from its readable lines.
        let input = ReportInput(set: set, filters: Filters())
        let ids = input.deliveries.map(\.id)
        #expect(Array(ids.prefix(3)) == ["2026-03-02-G1-day-a-d1", "2026-03-09-G1-day-b-d2", "2026-04-06-G2-day-a-d3"])
        #expect(ids.contains("2026-05-04-G3-day-b-d5"))
        #expect(input.deliveries[0].adherence.percent == 62.5)
        #expect(input.deliveries[2].adherence.percent == 30)
        let d5Record = try #require(input.deliveries.first { $0.id == "2026-05-04-G3-day-b-d5" })
        #expect(d5Record.adherence.percent == 100)   // j1 fully: 2 of 2

        // Every format renders the set.
        let report = FidelityReport.make(input)
        #expect(!TerminalFormat.render(report, width: 100).isEmpty)
    }
}
