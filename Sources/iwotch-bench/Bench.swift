import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Benchmarks of the journal, each printed beside a reference tool on the same machine and disk.
/// It reports figures and never asserts them: timings depend on the disk, the kernel and the load,
/// so a threshold here would only make the build flaky. Run in release (Scripts/bench does).
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "iwotch-bench",
        abstract: "Measures the journal: durable append latency (vs sqlite3) and replay throughput (vs jq).",
        subcommands: [MachineCommand.self, AppendCommand.self, ReplayCommand.self, ReportBenchCommand.self, HomeBenchCommand.self, GenerateCommand.self],
        defaultSubcommand: MachineCommand.self
    )
}

/// Options every benchmark shares.
struct CommonOptions: ParsableArguments {
    @Option(help: "The programme whose longest group session the events follow.")
    var content = "Content/i-wotch"

    @Flag(help: "Leave out the machine header (Scripts/bench prints it once).")
    var noHeader = false

    func header() {
        if !noHeader { print(Machine.header()) }
    }
}

struct MachineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "machine", abstract: "Prints the machine the figures come from.")
    func run() { print(Machine.header()) }
}

struct AppendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Durable append latency: each append returns after fsync. Reference: sqlite3, one transaction per row, synchronous=FULL.")

    @Option(help: "Events to append after delivery-opened.")
    var count = 1000

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1.") }
    }

    func run() throws {
        common.header()
        let scenario = try Scenario.load(content: common.content)
        try AppendBenchmark(scenario: scenario, count: count).run()
    }
}

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay throughput over a generated journal: read, decode, fold, verify the chain. Reference: jq -c .")

    @Option(help: "Events in the generated journal.")
    var count = 1_000_000

    @Flag(help: "Keep the generated journal file instead of deleting it.")
    var keep = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard count > 1 else { throw ValidationError("--count must be at least 2.") }
    }

    func run() throws {
        common.header()
        let scenario = try Scenario.load(content: common.content)
        try ReplayBenchmark(scenario: scenario, count: count, keep: keep).run()
    }
}

/// Scratch space on the same disk as the current directory, so the disk measured is the one the
/// project lives on (not a tmpfs /tmp). `.build` is git-ignored.
enum Scratch {
    static let root = URL(fileURLWithPath: ".build/bench-tmp", isDirectory: true)

    static func folder(_ name: String) throws -> URL {
        let folder = root.appendingPathComponent("\(name)-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes a run's folder, and the scratch root once nothing else is in it.
    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
        rmdir(root.path)
    }
}
