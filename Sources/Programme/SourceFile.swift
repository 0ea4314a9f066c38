import Foundation

/// A content file read defensively: whatever is on disk (binary, empty, huge, not UTF-8), the
/// result is either its text or diagnostics naming the file, never a crash.
struct SourceFile {
    /// Content files are small; anything larger is almost certainly the wrong file.
    static let maximumBytes = 1 << 20
    /// Content needs a handful of levels; the limit keeps hostile nesting away from the parser.
    static let maximumDepth = 64

    let path: String
    let text: String
    let lines: [Substring]

    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    func diagnostic(line: Int, column: Int, _ message: String, span: Int = 1, help: String,
                    severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(path: path, line: line, column: column, severity: severity, message: message,
                   excerpt: self.line(line), span: span, help: help)
    }

    /// Reads and vets a file; on failure returns the reason as a diagnostic.
    static func read(_ path: String) -> Result<SourceFile, Diagnostic> {
        func fail(_ message: String, line: Int = 1, column: Int = 1, excerpt: String? = nil, help: String) -> Result<SourceFile, Diagnostic> {
            .failure(Diagnostic(path: path, line: line, column: column, message: message, excerpt: excerpt, help: help))
        }
        // `stat` answers at once whatever the path is; opening a FIFO to read it would wait for a
        // writer, and reading a device may never end. Only regular files are read.
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR {
                return fail("no such file", help: "Check the path, or add the file. Paths in programme.yaml are relative to it.")
            }
            return fail("the file cannot be read (\(String(cString: strerror(errno))))", help: "Check the path and the permissions of the folders on it.")
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            return fail("this is a folder, not a file", help: "Name a YAML file here.")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return fail("\((path as NSString).lastPathComponent) is not a regular file: it is \(FileKind.words(info.st_mode))",
                        help: "Content files are YAML text files. Replace it with the file itself, or remove it.")
        }
        if Int(info.st_size) > maximumBytes {
            let megabytes = String(format: "%.1f", Double(info.st_size) / 1_048_576)
            return fail("the file is \(megabytes) MB; a content file may be at most 1 MB",
                        help: "Is this the right file? Content files hold text only: split a large session into several files.")
        }
        // Opened without waiting, and checked again once open: the path may have been swapped.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == EACCES || errno == EPERM {
                return fail("the file cannot be read (permission denied)", help: "Check the file's permissions: the person running iwotch must be able to read it.")
            }
            return fail("the file cannot be read (\(String(cString: strerror(errno))))", help: "Check that the file is readable.")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        defer { try? handle.close() }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else {
            return fail("\((path as NSString).lastPathComponent) is not a regular file: it is \(FileKind.words(opened.st_mode))",
                        help: "Content files are YAML text files. Replace it with the file itself, or remove it.")
        }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            return fail("the file cannot be read", help: "Check that the file is readable.")
        }
        if data.count > maximumBytes {
            return fail("the file is larger than 1 MB", help: "Is this the right file? Content files hold text only.")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return fail("the file is UTF-16 encoded", help: "Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8).")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(ofByte: nul, in: bytes)
            return fail("binary data (a NUL byte) at line \(line), column \(column): this is not a text file",
                        line: line, column: column,
                        help: "Content files are YAML text. Was a document or an image saved under this name?")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = firstInvalidUTF8(in: Array(body)) + (bytes.count - body.count)
            let (line, column) = position(ofByte: bad, in: bytes)
            let hex = String(format: "0x%02X", bytes[bad])
            return fail("the file is not valid UTF-8 (byte \(hex) at line \(line), column \(column))",
                        line: line, column: column,
                        help: "Save the file as UTF-8. A byte like 0xE9 usually means it was saved as Latin-1 or Windows-1252.")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        let file = SourceFile(path: path, text: text, lines: lines)
        if let (line, depth) = file.excessiveNesting() {
            return .failure(file.diagnostic(line: line, column: 1,
                                            "the file nests deeper than \(maximumDepth) levels (about \(depth) here)",
                                            help: "Content files need only a few levels: session > agenda > activity > list. Check the indentation and brackets."))
        }
        return .success(file)
    }

    /// An upper bound on nesting per line: indentation, leading `- `/`? ` indicators and open flow
    /// brackets each add at most one level. The YAML parser recurses per level, so a file that
    /// could nest too deeply is refused before it is parsed.
    func excessiveNesting() -> (line: Int, depth: Int)? {
        var flow = 0
        for (index, line) in lines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " { i += 1 }
            let indent = i
            var indicators = 0
            while i + 1 < scalars.count, "-?:".unicodeScalars.contains(scalars[i]), scalars[i + 1] == " " {
                indicators += 1
                i += 2
                while i < scalars.count, scalars[i] == " " { i += 1 }
            }
            if indent == 0, i < scalars.count, !"[{".unicodeScalars.contains(scalars[i]) { flow = 0 }
            var quote: Unicode.Scalar? = nil
            var deepest = flow
            while i < scalars.count {
                let c = scalars[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "#" && (i == 0 || scalars[i - 1] == " ") {
                    break
                } else if c == "[" || c == "{" {
                    flow += 1
                    deepest = max(deepest, flow)
                } else if c == "]" || c == "}" {
                    flow = max(0, flow - 1)
                }
                i += 1
            }
            let depth = indent / 2 + indicators + deepest
            if depth > Self.maximumDepth { return (index + 1, depth) }
        }
        return nil
    }

    static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        let column = bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            if String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return max(0, bytes.count - 1)
    }
}

/// What a path that is not a regular file is, in words: content and journals alike are read only
/// from regular files, and say so in the same words.
public enum FileKind {
    public static func words(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "not a file"
        }
    }
}
