import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file only when it is a regular file, the way journals and the ratings sheet are read:
/// the path is looked at first (`stat`, which never waits), opened without waiting (a FIFO would
/// block for ever, a device might never end), and checked again once open (the path may have been
/// swapped in between). What went wrong comes back as a `Problem`; each caller words it for its
/// reader.
public enum RegularFile {
    public enum Problem: Error, Equatable {
        case missing
        /// Something else is at the path: `FileKind.words(mode)` names it.
        case notRegular(mode_t)
        case cannotRead(String)
        case tooLarge(limit: Int)
    }

    public static func read(_ path: String, maximumBytes: Int = .max) -> Result<Data, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .cannotRead(String(cString: strerror(errno))))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(info.st_mode)) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.cannotRead(String(cString: strerror(errno)))) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(info.st_mode)) }
        // Refused from its size, unread: a sparse file says it is a terabyte and reads as zeros for ever.
        guard Int(info.st_size) <= maximumBytes else { return .failure(.tooLarge(limit: maximumBytes)) }
        return readAll(fd, size: Int(info.st_size), maximumBytes: maximumBytes)
    }

    /// Everything left in `fd`, up to one byte past `maximumBytes` (to tell a file too large). The
    /// buffer is sized from `size` (the file's size when opened), so a file is usually read in one
    /// call into one buffer; one that grew meanwhile is read on, the buffer doubling.
    static func readAll(_ fd: Int32, size: Int, maximumBytes: Int) -> Result<Data, Problem> {
        let limit = maximumBytes == .max ? Int.max : maximumBytes + 1
        // The size is only a guide (the file may change): the first buffer is at most 64 MB.
        var data = Data(count: min(max(size + 1, 4096), limit, 64 << 20))
        var total = 0
        while total < limit {
            if total == data.count { data.count = min(data.count * 2, limit) }
            let room = data.count - total
            let got = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, room) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotRead(String(cString: strerror(errno))))
            }
            if got == 0 { break }
            total += got
        }
        data.count = total
        return total > maximumBytes ? .failure(.tooLarge(limit: maximumBytes)) : .success(data)
    }

    /// A file given on the command line (a ratings sheet), at most 1 MB: the failure as a sentence.
    public static func readArgument(_ path: String) -> Result<Data, RegularFileProblem> {
        read(path, maximumBytes: 1_048_576).mapError { problem in
            switch problem {
            case .missing: RegularFileProblem("\(path): no such file.")
            case .notRegular(let mode): RegularFileProblem("\(path) is not a regular file: it is \(FileKind.words(mode)). Give the path of a text file.")
            case .cannotRead(let reason): RegularFileProblem("\(path) cannot be read (\(reason)).")
            case .tooLarge(let limit): RegularFileProblem("\(path) is larger than \(limit / 1_048_576) MB; is it the right file?")
            }
        }
    }
}

public struct RegularFileProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
