import Foundation
import Testing
@testable import Programme

/// A file is read whole into a buffer sized from its size; what arrives past that size (a file
/// that grew after it was looked at) is read on, and a limit is held to the byte.
@Suite struct RegularFileReadTests {
    /// 10,000 bytes waiting in a pipe, read with a size of 0: the buffer starts at 4,096 and doubles twice.
    func pipe(holding count: Int) throws -> Int32 {
        var ends: [Int32] = [0, 0]
        #expect(Glibc.pipe(&ends) == 0)
        let bytes = [UInt8]((0..<count).map { UInt8(truncatingIfNeeded: $0 * 7) })
        #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress!, count) } == count)
        close(ends[1])
        return ends[0]
    }

    @Test func whatComesPastTheSizeGivenIsReadOn() throws {
        let fd = try pipe(holding: 10_000)
        defer { close(fd) }
        let data = try RegularFile.readAll(fd, size: 0, maximumBytes: .max).get()
        #expect(data.count == 10_000)
        #expect(data[0] == 0 && data[1] == 7 && data[9_999] == UInt8(truncatingIfNeeded: 9_999 * 7))
    }

    @Test func aLimitIsHeldToTheByte() throws {
        let exactly = try pipe(holding: 5_000)
        defer { close(exactly) }
        #expect(try RegularFile.readAll(exactly, size: 0, maximumBytes: 5_000).get().count == 5_000)
        let over = try pipe(holding: 5_001)
        defer { close(over) }
        #expect(RegularFile.readAll(over, size: 0, maximumBytes: 5_000) == .failure(.tooLarge(limit: 5_000)))
    }

    /// A file larger than the limit is refused from its size, before it is read.
    @Test func aFileOverTheLimitIsRefusedFromItsSize() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-read-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 1 << 40)   // a sparse terabyte: reading it would never end
        try handle.close()
        #expect(RegularFile.read(file.path, maximumBytes: 1 << 30) == .failure(.tooLarge(limit: 1 << 30)))
    }

    @Test func aFileIsReadWholeAndAnEmptyOneIsEmpty() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(repeating: "{\"seq\":1}\n", count: 1_000)   // 10,000 bytes
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.jsonl"))
        try Data().write(to: folder.appendingPathComponent("empty.jsonl"))
        #expect(try RegularFile.read(folder.appendingPathComponent("a.jsonl").path).get() == Data(text.utf8))
        #expect(try RegularFile.read(folder.appendingPathComponent("empty.jsonl").path).get() == Data())
    }
}
