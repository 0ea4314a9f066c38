import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A line erased on request: it keeps the erased line's place (its seq, delivery and mode) and the
/// two hashes the chain needs, and nothing else. `erased` is the SHA-256 of the line it replaces, so
/// the next line's `prev` still checks; `prev` is the erased line's own, so the chain is followed
/// through it. What was erased (the participant, the mark, and the event's random id and time,
/// without which the hash cannot be reversed by trying codes) is gone.
///
/// Written with sorted keys like every line, so `type` comes last: `…,"type":"erased"}`.
public struct Tombstone: Sendable, Equatable {
    public static let type = "erased"
    public var seq: Int
    public var delivery: String
    public var mode: String
    public var prev: String?
    /// The hash of the line erased: what the chain holds for this line.
    public var erased: String

    /// The tombstone's line, without its newline.
    public var line: Data {
        let object: [String: JSONValue] = [
            "delivery": .string(delivery), "erased": .string(erased), "mode": .string(mode),
            "prev": prev.map(JSONValue.string) ?? .null, "seq": .number(Double(seq)), "type": .string(Self.type),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)) ?? Data()
    }

    private static let ending = Array(#","type":"erased"}"#.utf8)

    /// The tombstone a line holds, or nil when it is not one. A cheap look at the line's end comes
    /// first: this is asked of every line whose event cannot be read, and of each chain link.
    public static func parse<D: DataProtocol>(_ bytes: D) -> Tombstone? {
        guard bytes.count > ending.count, bytes.suffix(ending.count).elementsEqual(ending),
              case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)),
              Set(object.keys) == ["delivery", "erased", "mode", "prev", "seq", "type"],
              case .string(let delivery)? = object["delivery"], case .string(let erased)? = object["erased"],
              case .string(let mode)? = object["mode"], case .number(let seqValue)? = object["seq"],
              seqValue >= 1, seqValue <= Double(Int32.max), seqValue == seqValue.rounded(),
              isHash(erased) else { return nil }
        var prev: String?
        switch object["prev"] {
        case .string(let text)? where isHash(text): prev = text
        case .null?: prev = nil
        default: return nil
        }
        return Tombstone(seq: Int(seqValue), delivery: delivery, mode: mode, prev: prev, erased: erased)
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 71 && text.hasPrefix("sha256:")
            && text.utf8.dropFirst(7).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// The hash the chain holds for a line: its own bytes' hash, or for a tombstone the hash of the
/// line it replaced.
public func chainHash<D: DataProtocol>(_ bytes: D) -> String {
    Tombstone.parse(bytes)?.erased ?? lineHash(bytes)
}

/// Whether `text` is the hash the chain holds for these bytes (`chainHash`).
public func chainHash<D: DataProtocol>(_ bytes: D, is text: String?) -> Bool {
    if let tombstone = Tombstone.parse(bytes) { return tombstone.erased == text }
    return lineHash(bytes, is: text)
}

/// Erasing one participant's records on request (UK GDPR, right to erasure): every line of the
/// participant's group at the site that names them, and every correction of such a line, becomes a
/// tombstone. Other lines are untouched, so the chain still checks and `journal check` says how
/// many lines were erased. The same planning serves a laptop's files and the region's database.
public enum Erasure {
    public struct Request: Sendable {
        public var site: String
        public var group: String
        public var participant: String
        public init(site: String, group: String, participant: String) {
            self.site = site; self.group = group; self.participant = participant
        }
    }

    /// The lines (by index) of one journal to erase, with their tombstones. Empty when the journal
    /// is another site's or group's, or never names the participant.
    public static func plan(_ lines: [Data], _ request: Request) -> [(index: Int, tombstone: Tombstone)] {
        var events: [(index: Int, event: JournalEvent)] = []
        for (index, bytes) in lines.enumerated() {
            if case .success(let event) = LineCodec.decode(bytes) { events.append((index, event)) }
        }
        guard let opened = events.lazy.compactMap({ item -> DeliveryOpened? in
            if case .deliveryOpened(let data) = item.event.body { data } else { nil }
        }).first, Code.same(opened.site, request.site), Code.same(opened.group, request.group) else { return [] }

        let position = Dictionary(events.enumerated().map { ($1.event.id, $0) }, uniquingKeysWith: { first, _ in first })
        var erase: Set<Int> = []
        // A correction of an erased line is erased with it; one that makes a line the participant's
        // erases the line it corrects. Repeated until nothing changes (corrections of corrections).
        var changed = true
        while changed {
            changed = false
            for (number, item) in events.enumerated() where !erase.contains(number) {
                var names = false
                switch item.event.body {
                case .participantEnrolled(let data): names = Code.same(data.participant, request.participant)
                case .attendanceMarked(let data): names = Code.same(data.participant, request.participant)
                case .correction(let correction):
                    if let target = position[correction.refersTo], erase.contains(target) { names = true }
                    if case .string(let new) = correction.new, Code.same(new, request.participant) {
                        names = true
                        if let target = position[correction.refersTo], !erase.contains(target) { erase.insert(target) }
                    }
                    if case .string(let old) = correction.old, Code.same(old, request.participant) { names = true }
                default: break
                }
                if names { erase.insert(number); changed = true }
            }
        }
        return erase.sorted().map { number in
            let (index, event) = events[number]
            return (index, tombstone(event, line: lines[index]))
        }
    }

    /// The lines numbered `seqs` whose bytes still have the hash given, as tombstones: the region's
    /// database names the lines it erased this way, so a laptop erases the same lines without
    /// being told whose they were.
    public static func plan(_ lines: [Data], seqs: [Int: String]) -> [(index: Int, tombstone: Tombstone)] {
        seqs.keys.sorted().compactMap { seq in
            let index = seq - 1
            guard lines.indices.contains(index), lineHash(lines[index], is: seqs[seq]),
                  case .success(let event) = LineCodec.decode(lines[index]), event.seq == seq else { return nil }
            return (index, tombstone(event, line: lines[index]))
        }
    }

    static func tombstone(_ event: JournalEvent, line: Data) -> Tombstone {
        Tombstone(seq: event.seq, delivery: event.delivery, mode: event.mode.rawValue, prev: event.previous, erased: lineHash(line))
    }

    public struct FileProblem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Erases the participant's lines in one journal file, in place of the file: the new bytes are
    /// written to a temporary file beside it (0600), flushed, and renamed over it, so a crash
    /// leaves the old file or the new, never half of one. Refused while iwotch holds the delivery
    /// open (the journal's lock). Returns how many lines were erased (0: the file is unchanged).
    public static func rewrite(_ url: URL, _ request: Request) throws -> Int {
        try rewrite(url) { plan($0, request) }
    }

    /// As `rewrite(_:_:)`, erasing the lines `planner` picks.
    public static func rewrite(_ url: URL, planner: ([Data]) -> [(index: Int, tombstone: Tombstone)]) throws -> Int {
        let path = url.path
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw FileProblem(description: "\(path): cannot be opened: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            throw FileProblem(description: "\(path): the delivery is open in iwotch (its journal is locked). Close it there, then erase again; nothing in this file was changed.")
        }
        let raw = RawJournal(data: try RawJournal.readData(url))
        // A torn last line is not an event: it is kept as it is, and the check goes on calling it torn.
        let complete = raw.tornTail ? raw.lines.dropLast() : raw.lines[...]
        let planned = planner(complete.map { Data($0.bytes) })
        guard !planned.isEmpty else { return 0 }
        var replacement: [Int: Data] = [:]
        for item in planned { replacement[item.index] = item.tombstone.line }
        var data = Data()
        for (index, line) in raw.lines.enumerated() {
            data.append(replacement[index] ?? Data(line.bytes))
            if !(raw.tornTail && index == raw.lines.count - 1) { data.append(0x0A) }
        }
        try writeAtomically(data, to: url)
        return planned.count
    }

    /// The laptop's record of its erasures, as the database's `iwotch.erasures`: one JSON line each
    /// (when, by whom, the screened reason, how many journals and lines; no code), in
    /// `erasures.log` at the journal folder's root, 0600, appended.
    public static func record(in root: URL, at time: Date, reason: String, journals: Int, lines: Int) throws {
        let entry: [String: JSONValue] = [
            "at": .string(Timestamp.format(time)), "by": .string(ProcessInfo.processInfo.userName),
            "reason": .string(reason), "journals": .number(Double(journals)), "lines": .number(Double(lines)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(entry)
        data.append(0x0A)
        let path = root.appendingPathComponent("erasures.log").path
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileProblem(description: "\(path): cannot be opened to record the erasure: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        guard written == data.count, fsync(fd) == 0 else {
            throw FileProblem(description: "\(path): the erasure could not be recorded: \(String(cString: strerror(errno)))")
        }
    }

    static func writeAtomically(_ data: Data, to url: URL) throws {
        let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).erasing")
        unlink(staging.path)
        let out = open(staging.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw FileProblem(description: "\(staging.path): cannot be created: \(String(cString: strerror(errno)))") }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(out, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += written
            }
        }
        if failure == 0, fsync(out) != 0 { failure = errno }
        close(out)
        if failure == 0, rename(staging.path, url.path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(staging.path)
            throw FileProblem(description: "\(url.path): could not be rewritten (\(String(cString: strerror(failure)))); the file is unchanged.")
        }
        // The rename itself is made durable with the folder.
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { fsync(folder); close(folder) }
    }
}
