import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a small text file given on the command line (a ratings sheet) the way content files are
/// read: only a regular file, opened without waiting (a FIFO would block for ever), checked again
/// once open, and no larger than `maximumBytes`. The failure is a sentence naming the cause.
public enum RegularFile {
    public static func read(_ path: String, maximumBytes: Int = 1_048_576) -> Result<Data, RegularFileProblem> {
        let name = (path as NSString).lastPathComponent
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(.init(errno == ENOENT || errno == ENOTDIR ? "\(path): no such file." : "\(path) cannot be read (\(String(cString: strerror(errno))))."))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(.init("\(path) is not a regular file: it is \(FileKind.words(info.st_mode)). Give the path of a text file."))
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(.init("\(path) cannot be read (\(errno == EACCES ? "permission denied" : String(cString: strerror(errno))))."))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            return .failure(.init("\(name) is not a regular file: it is \(FileKind.words(opened.st_mode)). Give the path of a text file."))
        }
        guard let data = try? handle.read(upToCount: maximumBytes + 1) ?? Data() else {
            return .failure(.init("\(path) cannot be read."))
        }
        guard data.count <= maximumBytes else {
            return .failure(.init("\(path) is larger than \(maximumBytes / 1_048_576) MB; is it the right file?"))
        }
        return .success(data)
    }
}

public struct RegularFileProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
