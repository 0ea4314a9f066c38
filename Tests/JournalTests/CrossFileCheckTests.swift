import Foundation
import Testing
@testable import Journal

/// What `journal check` decides across files (a delivery or an event id seen twice) comes out the
/// same whatever the number of cores that checked the files: in the order the files were given.
@Suite struct CrossFileCheckTests {
    @Test func aLineCopiedIntoAnotherJournalIsNamedWithBothPlaces() throws {
        let folder = ScratchFolder()
        var first = try SampleDelivery(in: folder)
        try first.deliver()
        var second = try SampleDelivery(in: folder)
        try second.deliver()
        first.writer.close(); second.writer.close()
        // Line 2 of the first journal (P01's enrolment), made over as the second delivery's and
        // appended by hand: the same event id in two deliveries.
        let firstID = first.writer.url.deletingPathExtension().lastPathComponent
        let secondID = second.writer.url.deletingPathExtension().lastPathComponent
        let copied = try first.writer.url.lines()[1].replacingOccurrences(of: firstID, with: secondID)
        let handle = try FileHandle(forWritingTo: second.writer.url)
        handle.seekToEndOfFile()
        handle.write(Data((copied + "\n").utf8))
        try handle.close()
        let lines = try second.writer.url.lines().filter { !$0.isEmpty }.count
        let clash = JournalCheck.run([first.writer.url, second.writer.url]).diagnostics.filter { $0.message.contains("is also used at") }
        #expect(clash.map(\.path) == [second.writer.url.path])
        #expect(clash.map(\.line) == [lines])
        #expect(clash.first?.message == "event id \(first.events[1].id.uuidString.lowercased()) is also used at \(first.writer.url.path):2")
        // The column is that of "id": in the line, as every journal diagnostic points at its key.
        let column = (copied.range(of: "\"id\":").map { copied.distance(from: copied.startIndex, to: $0.lowerBound) } ?? -2) + 1
        #expect(clash.first?.column == column)
    }

    @Test func manyFilesAreJoinedInTheOrderGiven() throws {
        let folder = ScratchFolder()
        var originals: [URL] = []
        for _ in 0..<6 {
            var sample = try SampleDelivery(in: folder)
            try sample.deliver()
            try sample.close()
            sample.writer.close()
            originals.append(sample.writer.url)
        }
        var copies: [URL] = []
        for (index, url) in originals.enumerated() {
            let copy = folder.url.appendingPathComponent("copy-\(index).jsonl")
            try FileManager.default.copyItem(at: url, to: copy)
            copies.append(copy)
        }
        func warnings(_ files: [URL]) -> [String] {
            JournalCheck.run(files).diagnostics.filter { $0.message.contains("is also in") }.map { $0.path + " <- " + $0.message }
        }
        // Originals first: each copy is the one warned about, naming its original.
        let forward = warnings(originals + copies)
        #expect(forward == zip(originals, copies).map { original, copy in
            let delivery = original.deletingPathExtension().lastPathComponent
            return copy.path + " <- this delivery (\(delivery)) is also in \(original.path)"
        })
        // Copies first: the originals are warned about instead, and the same way every time.
        let backward = warnings(copies + originals)
        #expect(backward.count == 6)
        #expect(backward.allSatisfy { $0.hasPrefix(folder.url.appendingPathComponent("live").path) })
        #expect(warnings(copies + originals) == backward)
    }
}
