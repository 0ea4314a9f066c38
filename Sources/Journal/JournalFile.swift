import Crypto
import Foundation
import Programme
#if canImport(Glibc)
import Glibc
#endif

/// A journal file as bytes on disk, split into its physical lines.
public struct RawJournal: Sendable {
    public struct Line: Sendable {
        /// 1-based line number in the file.
        public var number: Int
        public var bytes: Data
    }
    public var lines: [Line]
    /// True when the file does not end with a newline: the last line was cut short mid-write.
    public var tornTail: Bool

    public init(data: Data) {
        var lines: [Line] = []
        var start = data.startIndex
        var number = 1
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            // memchr rather than a loop over bytes: splitting was a tenth of reading a region's journals.
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let index = base.distance(to: UnsafeRawPointer(found))
                let end = data.startIndex + index
                lines.append(Line(number: number, bytes: data[start..<end]))
                number += 1
                start = end + 1
                offset = index + 1
            }
        }
        tornTail = start < data.endIndex
        if tornTail { lines.append(Line(number: number, bytes: data[start..<data.endIndex])) }
        self.lines = lines
    }

    public static func read(_ url: URL) throws -> RawJournal {
        RawJournal(data: try readData(url))
    }

    /// A journal file's bytes, read only when it is a regular file (`RegularFile`): a FIFO or a
    /// device put in a journal's place never makes a reader wait.
    public static func readData(_ url: URL) throws -> Data {
        switch RegularFile.read(url.path, maximumBytes: JournalRange.fileBytes) {
        case .success(let data): return data
        case .failure(.notRegular(let mode)):
            throw JournalError.unreadable(path: url.path, reason: "\(url.lastPathComponent) is not a regular file: it is \(FileKind.words(mode)); journals are files iwotch writes, so move it out of the folder")
        case .failure(.missing): throw JournalError.unreadable(path: url.path, reason: String(cString: strerror(ENOENT)))
        case .failure(.cannotRead(let reason)): throw JournalError.unreadable(path: url.path, reason: reason)
        case .failure(.tooLarge(let limit)):
            throw JournalError.unreadable(path: url.path, reason: "\(url.lastPathComponent) is larger than \(limit >> 20) MB, and a delivery's journal is tens of KB: it is not a journal iwotch wrote, so move it out of the folder")
        }
    }
}

/// The SHA-256 of a line's bytes, as written in the next line's `prev`.
public func lineHash<D: DataProtocol>(_ bytes: D) -> String {
    // Hex by table: formatting each byte with String(radix:) cost four times the hashing itself.
    let digits = Array("0123456789abcdef".utf8)
    var text = Array("sha256:".utf8)
    text.reserveCapacity(71)
    for byte in SHA256.hash(data: bytes) {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}

/// Whether `text` is `lineHash(bytes)`, without making the hash's text: the check compares one
/// for every line of every journal it reads.
public func lineHash<D: DataProtocol>(_ bytes: D, is text: String?) -> Bool {
    guard var text else { return false }
    let digest = SHA256.hash(data: bytes)
    let same = text.withUTF8 { utf8 -> Bool in
        guard utf8.count == 71 else { return false }
        let prefix: StaticString = "sha256:"
        for index in 0..<7 where utf8[index] != prefix.utf8Start[index] { return false }
        return digest.withUnsafeBytes { hash -> Bool in
            func digit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
            for index in 0..<32 {
                let byte = hash[index]
                guard utf8[7 + 2 * index] == digit(byte >> 4), utf8[8 + 2 * index] == digit(byte & 0x0F) else { return false }
            }
            return true
        }
    }
    // Text that is not byte for byte the hash is compared as the check always has, as Strings.
    return same || text == lineHash(bytes)
}
