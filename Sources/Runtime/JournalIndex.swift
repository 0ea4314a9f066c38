import Foundation
import Journal
#if canImport(Glibc)
import Glibc
#endif

/// What the home screen needs of each journal file, kept in `.iwotch-index` beside the journals of
/// one mode so that the first frame does not read every delivery a laptop has ever recorded.
/// The journals stay the only truth: an entry is used only while its file's size, modification
/// time and inode are those recorded with it (journals only grow, so any append changes them);
/// any other file is read again and its entry replaced. A missing, unreadable or damaged index is
/// rebuilt from the journals. Never holds more than the journals do (pseudonymous codes), and is
/// owner-only like them.
struct JournalIndex {
    static let fileName = ".iwotch-index"
    /// The first line, so an index of another layout is rebuilt rather than misread.
    static let header = "iwotch-journal-index 3"

    /// Which version of a file an entry describes.
    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    struct Entry: Equatable {
        var stamp: Stamp
        var closed: Bool
        /// The opening event's mode is the folder's: a journal copied into the wrong folder is
        /// never offered (`JournalScan`).
        var modeMatches: Bool
        var group: String
        /// The programme the delivery pinned: a group's history is carried over only within its
        /// programme (a training course's cohort is not an I-WOTCH group of the same code).
        var programme: String
        var site: String
        var title: String
        /// Milliseconds since 1970 (journal times have millisecond precision).
        var openedAt: Int64
        var lastEventAt: Int64
        var facilitators: [DeliveryOpened.Facilitator]
        /// The roster as replayed, once it has been needed (the latest delivery of a group).
        var roster: [String]?
        /// A one-to-one: its one participant is never carried over as the group's roster.
        var oneToOne = false
    }

    /// An index line as read: the fields every start-up needs, parsed from the bytes, and the whole
    /// line, decoded further (`entry`) only for the files the home screen shows or carries over.
    struct Row: Equatable {
        var stamp: Stamp
        var closed: Bool
        var modeMatches: Bool
        var group: String
        var programme: String
        var openedAt: Int64
        var line: [UInt8]
        /// The whole entry, or nil when the line does not read (its file is then read again).
        var entry: Entry? { JournalIndex.decode(line[...]).map(\.1) }
    }

    var rows: [String: Row] = [:]

    /// The stamp of a file from its `stat`, or nil when it is not a regular file.
    static func stamp(_ info: stat) -> Stamp? {
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
        return Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }

    /// The `.jsonl` files of `folder`, by name, each with its stamp (nil when it is not a regular
    /// file). Read with readdir and fstatat on the folder: no path is built for files the index
    /// already describes.
    static func list(_ folder: URL) -> [(name: String, stamp: Stamp?)] {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        guard let dir = fdopendir(fd) else { close(fd); return [] }
        defer { closedir(dir) }
        var found: [(name: String, stamp: Stamp?)] = []
        while let item = readdir(dir) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".jsonl"), !name.hasPrefix(".") else { continue }
            var info = stat()
            let stamped = fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? stamp(info) : nil
            found.append((name, stamped))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// A row for a file read just now.
    static func row(_ name: String, _ entry: Entry) -> Row {
        Row(stamp: entry.stamp, closed: entry.closed, modeMatches: entry.modeMatches, group: entry.group, programme: entry.programme,
            openedAt: entry.openedAt,
            line: Array(encode(name, entry).utf8))
    }

    // MARK: Reading and writing

    /// The index in `folder`, or an empty one when it is missing or not this layout. Lines that do
    /// not read are left out (their files are read again). Linear in the file's length.
    static func load(_ folder: URL) -> JournalIndex {
        var index = JournalIndex()
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? RawJournal.readData(url), data.count <= 64 << 20 else { return index }
        let bytes = [UInt8](data)
        var start = 0
        var first = true
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if first {
                first = false
                guard String(decoding: line, as: UTF8.self) == header else { return index }
                continue
            }
            if let (name, row) = quickRow(line) { index.rows[name] = row }
        }
        return index
    }

    /// The first ten fields of a line, from its bytes.
    static func quickRow(_ line: ArraySlice<UInt8>) -> (String, Row)? {
        var fields: [ArraySlice<UInt8>] = []
        fields.reserveCapacity(10)
        var from = line.startIndex
        for position in line.indices where line[position] == 0x09 {
            fields.append(line[from..<position])
            from = position + 1
            if fields.count == 10 { break }
        }
        guard fields.count == 10, let size = integer(fields[1]), let modified = integer(fields[2]), let inode = integer(fields[3]),
              let openedAt = integer(fields[6]), integer(fields[7]) != nil,
              fields[4] == [0x30] || fields[4] == [0x31], fields[5] == [0x30] || fields[5] == [0x31] else { return nil }
        let row = Row(stamp: Stamp(size: size, modified: modified, inode: UInt64(inode)), closed: fields[4].first == 0x31,
                      modeMatches: fields[5].first == 0x31, group: unescape(String(decoding: fields[8], as: UTF8.self)),
                      programme: unescape(String(decoding: fields[9], as: UTF8.self)), openedAt: openedAt, line: Array(line))
        return (unescape(String(decoding: fields[0], as: UTF8.self)), row)
    }

    /// A whole number of 1 to 19 digits (no sign: every field is at least 0); nil past Int64's
    /// range rather than a trap (times in nanoseconds take 19 digits).
    static func integer(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard (1...19).contains(digits.count) else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard (0x30...0x39).contains(digit) else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(Int64(digit - 0x30))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// Writes the index whole under a temporary name and renames it into place, owner-only.
    /// Failing to write it only costs the next start-up its speed, so failures are ignored.
    func save(_ folder: URL) {
        var bytes = Array((Self.header + "\n").utf8)
        for name in rows.keys.sorted() { bytes += rows[name]!.line; bytes.append(0x0A) }
        let target = folder.appendingPathComponent(Self.fileName).path
        let staging = folder.appendingPathComponent(Self.fileName + ".\(getpid()).new").path
        let fd = open(staging, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue }; break }
            offset += written
        }
        close(fd)
        if offset != bytes.count || rename(staging, target) != 0 { unlink(staging) }
    }

    // Fields, tab-separated: name, size, modified, inode, closed, mode-matches, opened-at,
    // last-event-at, group, programme, site, title, facilitators (code:role,…), roster (code,… or
    // "-"), one-to-one (1 or 0).
    static func encode(_ name: String, _ entry: Entry) -> String {
        let facilitators = entry.facilitators.map { escape($0.code) + ":" + escape($0.role) }.joined(separator: ",")
        let roster = entry.roster.map { $0.map(escape).joined(separator: ",") } ?? "-"
        return [escape(name), String(entry.stamp.size), String(entry.stamp.modified), String(entry.stamp.inode),
                entry.closed ? "1" : "0", entry.modeMatches ? "1" : "0", String(entry.openedAt), String(entry.lastEventAt),
                escape(entry.group), escape(entry.programme), escape(entry.site), escape(entry.title), facilitators, roster,
                entry.oneToOne ? "1" : "0"].joined(separator: "\t")
    }

    static func decode<Bytes: Collection>(_ line: Bytes) -> (String, Entry)? where Bytes.Element == UInt8 {
        let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 15, fields[14] == "0" || fields[14] == "1",
              let size = Int64(fields[1]), size >= 0, let modified = Int64(fields[2]), let inode = UInt64(fields[3]),
              let openedAt = Int64(fields[6]), let lastEventAt = Int64(fields[7]),
              fields[4] == "0" || fields[4] == "1", fields[5] == "0" || fields[5] == "1" else { return nil }
        var facilitators: [DeliveryOpened.Facilitator] = []
        for pair in fields[12].split(separator: ",") {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            facilitators.append(.init(code: unescape(String(parts[0])), role: unescape(String(parts[1]))))
        }
        let roster = fields[13] == "-" ? nil : fields[13].split(separator: ",").map { unescape(String($0)) }
        return (unescape(fields[0]), Entry(stamp: Stamp(size: size, modified: modified, inode: inode), closed: fields[4] == "1",
                                           modeMatches: fields[5] == "1", group: unescape(fields[8]), programme: unescape(fields[9]),
                                           site: unescape(fields[10]), title: unescape(fields[11]), openedAt: openedAt, lastEventAt: lastEventAt,
                                           facilitators: facilitators, roster: roster, oneToOne: fields[14] == "1"))
    }

    /// The separators and the escape itself as %XX, so any text survives a line of its own.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x25 || $0 == 0x2C || $0 == 0x3A }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x25, 0x2C, 0x3A: out += String(format: "%%%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x25) else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == 0x25, index + 2 < source.count,
               let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Date {
    var journalMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    init(journalMilliseconds: Int64) { self.init(timeIntervalSince1970: Double(journalMilliseconds) / 1000) }
}
