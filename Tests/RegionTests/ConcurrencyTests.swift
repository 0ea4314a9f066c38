import Foundation
import Journal
import Region
import Testing
import TestSupport

/// Syncs at the same moment: the same laptop twice (a facilitator starting a second sync while the
/// first runs), and two laptops. Every event is stored once, neither run reports a conflict, and
/// the lines the runs say they stored add up to the lines there are.
@Suite(.enabled(if: TestServer.available, "IWOTCH_TEST_DATABASE_URL is not set (Scripts/test sets it)"))
struct ConcurrencyTests {
    /// Syncs each folder on its own connection, all at once; small transactions so the runs interleave.
    static func together(_ address: DatabaseAddress, _ folders: [URL]) async throws -> [[Sync.Outcome]] {
        let journals = try folders.map { try SyncTests.journals($0) }
        return try await withThrowingTaskGroup(of: [Sync.Outcome].self) { group in
            for set in journals {
                group.addTask { try await RegionDatabase.with(address) { try await Sync.run($0, journals: set, linesPerTransaction: 3) } }
            }
            var all: [[Sync.Outcome]] = []
            for try await outcomes in group { all.append(outcomes) }
            return all
        }
    }

    @Test func theSameLaptopTwiceAtOnceStoresEachLineOnce() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            // Five rounds: the race falls differently each time.
            for round in 1...5 {
                let runs = try await Self.together(address, [laptops.live("A"), laptops.live("A")])
                let outcomes = runs.flatMap { $0 }
                #expect(outcomes.allSatisfy { $0.problem == nil }, "round \(round): \(outcomes.compactMap(\.problem))")
                // Laptop A holds 10 + 9 lines; the first round stores them, once, between the two runs.
                #expect(outcomes.reduce(0) { $0 + $1.sent } == (round == 1 ? 19 : 0), "round \(round)")
                #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 19)
            }
        }
    }

    @Test func twoLaptopsAtOnceAndThreeCopiesOfOneStoreEveryEventOnce() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            let runs = try await Self.together(address, [laptops.live("A"), laptops.live("C"), laptops.live("C"), laptops.live("B")])
            let outcomes = runs.flatMap { $0 }
            #expect(outcomes.allSatisfy { $0.problem == nil }, "\(outcomes.compactMap(\.problem))")
            // 19 (A) + 20 (C) + 10 (B) = 49 lines, each stored by exactly one run.
            #expect(outcomes.reduce(0) { $0 + $1.sent } == 49)
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 49)
            #expect(try await SyncTests.count(address, "SELECT count(DISTINCT event_id) FROM iwotch.events") == 49)
            let stored = try await RegionDatabase.with(address) { try await StoredJournal.all($0) }
            #expect(JournalCheck.run(stored.map(\.url), load: { url in stored.first { $0.url == url }!.data }).errorCount == 0)
        }
    }

    /// As a facilitator would: two `iwotch sync` processes of the same laptop started together.
    @Test func twoSyncCommandsOfTheSameLaptopAtOnce() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            let arguments = ["sync", "--database", ReportFromDatabaseTests.url(address), "--journal", laptops.live("A").deletingLastPathComponent().path]
            let runs = Runs()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in runs.add(try? BuiltBinary.run(arguments)) }
            #expect(runs.all.count == 2)
            for run in runs.all { #expect(run.status == 0, "\(run.output)") }
            // "Sent N lines of ..." from each: 19 between them (Laptops: A holds 10 + 9 lines).
            let sent = runs.all.compactMap { run in
                run.stdout.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            }
            #expect(sent.reduce(0, +) == 19, "\(runs.all.map(\.stdout))")
            #expect(try await SyncTests.count(address, "SELECT count(*) FROM iwotch.events") == 19)
        }
    }
}

/// The runs of commands started together, collected from several threads.
final class Runs: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [CommandRun] = []
    func add(_ run: CommandRun?) { lock.lock(); if let run { runs.append(run) }; lock.unlock() }
    var all: [CommandRun] { lock.lock(); defer { lock.unlock() }; return runs }
}
