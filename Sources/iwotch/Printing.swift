import DisplayText
import Foundation
import Glibc

/// Everything the command line prints, on standard output or standard error, goes through `Say`,
/// and every file it writes through `Output`: both make the text printable
/// (`DisplayText.printable`) first. A content or journal field holding ESC, BEL, `ESC c` or an
/// OSC 52 sequence reaches a terminal as `^[`, `^G`, never as a command. Files and pipes get the
/// same text as a terminal: control characters other than tab and line end never belong in a code
/// or a title, so showing them escaped loses nothing a reader needs, and a file later shown with
/// `cat` is as safe as the screen.
enum Say {
    static func out(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data(DisplayText.printable(text + terminator).utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(DisplayText.printable(text + "\n").utf8))
    }
}

/// A command used rightly that could not be carried out: an output that cannot be written, a path
/// that does not exist, a delivery not in the journal folder. Its message goes to standard error
/// and the exit status is 1, with no usage line (that is for `ValidationError`, status 2).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Output {
    /// Standard output, or a file written whole under a temporary name and then renamed, so a
    /// half-written report never sits where a finished one is expected. A file is created with
    /// mode 0600 (owner only): reports, exports and plans may hold pseudonymous codes, as the
    /// journals do.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            Say.out(text, terminator: "")
            return
        }
        let data = Data(DisplayText.printable(text).utf8)
        // A device or pipe (such as /dev/null) is written in place: renaming a temporary file
        // over it would replace the device with a plain file.
        var info = stat()
        let special = stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
        let target = special ? path : temporaryName(for: path)
        let flags = special ? O_WRONLY : (O_WRONLY | O_CREAT | O_EXCL)
        let descriptor = open(target, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CommandFailure("Could not write \(path): \(String(cString: strerror(errno))).") }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, !special, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, !special, rename(target, path) != 0 { failure = errno }
        if failure != 0 {
            if !special { unlink(target) }
            throw CommandFailure("Could not write \(path): \(String(cString: strerror(failure))).")
        }
    }

    private static func temporaryName(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    }
}
