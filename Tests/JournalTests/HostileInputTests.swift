import Foundation
import Testing
@testable import Journal
import Programme
#if canImport(Glibc)
import Glibc
#endif

/// A journal of three lines (opened, P01 enrolled, P01 present) with the writer closed.
private func threeLines(in folder: ScratchFolder) throws -> (SampleDelivery, URL) {
    var sample = try SampleDelivery(in: folder)
    try sample.add(.participantEnrolled(.init(participant: "P01", walkIn: false)), at: 1)
    try sample.add(.attendanceMarked(.init(participant: "P01", status: .present)), at: 2)
    return (sample, sample.writer.url)
}

private func append(_ bytes: Data, to url: URL) throws {
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: bytes)
    try handle.close()
}

/// Replaces the first `old` in the file's bytes with `new`.
private func edit(_ url: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    let range = try #require(text.range(of: old))
    try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: url)
}

private func errors(_ url: URL) -> [Diagnostic] {
    JournalCheck.run([url]).diagnostics.filter { $0.severity == .error }
}

@Suite struct ChainAroundDamageTests {
    /// The line before a torn tail was never hash-checked. The torn line still holds its `prev`
    /// (keys are sorted, so only `schema` to `utc_offset` were lost), and that now checks line 3.
    @Test func aLineEditedJustBeforeATornTailIsFound() throws {
        let folder = ScratchFolder()
        let (sample, url) = try threeLines(in: folder)
        let next = JournalEvent(seq: 4, time: Fixture.at(3), utcOffsetMinutes: 0, delivery: sample.writer.delivery, mode: .live,
                                actor: "N01", previous: sample.writer.head, body: .timerPaused)
        let line = try LineCodec.encode(next)
        let torn = line.prefix(line.count - 20)
        #expect(String(decoding: torn, as: UTF8.self).contains(#","prev":"sha256:"#))
        try append(Data(torn), to: url)
        sample.writer.close()

        // As written, only the torn line itself is an error (not yet recorded).
        #expect(errors(url).map(\.message) == ["line 4 cannot be read: the line is incomplete: writing it was cut short"])

        try edit(url, #""status":"present""#, #""status":"absent""#)
        let found = errors(url)
        #expect(found.map(\.message) == ["line 4 cannot be read: the line is incomplete: writing it was cut short",
                                         "line 3 does not match the hash recorded on damaged line 4"])
        #expect(found.last?.path == url.path)
        #expect(found.last?.line == 3)
        #expect(found.last?.description.hasPrefix("\(url.path):3:1: error: line 3 does not match") == true)
    }

    /// Torn before its `prev`: the damage-found event written on reopening pins line 3's hash.
    @Test func aRecordedTornTailPinsTheLineBeforeIt() throws {
        let folder = ScratchFolder()
        let (sample, url) = try threeLines(in: folder)
        let lines = try url.lines()
        try append(Data(#"{"actor":"N01","da"#.utf8), to: url)
        sample.writer.close()
        let writer = try JournalWriter.open(url)
        try writer.append(.timerPaused, actor: "N01", at: Fixture.at(5), utcOffsetMinutes: 0)
        writer.close()

        let read = try ReadJournal.read(url)
        let recorded = try #require(read.events.first { $0.line == 5 })
        guard case .damageFound(let damage) = recorded.event.body else { Issue.record("line 5 is \(recorded.event.type)"); return }
        #expect(damage.lines == [4])
        #expect(damage.before == [DamageFound.Pin(line: 3, hash: lineHash(Data(lines[2].utf8)))])
        // The fast reader and JSONDecoder read the new field alike.
        let bytes = read.raw.lines[4].bytes
        #expect(bytes.withUnsafeBytes(FastLineDecoder.decode) == recorded.event)
        #expect(try LineCodec.decodeWithFoundation(bytes).get() == recorded.event)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""data":{"before":[{"hash":"sha256:"#))

        #expect(errors(url).isEmpty, "recorded damage is not an error")

        try edit(url, #""status":"present""#, #""status":"absent""#)
        let found = errors(url)
        #expect(found.map(\.message) == ["line 3 does not match the hash recorded for it by the damage-found event on line 5"])
        #expect(found.first?.path == url.path)
        #expect(found.first?.line == 3)
    }

    /// A corrupt line in the middle that kept its `prev` checks the line before it too; untouched,
    /// it is reported just as before.
    @Test func aCorruptLineThatKeptItsPrevChecksTheLineBeforeIt() throws {
        let folder = ScratchFolder()
        var (sample, url) = try threeLines(in: folder)
        try sample.add(.timerPaused, at: 4)
        sample.writer.close()
        try edit(url, #""seq":4"#, #""seq":"four""#)
        #expect(errors(url).map(\.message) == ["line 4 cannot be read: field `seq` should be a number"])

        try edit(url, #""status":"present""#, #""status":"absent""#)
        #expect(errors(url).map(\.message) == ["line 4 cannot be read: field `seq` should be a number",
                                                "line 3 does not match the hash recorded on damaged line 4"])
    }

    @Test func thePrevOfADamagedLineIsFoundOnlyAsAMember() {
        let hash = "sha256:" + String(repeating: "ab", count: 32)
        #expect(FileCheck.recordedPrevious(in: Data(#"{"data":{},"prev":"\#(hash)","seq":"#.utf8)) == hash)
        // Inside a string its quotes are escaped; cut short, it is not a hash.
        #expect(FileCheck.recordedPrevious(in: Data(#"{"text":"\"prev\":\"\#(hash)\""}"#.utf8)) == nil)
        #expect(FileCheck.recordedPrevious(in: Data(#"{"data":{},"prev":"\#(hash.dropLast(3))"#.utf8)) == nil)
        #expect(FileCheck.recordedPrevious(in: Data(#"{"actor":"N01","da"#.utf8)) == nil)
    }
}

@Suite struct RepeatedKeyTests {
    /// Lines as iwotch writes them, with a key repeated; each must be refused with the place.
    func journal(_ folder: ScratchFolder) throws -> URL {
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        sample.writer.close()
        return sample.writer.url
    }

    func line(_ url: URL, containing text: String) throws -> (number: Int, text: String) {
        let lines = try url.lines()
        let index = try #require(lines.firstIndex { $0.contains(text) })
        return (index + 1, lines[index])
    }

    @Test func aRepeatedTopLevelKeyIsAnErrorWithItsColumn() throws {
        let folder = ScratchFolder()
        let url = try journal(folder)
        let target = try line(url, containing: #""type":"timer-paused""#)
        // `{"actor":"N01",` is 15 characters: the second `"actor"` starts in column 16.
        try edit(url, #"{"actor":"N01","data":{},"#, #"{"actor":"N01","actor":"L01","data":{},"#)
        let edited = try url.lines()[target.number - 1]
        #expect(Data(edited.utf8).withUnsafeBytes(FastLineDecoder.decode) == nil)
        #expect(LineCodec.decode(Data(edited.utf8)) == .failure(.init(description: "the key `actor` appears twice in the event (column 16)")))

        let found = errors(url)
        // The edit also changed the line's bytes (the next line's `prev` no longer matches), and
        // the line's `seq` is not read, so the next one seems to skip a number.
        #expect(found.map(\.message) == ["line \(target.number) cannot be read: the key `actor` appears twice in the event (column 16)",
                                         "line \(target.number) does not match the hash recorded on line \(target.number + 1)",
                                         "sequence number \(target.number + 1) where \(target.number) was expected"])
        #expect(found.first?.line == target.number)
        #expect(found.first?.column == 16)
        #expect(found.first?.description.hasPrefix("\(url.path):\(target.number):16: error:") == true)
    }

    @Test func aRepeatedKeyInsideDataIsAnErrorWithItsColumn() throws {
        let folder = ScratchFolder()
        let url = try journal(folder)
        let target = try line(url, containing: #""level":"fully""#)
        let offset = try #require(target.text.range(of: #""level":"fully""#)).lowerBound.utf16Offset(in: target.text)
        try edit(url, #""level":"fully""#, #""level":"fully","level":"not-delivered""#)
        // The line is ASCII; the repeat starts 16 characters after the first `"level"`.
        let column = offset + 16 + 1
        let found = errors(url)
        #expect(found.first?.message == "line \(target.number) cannot be read: the key `level` appears twice in `data` (column \(column))")
        #expect(found.first?.line == target.number)
        #expect(found.first?.column == column)
    }

    @Test func aRepeatedKeyDeeperDownOrWrittenWithEscapesIsFound() {
        func repeated(_ text: String) -> String? {
            LineCodec.repeatedKey(in: Data(text.utf8)).map { "\($0.key) in \($0.path) at \($0.column)" }
        }
        #expect(repeated(#"{"data":{"adaptation":{"timing":"reactive","timing":"proactive"}}}"#) == "timing in data.adaptation at 44")
        #expect(repeated(#"{"data":{"signoffs":[{"code":"N01"},{"code":"L01","code":"N01"}]}}"#) == "code in data.signoffs[1] at 51")
        // `\u0061ctor` is `actor`; the column counts characters, not bytes (é is two bytes).
        #expect(repeated(#"{"actor":"é","\u0061ctor":"L01"}"#) == "actor in  at 14")
        #expect(repeated(#"{"a":{"b":1},"b":{"a":2},"c":[{"a":1},{"a":2}]}"#) == nil, "equal keys in different objects are fine")
        #expect(repeated(#"{"actor":"N01","da"#) == nil, "a torn line is left to JSONDecoder")
        #expect(repeated(String(repeating: "[", count: 100_000)) == nil, "deep nesting ends the walk, not the process")
        // No repeat can hide below where the walk stops: a line nested deeper is refused.
        let deep = #"{"a":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(LineCodec.decode(Data(deep.utf8)) == .failure(.init(description: "objects and lists are nested more than 512 deep")))
        let shallow = #"{"a":"# + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
        #expect(!LineCodec.KeyWalk(Data(shallow.utf8)).tooDeep)
    }
}

@Suite struct LockAndFolderFileTests {
    @Test func aLockFileThatIsASymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        let folder = ScratchFolder()
        let (sample, url) = try threeLines(in: folder)
        sample.writer.close()
        let victim = folder.url.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        let lock = JournalLock.infoURL(url)
        try FileManager.default.removeItem(at: lock)
        try FileManager.default.createSymbolicLink(at: lock, withDestinationURL: victim)

        #expect(throws: JournalError.refused("\(lock.lastPathComponent) is a symbolic link, not a regular file; iwotch does not write through links. Remove it: it only names who last held the delivery.")) {
            try JournalWriter.open(url)
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
    }

    @Test func theLockFileIsWrittenInPlaceAndCutToTheHolder() throws {
        let folder = ScratchFolder()
        let (sample, url) = try threeLines(in: folder)
        sample.writer.close()
        let lock = JournalLock.infoURL(url)
        try Data(String(repeating: "x", count: 1000).utf8).write(to: lock)
        let writer = try JournalWriter.open(url)
        defer { writer.close() }
        let holder = try JSONDecoder().decode(LockHolder.self, from: Data(contentsOf: lock))
        #expect(holder.pid == getpid())
        #expect(try (FileManager.default.attributesOfItem(atPath: lock.path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aLockFileThatIsAFolderOrAnotherUsersIsRefusedSayingWhy() throws {
        let folder = ScratchFolder()
        let (sample, url) = try threeLines(in: folder)
        sample.writer.close()
        let lock = JournalLock.infoURL(url)
        try FileManager.default.removeItem(at: lock)
        try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        #expect(throws: JournalError.refused("\(lock.lastPathComponent) is not a regular file; iwotch writes who holds the delivery there. Remove it: it only names who last held the delivery.")) {
            try JournalWriter.open(url)
        }
        try FileManager.default.removeItem(at: lock)

        // Only root can give a file away; as anyone else this half has nothing to set up.
        guard geteuid() == 0 else { return }
        try Data("{}".utf8).write(to: lock)
        #expect(chown(lock.path, 65534, 65534) == 0)
        #expect(throws: JournalError.refused("\(lock.lastPathComponent) is owned by another user (uid 65534), so iwotch will not write it. Journals and their lock files belong to the user who keeps them.")) {
            try JournalWriter.open(url)
        }
        #expect(try Data(contentsOf: lock) == Data("{}".utf8))
    }

    @Test func aJournalThatIsASymbolicLinkIsNotContinued() throws {
        let folder = ScratchFolder()
        let (sample, url) = try threeLines(in: folder)
        sample.writer.close()
        let elsewhere = folder.url.appendingPathComponent("elsewhere.jsonl")
        try FileManager.default.moveItem(at: url, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: elsewhere)
        let before = try Data(contentsOf: elsewhere)
        #expect(throws: JournalError.refused("\(url.lastPathComponent) is a symbolic link, not a regular file; iwotch does not continue a journal through a link.")) {
            try JournalWriter.open(url)
        }
        #expect(try Data(contentsOf: elsewhere) == before)
    }

    func mode(_ url: URL) throws -> Int {
        try #require((FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    func create(in folder: ScratchFolder) throws -> JournalWriter {
        try SampleDelivery(in: folder).writer
    }

    /// `live/` as a link: refused unless it leads to the user's own 0700 folder, and never chmod'ed.
    @Test func aJournalFolderThatIsASymbolicLinkIsFollowedOnlyToTheUsersOwnPrivateFolder() throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let target = folder.url.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let live = folder.directory.folder(for: .live)
        try FileManager.default.createSymbolicLink(at: live, withDestinationURL: target)

        #expect(throws: JournalError.refused("The journal folder \(live.path) is a symbolic link to \(target.path), which is open to others (mode 755). iwotch does not change the permissions of a folder it reaches through a link: set that folder to 0700 (chmod 700), or replace the link with a folder.")) {
            try create(in: folder)
        }
        #expect(try mode(target) == 0o755, "not chmod'ed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)

        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: target.path)
        let writer = try create(in: folder)
        writer.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).filter { $0.hasSuffix(".jsonl") } == [writer.url.lastPathComponent])

        guard geteuid() == 0 else { return }
        #expect(chown(target.path, 65534, 65534) == 0)
        #expect(throws: JournalError.refused("The journal folder \(live.path) is a symbolic link to \(target.path), a folder owned by another user (uid 65534). Journals are kept only in the user's own folders.")) {
            try create(in: folder)
        }
    }

    @Test func aJournalFolderThatIsAFileALinkToAFileOrAnotherUsersIsRefused() throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let live = folder.directory.folder(for: .live)
        let file = folder.url.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(at: live, withDestinationURL: file)
        #expect(throws: JournalError.refused("The journal folder \(live.path) is a symbolic link to \(file.path), which is not a folder. Replace the link with a folder.")) {
            try create(in: folder)
        }
        try FileManager.default.removeItem(at: live)
        try Data("x".utf8).write(to: live)
        #expect(throws: JournalError.refused("The journal folder \(live.path) is not a folder. Move that file away; iwotch keeps live/ for journals.")) {
            try create(in: folder)
        }
        try FileManager.default.removeItem(at: live)

        guard geteuid() == 0 else { return }
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        #expect(chown(live.path, 65534, 65534) == 0)
        #expect(throws: JournalError.refused("The journal folder \(live.path) is owned by another user (uid 65534). Journals are kept only in the user's own folders.")) {
            try create(in: folder)
        }
        #expect(try mode(live) == 0o755, "not chmod'ed")
    }
}
