import Foundation
import Testing
@testable import Journal

/// Only regular files are read as journals: a FIFO in the journal folder would make a read wait
/// for a writer forever. It is looked at without opening it, and refused with its own message.
@Suite struct RegularFileTests {
    @Test func aFIFOInTheJournalFolderIsRefusedWithoutWaiting() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        let live = folder.directory.folder(for: .live)
        let fifo = live.appendingPathComponent("2026-03-04-G09-group-1-fifo.jsonl")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(folder.directory.files(.live).count == 2)
        #expect(throws: JournalError.unreadable(path: fifo.path,
                                                reason: "2026-03-04-G09-group-1-fifo.jsonl is not a regular file: it is a FIFO (named pipe); journals are files iwotch writes, so move it out of the folder")) {
            try ReadJournal.read(fifo)
        }
        // The real journal beside it is read as ever.
        #expect(try ReadJournal.read(sample.writer.url).events.count == sample.events.count)
        // `journal check` over the folder: the FIFO is named, with no word of permissions, and the journal passes.
        let check = JournalCheck.run(folder.directory.files(.live))
        #expect(check.diagnostics.map(\.path) == [fifo.path])
        #expect(check.diagnostics.map(\.message) == ["the journal cannot be read"])
        #expect(check.diagnostics.first?.help == "Could not read \(fifo.path): 2026-03-04-G09-group-1-fifo.jsonl is not a regular file: it is a FIFO (named pipe); journals are files iwotch writes, so move it out of the folder.")
        #expect(check.summaries.count == 1)
    }

    @Test func aFolderOrADeviceIsRefusedToo() throws {
        let folder = ScratchFolder()
        let live = folder.directory.folder(for: .live)
        let inside = live.appendingPathComponent("folder.jsonl")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        #expect(throws: JournalError.unreadable(path: inside.path,
                                                reason: "folder.jsonl is not a regular file: it is a folder; journals are files iwotch writes, so move it out of the folder")) {
            try ReadJournal.read(inside)
        }
        let device = URL(fileURLWithPath: "/dev/zero")
        #expect(throws: JournalError.unreadable(path: device.path,
                                                reason: "zero is not a regular file: it is a character device; journals are files iwotch writes, so move it out of the folder")) {
            try ReadJournal.read(device)
        }
    }

    /// A sparse file says it is a terabyte and reads as zeros: it is refused from its size at once,
    /// never read (reading it would take hours, and holding it more memory than any laptop has).
    @Test func aFileOfATerabyteIsRefusedFromItsSize() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        let live = folder.directory.folder(for: .live)
        let huge = live.appendingPathComponent("2026-03-04-G09-group-1-huge.jsonl")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1 << 40)
        try handle.close()
        let reason = "2026-03-04-G09-group-1-huge.jsonl is larger than 1024 MB, and a delivery's journal is tens of KB: it is not a journal iwotch wrote, so move it out of the folder"
        #expect(throws: JournalError.unreadable(path: huge.path, reason: reason)) { try ReadJournal.read(huge) }
        let check = JournalCheck.run(folder.directory.files(.live))
        #expect(check.diagnostics.map(\.path) == [huge.path])
        #expect(check.diagnostics.first?.help == "Could not read \(huge.path): \(reason).")
        #expect(check.summaries.count == 1)
    }
}
