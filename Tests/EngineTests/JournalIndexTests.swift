import Foundation
import Testing
@testable import Runtime
@testable import SessionEngine
import Journal
#if canImport(Glibc)
import Glibc
#endif

/// The home screen's index of the journal folder: used only while each file is as it was, and
/// rebuilt from the journals whenever it is missing, damaged or stale.
@Suite struct JournalIndexTests {
    /// One delivery of group G01, left open (quit without closing).
    func folderWithDeliveries() throws -> Driver {
        let driver = try Driver()
        driver.startGroupSession(participants: "P01 P02 P03")
        driver.press(.character("q"), .character("y"))
        return driver
    }

    var live: (Driver) -> URL { { JournalDirectory(root: $0.folder).folder(for: .live) } }

    @Test func aScanWritesTheIndexAndTheNextScanTrustsItWhileTheFileIsUnchanged() throws {
        let driver = try folderWithDeliveries()
        defer { driver.cleanUp() }
        let folder = live(driver)
        let directory = JournalDirectory(root: driver.folder)
        let first = JournalScan.scan(directory, mode: .live)
        #expect(first.resumable.map(\.group) == ["G01"])
        #expect(first.groups["G01"]?.roster == ["P01", "P02", "P03"])
        let index = folder.appendingPathComponent(JournalIndex.fileName)
        #expect(FileManager.default.fileExists(atPath: index.path))
        #expect((try FileManager.default.attributesOfItem(atPath: index.path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Rewrite the journal's bytes in place with the same length and put its time back: the index
        // still describes it (size, time and inode unchanged), so the scan does not read it. G01 -> G09.
        let journal = try #require(first.resumable.first?.url)
        var before = stat()
        #expect(stat(journal.path, &before) == 0)
        let original = try Data(contentsOf: journal)
        let edited = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\"group\":\"G01\"", with: "\"group\":\"G09\"").utf8)
        #expect(edited.count == original.count && edited != original)
        let handle = try FileHandle(forWritingTo: journal)
        try handle.write(contentsOf: edited)
        try handle.close()
        // Back to the exact nanosecond, as the index records it.
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, journal.path, &times, 0) == 0)
        #expect(JournalScan.scan(directory, mode: .live).resumable.map(\.group) == ["G01"], "the index was used")
        // A file that grows is read again: one appended byte is enough.
        let append = try FileHandle(forWritingTo: journal)
        append.seekToEndOfFile()
        append.write(Data("\n".utf8))
        try append.close()
        #expect(JournalScan.scan(directory, mode: .live).resumable.map(\.group) == ["G09"], "the changed file was read again")
    }

    @Test func aDamagedOrForeignIndexIsRebuiltFromTheJournals() throws {
        let driver = try folderWithDeliveries()
        defer { driver.cleanUp() }
        let directory = JournalDirectory(root: driver.folder)
        let expected = JournalScan.scan(directory, mode: .live)
        let index = live(driver).appendingPathComponent(JournalIndex.fileName)
        for garbage in ["not an index\n", JournalIndex.header + "\nx\t1\t2\n\u{0}\u{1}\t\t\t\n", JournalIndex.header + "\n" + String(repeating: "9", count: 100) + "\n"] {
            try Data(garbage.utf8).write(to: index)
            let found = JournalScan.scan(directory, mode: .live)
            #expect(found.resumable == expected.resumable)
            #expect(found.groups == expected.groups)
        }
    }

    @Test func entriesSurviveTheirOwnSeparatorsInText() {
        let entry = JournalIndex.Entry(stamp: .init(size: 10, modified: 1_772_442_000_123_456_789, inode: 42), closed: false, modeMatches: true,
                                       group: "G01", programme: "i-wotch", site: "S1", title: "Day 1: pain, tabs\tand 100% care\nnext",
                                       openedAt: 1_772_442_000_123, lastEventAt: 1_772_442_060_000,
                                       facilitators: [.init(code: "N01", role: "nurse"), .init(code: "L01", role: "lay")], roster: ["P01", "P02"],
                                       oneToOne: true)
        let line = JournalIndex.encode("a\tb.jsonl", entry)
        #expect(!line.contains("\n"))
        #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 15)
        let decoded = JournalIndex.decode(Data(line.utf8)[...])
        #expect(decoded?.0 == "a\tb.jsonl")
        #expect(decoded?.1 == entry)
    }
}

extension JournalIndexTests {
    /// A group code is carried over only within the programme its deliveries pinned: a training
    /// course's cohort G01 is not the I-WOTCH group G01. Its open delivery is still listed.
    @Test func aGroupIsCarriedOverOnlyWithinItsProgramme() throws {
        let driver = try folderWithDeliveries()
        defer { driver.cleanUp() }
        let directory = JournalDirectory(root: driver.folder)
        #expect(driver.programme.id == "mini")
        let own = JournalScan.scan(directory, mode: .live, programme: "mini")
        #expect(own.groups["G01"]?.roster == ["P01", "P02", "P03"])
        let other = JournalScan.scan(directory, mode: .live, programme: "another-course")
        #expect(other.groups.isEmpty)
        #expect(other.resumable.map(\.group) == ["G01"])
        // The same answers from the index, now written.
        #expect(JournalScan.scan(directory, mode: .live, programme: "another-course").groups.isEmpty)
        #expect(JournalScan.scan(directory, mode: .live, programme: "mini").groups["G01"]?.site == own.groups["G01"]?.site)
    }

    /// Index numbers are read without a trap: 19 digits (nanosecond times) fit, past Int64 is nil.
    @Test func indexNumbersAreRangeChecked() {
        #expect(JournalIndex.integer(Array("1772442000123456789".utf8)[...]) == 1_772_442_000_123_456_789)
        #expect(JournalIndex.integer(Array("9223372036854775807".utf8)[...]) == Int64.max)
        #expect(JournalIndex.integer(Array("9223372036854775808".utf8)[...]) == nil)
        #expect(JournalIndex.integer(Array("12a".utf8)[...]) == nil)
        #expect(JournalIndex.integer(Array("".utf8)[...]) == nil)
    }
}
