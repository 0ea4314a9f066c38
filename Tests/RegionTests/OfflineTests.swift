import Foundation
import Glibc
import Testing
import TestSupport

/// `iwotch sync --status` with the database out of reach: it says so, says what this laptop holds
/// that was not stored at the last sync, exits 3, and never hangs. No server needed: a socket that
/// listens and never answers stands for a venue's dead network, a closed port for a stopped server.
@Suite struct OfflineTests {
    /// A loopback socket that takes connections (the kernel completes them) and never answers.
    static func silentListener() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test func aServerThatNeverAnswersIsGivenUpOnAndTheLaptopSaysWhatIsUnsent() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let (fd, port) = try Self.silentListener()
        defer { close(fd) }
        let journal = laptops.live("A").deletingLastPathComponent().path
        let started = Date()
        let run = try BuiltBinary.run(["sync", "--status", "--journal", journal, "--database", "postgres://nobody@127.0.0.1:\(port)/region?connect_timeout=2"],
                                      environment: ["PGPASSFILE": "/nonexistent", "PGPASSWORD": ""])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 3, "\(run.output)")
        #expect(seconds < 8, "took \(seconds) s")
        #expect(run.stderr.contains("Could not reach postgres://nobody@127.0.0.1:\(port)/region: no answer within 2 seconds"), "\(run.stderr)")
        // Laptop A: D1 10 lines, D2 9 (Laptops); never synced with this database, so all 19 are unsent.
        #expect(run.stdout.contains("Offline: postgres://nobody@127.0.0.1:\(port)/region cannot be reached. This laptop holds 2 live journals (19 lines); 19 lines of 2 deliveries were not stored as far as this laptop knows (it has no record of a sync with this database)."), "\(run.stdout)")
        // `iwotch sync` itself gives up the same way.
        let sync = try BuiltBinary.run(["sync", "--journal", journal, "--database", "postgres://nobody@127.0.0.1:\(port)/region"],
                                       environment: ["PGPASSFILE": "/nonexistent", "PGCONNECT_TIMEOUT": "1"])
        #expect(sync.status == 3, "\(sync.output)")
        #expect(sync.stderr.contains("no answer within 1 seconds"), "\(sync.stderr)")
    }

    @Test func aStoppedServerIsUnreachableAndTheLastSyncIsRemembered() throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        // A port nobody listens on: bound, then closed.
        let (fd, port) = try Self.silentListener()
        close(fd)
        let root = laptops.live("A").deletingLastPathComponent()
        let url = "postgres://nobody@127.0.0.1:\(port)/region"
        // As a sync that stored all of D1 and 5 lines of D2 would have left it.
        // D1's count out of range (an edited file): dropped, never computed with, so D1 counts as unsent.
        let record = #"{"at":"2026-03-09T12:00:00.000Z","database":"\#(url)","stored":{"2026-03-02-G1-day-a-d1":-9223372036854775808,"2026-03-09-G2-day-a-d2":5}}"#
        try Data(record.utf8).write(to: root.appendingPathComponent("region-sync.json"))
        let run = try BuiltBinary.run(["sync", "--status", "--journal", root.path, "--database", url], environment: ["PGPASSFILE": "/nonexistent"])
        #expect(run.status == 3, "\(run.output)")
        #expect(run.stderr.contains("Could not reach \(url)"), "\(run.stderr)")
        #expect(run.stdout == """
            2026-03-02-G1-day-a-d1: 10 lines not stored at the last sync (0 of 10)
            2026-03-09-G2-day-a-d2: 4 lines not stored at the last sync (5 of 9)
            Offline: \(url) cannot be reached. This laptop holds 2 live journals (19 lines); 14 lines of 2 deliveries were not stored at the last sync with it (2026-03-09T12:00:00.000Z). They are safe here; run `iwotch sync` when the network is back.

            """)
    }
}
