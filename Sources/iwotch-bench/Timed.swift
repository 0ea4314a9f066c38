import Foundation

/// A command run as its own process, timed from spawn to exit, with its peak resident memory
/// from GNU time when installed (getrusage of our own children would be wrong: a child spawned
/// sharing our memory inherits our peak at exec). Without GNU time the peak is nil.
enum Timed {
    struct Run {
        var nanoseconds: UInt64
        var peak: Int?
        var seconds: Double { Double(nanoseconds) / 1e9 }
    }

    static func run(_ arguments: [String], output: String? = nil, hint: String = "") throws -> Run {
        let time = "/usr/bin/time"
        let measured = FileManager.default.isExecutableFile(atPath: time)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: measured ? time : "/usr/bin/env")
        process.arguments = (measured ? ["-f", "%M"] : []) + arguments
        process.standardOutput = output.flatMap { FileHandle(forWritingAtPath: $0) } ?? FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        let start = nanoseconds()
        try process.run()
        let report = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = nanoseconds() - start
        let lines = String(decoding: report, as: UTF8.self).split(separator: "\n")
        guard process.terminationStatus == 0 else {
            throw BenchError("`\(arguments.prefix(3).joined(separator: " "))…` failed: \(lines.suffix(3).joined(separator: "; ")) \(hint)")
        }
        return Run(nanoseconds: elapsed, peak: measured ? lines.last.flatMap { Int($0) }.map { $0 * 1024 } : nil)
    }
}
