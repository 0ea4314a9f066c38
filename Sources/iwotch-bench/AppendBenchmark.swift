import Foundation
import Journal

/// Durable append latency: the time a facilitator waits between pressing a key and the screen
/// saying "saved". Each `append` returns only after fsync, so this is mostly the disk's flush time.
/// Reference: sqlite3 storing the same lines, one transaction per row, synchronous=FULL, in
/// rollback-journal (DELETE) mode, in the same folder.
struct AppendBenchmark {
    let scenario: Scenario
    let count: Int

    func run() throws {
        let folder = try Scratch.folder("append")
        defer { Scratch.remove(folder) }

        let (iwotch, lines) = try appendToJournal(in: folder)
        let shell = try SQLiteShell(database: folder.appendingPathComponent("reference.db"))
        defer { shell.close() }
        let (sqlite, version, roundTrip) = try insertIntoSQLite(shell, lines: lines)

        let average = lines.dropFirst().reduce(0) { $0 + $1.count } / count
        print("")
        print("append: delivery-opened, then \(Figures.count(count)) events, each on disk (fsync) before the call returns")
        print("  disk:  \(Machine.fileSystem(of: folder))")
        print("  lines: \(average) bytes on average (attendance-marked, fidelity-rated, step-shown in turn);")
        print("         sqlite3 \(version) stores the same lines, one transaction per row")
        print(Figures.row("", ["median", "p99", "max", "events/s"]))
        for (label, stats) in [("iwotch JournalWriter.append", iwotch), ("sqlite3 INSERT (reference)", sqlite)] {
            print(Figures.row("  " + label, [Figures.duration(stats.median), Figures.duration(stats.p99), Figures.duration(stats.max),
                                            Figures.rate(stats.perSecond)]))
        }
        print("  (sqlite3 figures include a pipe round trip to its process: \(Figures.duration(roundTrip)) median on its own)")
        let ratio = iwotch.median / sqlite.median
        print("  ratio of medians, iwotch / sqlite3: " + String(format: "%.2f", ratio)
              + (ratio < 1 ? " (iwotch waits less per event)" : " (iwotch waits longer per event)"))
    }

    /// Appends delivery-opened (untimed, like creating the file) and then `count` timed events.
    /// Returns the timings and every line written, for sqlite3 to store the very same bytes.
    private func appendToJournal(in folder: URL) throws -> (LatencyStats, [String]) {
        var time = scenario.start
        let (writer, opening) = try JournalWriter.create(in: folder, delivery: "bench-append", mode: .rehearsal,
                                                         opening: scenario.opened, actor: "NF1", at: time, utcOffsetMinutes: 0)
        var events = [opening]
        events.reserveCapacity(count + 1)
        let rated = scenario.activities.flatMap { item in item.fidelity.map { (item, $0) } }
        var samples: [UInt64] = []
        samples.reserveCapacity(count)
        let wallStart = nanoseconds()
        for index in 0..<count {
            let body: EventBody
            switch index % 3 {
            case 0:
                body = .attendanceMarked(AttendanceMarked(participant: scenario.participants[index / 3 % scenario.participants.count], status: .present))
            case 1:
                let (item, fidelity) = rated[index / 3 % rated.count]
                body = .fidelityRated(FidelityRated(activity: item.id, item: fidelity, level: scenario.opened.fidelityScale[0].id,
                                                    deliveredBy: item.lead))
            default:
                let item = rated[index / 3 % rated.count].0
                body = .stepShown(StepShown(activity: item.id, step: index / 3 % 6))
            }
            time += 5
            let start = nanoseconds()
            let event = try writer.append(body, actor: scenario.facilitators[index % 2], at: time, utcOffsetMinutes: 0)
            samples.append(nanoseconds() - start)
            events.append(event)
        }
        let stats = LatencyStats(samples: samples, wall: nanoseconds() - wallStart)
        // Encoding is deterministic (sorted keys), so these are the bytes in the file.
        return (stats, try events.map { String(decoding: try LineCodec.encode($0), as: UTF8.self) })
    }

    private func insertIntoSQLite(_ shell: SQLiteShell, lines: [String]) throws -> (LatencyStats, String, Double) {
        let mode = try shell.run("PRAGMA journal_mode=DELETE;")
        guard mode == ["delete"] else { throw BenchError("sqlite3 would not use journal_mode=DELETE (it said \(mode))") }
        try shell.run("PRAGMA synchronous=FULL;")
        let version = try shell.run("SELECT sqlite_version();").first ?? "?"
        try shell.run("CREATE TABLE events(seq INTEGER PRIMARY KEY, line TEXT NOT NULL);")
        // Autocommit: every INSERT is its own transaction, committed and synced before the marker.
        let inserts = lines.enumerated().map { "INSERT INTO events(seq, line) VALUES (\($0.offset + 1), \(SQLiteShell.quote($0.element)));" }
        try shell.run(inserts[0])

        // What the pipe itself costs, so the reader can subtract it from sqlite3's figures.
        var trips: [UInt64] = []
        for _ in 0..<200 {
            let start = nanoseconds()
            try shell.run("")
            trips.append(nanoseconds() - start)
        }

        var samples: [UInt64] = []
        samples.reserveCapacity(count)
        let wallStart = nanoseconds()
        for insert in inserts.dropFirst() {
            let start = nanoseconds()
            try shell.run(insert)
            samples.append(nanoseconds() - start)
        }
        let stats = LatencyStats(samples: samples, wall: nanoseconds() - wallStart)
        let stored = try shell.run("SELECT count(*) FROM events;").first
        guard stored == String(lines.count) else { throw BenchError("sqlite3 holds \(stored ?? "no") rows, expected \(lines.count)") }
        return (stats, version, LatencyStats(samples: trips, wall: 1).median)
    }
}
