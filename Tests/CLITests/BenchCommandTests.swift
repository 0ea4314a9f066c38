import Foundation
import Testing
import TestSupport

/// The benchmarks run as `Scripts/bench` runs them, on a few events: they write through the same
/// journal writer as the console, so what the writer refuses they must not ask of it.
@Suite struct BenchCommandTests {
    @Test func theAppendBenchmarkWritesJournalsTheWriterAccepts() throws {
        let run = try Command.run(BuiltBinary.url("iwotch-bench"), ["append", "--count", "3", "--no-header"], in: Repository.root)
        #expect(!run.output.contains("Not saved"))
        // Its reference, sqlite3, is installed by Scripts/bench when missing; without it the
        // iwotch half has still run (above), and the table is not printed.
        let hasSQLite = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")
        if hasSQLite {
            #expect(run.status == 0)
            #expect(run.stdout.contains("append: delivery-opened, then 3 events, each on disk (fsync) before the call returns"))
            #expect(run.stdout.contains("iwotch JournalWriter.append"))
        }
    }

    @Test func theRegionYearGeneratorWritesJournalsThatPassTheCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Command.run(BuiltBinary.url("iwotch-bench"), ["generate", "--deliveries", "4", "--folder", folder.path, "--no-header"],
                                        in: Repository.root)
        #expect(generated.status == 0)
        #expect(generated.stdout.hasPrefix("Generated 4 journals, "))
        let check = try BuiltBinary.run(["journal", "check", folder.path])
        #expect(check.status == 0, "\(check.output)")
    }
}
