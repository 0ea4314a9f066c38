import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The reference tools the figures are printed beside, run as separate processes.
enum Reference {
    /// Runs a command found on PATH and returns its standard output (standard error goes with it).
    static func capture(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("`\(arguments.joined(separator: " "))` exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Wall time of `jq -c . FILE > /dev/null`: jq parses every line and writes it out again,
    /// roughly the work of reading and decoding a journal, by a mature C parser.
    static func jq(_ file: URL) throws -> (time: UInt64, peak: Int?) {
        let run = try Timed.run(["jq", "-c", ".", file.path], hint: "is it installed? (Scripts/bench installs it)")
        return (run.nanoseconds, run.peak)
    }
}

/// One long-running `sqlite3` process driven through pipes. Each statement is followed by a
/// `SELECT` of a marker, and the time of a statement is until its marker comes back: the shell
/// answers only after the statement's transaction has committed (and, with synchronous=FULL,
/// been fsync'd), and one process for the whole run keeps process start-up out of the figures.
final class SQLiteShell {
    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var pending: [UInt8] = []
    private var markers = 0

    init(database: URL) throws {
        let stdin = Pipe(), stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // -bail: stop at the first error, so a failed statement ends the run instead of hanging it.
        process.arguments = ["sqlite3", "-bail", database.path]
        process.standardInput = stdin
        process.standardOutput = stdout
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        try process.run()
    }

    /// Runs `sql` and returns once sqlite3 has finished it; the lines it printed are returned.
    @discardableResult
    func run(_ sql: String) throws -> [String] {
        markers += 1
        let marker = "done \(markers)"
        try input.write(contentsOf: Data((sql + "\nSELECT '\(marker)';\n").utf8))
        var lines: [String] = []
        while true {
            let line = try readLine()
            if line == marker { return lines }
            lines.append(line)
        }
    }

    func close() {
        try? input.close()
        process.waitUntilExit()
    }

    /// Reads straight from the pipe's descriptor: FileHandle's readers either wait for end of file
    /// or hand back whatever arrived, and a line at a time is what is needed here.
    private func readLine() throws -> String {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(output.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw BenchError("sqlite3 stopped before answering (its error is above)") }
            pending.append(contentsOf: buffer[..<count])
        }
    }

    /// A text literal for SQL: single quotes doubled.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
