import Foundation

/// The repository this test code was built from (its sources are read in place, no bundles).
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }
}

/// The executables SwiftPM built beside the test bundle: `iwotch` and `iwotch-stress`.
public enum BuiltBinary {
    public static var iwotch: URL { url("iwotch") }
    public static var stress: URL { url("iwotch-stress") }

    /// The executable `name` in the build folder that holds the running test bundle (looking a
    /// few folders up), or in `.build/debug` of the repository.
    public static func url(_ name: String) -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Repository.path(".build/debug/\(name)")
    }

    /// Runs `iwotch ARGUMENTS` as a user would, from the repository folder by default and with no
    /// IWOTCH_CONTENT inherited from the developer's shell.
    public static func run(_ arguments: [String], in directory: URL = Repository.root,
                           environment extra: [String: String] = [:]) throws -> CommandRun {
        var environment = ProcessInfo.processInfo.environment
        environment["IWOTCH_CONTENT"] = nil
        environment.merge(extra) { $1 }
        return try Command.run(iwotch, arguments, in: directory, environment: environment)
    }
}

/// How a command ended and what it wrote.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Standard output, then standard error.
    public var output: String { stdout + stderr }
}

/// Runs a command to its end, with standard input from /dev/null.
public enum Command {
    /// Output goes to temporary files, not pipes, so a child that writes much to both streams
    /// cannot block on a full pipe while the other is being read.
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil) throws -> CommandRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer { try? outHandle.close(); try? errHandle.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus,
                          stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Runs `NAME ARGUMENTS` found on the PATH (through /usr/bin/env).
    public static func run(_ name: String, _ arguments: [String], in directory: URL? = nil,
                           environment: [String: String]? = nil) throws -> CommandRun {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory, environment: environment)
    }
}
