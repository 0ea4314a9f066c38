import Foundation
import Testing
import TestSupport

/// `iwotch review DELIVERY` finds a delivery where the reports do: in a gathered folder, under any
/// name, or a file named on the command line, not only under the journal folder's `live/`.
@Suite struct ReviewCommandTests {
    @Test func reviewFindsADeliveryInAGatheredFolderOrAFile() throws {
        let root = try OutputsCommandTests.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        // Gathered as the supervisor's guide suggests: copied from the facilitator's live/ folder, renamed.
        let gathered = root.appendingPathComponent("audit/north")
        try FileManager.default.createDirectory(at: gathered, withIntermediateDirectories: true)
        let renamed = gathered.appendingPathComponent("from-usb.jsonl")
        try FileManager.default.moveItem(at: root.appendingPathComponent("live/\(OutputsCommandTests.delivery).jsonl"), to: renamed)
        let empty = root.appendingPathComponent("empty-journal-folder").path
        for path in [root.appendingPathComponent("audit").path, renamed.path] {
            let run = try BuiltBinary.run(["review", OutputsCommandTests.delivery, path, "--journal", empty, "--template"])
            #expect(run.status == 0, "\(path): \(run.stderr)")
            // The sheet names the delivery and its one item, i1, not yet rated by the facilitators.
            #expect(run.stdout.hasPrefix("# Review of \(OutputsCommandTests.delivery): Day A, group G1, site S1\n"))
            #expect(run.stdout.contains("-  i1  # self-report: not rated\n"))
        }
        // Not in the paths named: said plainly, naming where it looked.
        let missing = try BuiltBinary.run(["review", "2026-01-01-G9-day-a-00000000", root.appendingPathComponent("audit").path, "--template"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("No journal of delivery 2026-01-01-G9-day-a-00000000 in \(root.path)/audit."))
    }
}
