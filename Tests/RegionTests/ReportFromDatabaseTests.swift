import Foundation
import Region
import Testing
import TestSupport

/// Reports, the REDCap export, the check and the audit screen from the database are those from the
/// same journals gathered on disk, byte for byte: the database's deliveries are read as
/// `live/FILE`, so the files are gathered into `live/` and reported on from the folder above it.
@Suite(.enabled(if: TestServer.available, "IWOTCH_TEST_DATABASE_URL is not set (Scripts/test sets it)"), .serialized)
struct ReportFromDatabaseTests {
    /// The URL of `address` as the command line takes it (no password: trust on the test socket).
    static func url(_ address: DatabaseAddress) -> String {
        "postgres://\(address.user)@localhost:\(address.port)/\(address.database)" + (address.socketFolder.map { "?host=\($0)" } ?? "")
    }

    /// Every report in two formats, with and without filters.
    static let reports: [[String]] = {
        var runs: [[String]] = []
        for report in ["fidelity", "attendance", "timing"] {
            runs.append(["report", report, "--format", "json"])
            runs.append(["report", report, "--format", "terminal", "--width", "120"])
            runs.append(["report", report, "--format", "markdown", "--site", "S1", "--site", "s3", "--from", "2026-03-03"])
        }
        runs.append(["report", "sessions", "--format", "csv", "--seed", "7"])
        runs.append(["report", "sessions", "--format", "html", "--seed", "7", "--to", "2026-03-04"])
        runs.append(["report", "fidelity", "--format", "csv", "--table", "sites"])
        return runs
    }()

    func compare(gathered: URL, address: DatabaseAddress, role: DatabaseAddress? = nil) throws {
        let database = Self.url(role ?? address)
        for arguments in Self.reports {
            let files = try BuiltBinary.run(arguments + ["live"], in: gathered)
            let stored = try BuiltBinary.run(arguments + ["--database", database], in: gathered)
            #expect(files.status == 0, "\(arguments): \(files.stderr)")
            #expect(stored.status == files.status, "\(arguments): \(stored.stderr)")
            #expect(stored.stdout == files.stdout, "\(arguments.joined(separator: " ")) differs from the database")
            #expect(!files.stdout.isEmpty)
        }
        // The REDCap export: the three files the same.
        let fromFiles = gathered.appendingPathComponent("export-files"), fromDatabase = gathered.appendingPathComponent("export-database")
        #expect(try BuiltBinary.run(["export", "redcap", "live", "--to-folder", fromFiles.path], in: gathered).status == 0)
        #expect(try BuiltBinary.run(["export", "redcap", "--database", database, "--to-folder", fromDatabase.path], in: gathered).status == 0)
        for name in ["iwotch-redcap-dictionary.csv", "iwotch-redcap-repeating.csv", "iwotch-redcap-records.csv"] {
            #expect(try Data(contentsOf: fromFiles.appendingPathComponent(name)) == Data(contentsOf: fromDatabase.appendingPathComponent(name)), "\(name)")
        }
        // The check: the same verdict and count line.
        let check = try BuiltBinary.run(["journal", "check", "live"], in: gathered)
        let databaseCheck = try BuiltBinary.run(["db", "check", "--database", database], in: gathered)
        #expect(databaseCheck.status == check.status)
        #expect(databaseCheck.output == check.output)
    }

    /// Three laptops synced by the CLI; their files gathered by hand, as a supervisor did.
    @Test func threeLaptopsReportTheSameFromTheDatabaseAsGathered() async throws {
        let laptops = try Laptops.make()
        defer { laptops.remove() }
        let gathered = laptops.root.appendingPathComponent("gathered")
        try FileManager.default.createDirectory(at: gathered.appendingPathComponent("live"), withIntermediateDirectories: true)
        try await TestServer.withDatabase { address in
            try await SyncTests.addSites(address)
            for laptop in ["B", "A", "C"] {
                let run = try BuiltBinary.run(["sync", "--database", Self.url(address), "--journal", laptops.live(laptop).deletingLastPathComponent().path])
                #expect(run.status == 0, "\(run.output)")
                for name in try FileManager.default.contentsOfDirectory(atPath: laptops.live(laptop).path) {
                    try FileManager.default.copyItem(at: laptops.live(laptop).appendingPathComponent(name),
                                                     to: gathered.appendingPathComponent("live/\(name)"))
                }
            }
            try compare(gathered: gathered, address: address)

            // The audit screen: the same deliveries list, and the same first delivery opened.
            let files = try Tmux(), database = try Tmux()
            try files.start(["audit", gathered.appendingPathComponent("live").path], width: 100, height: 30)
            try database.start(["audit", "--database", Self.url(address)], width: 100, height: 30)
            // Each screen is compared once drawn whole and still, without the clock in its title line.
            func body(_ screen: String) -> String { screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n") }
            // Two programmes are bundled: each screen first asks which, as the home screen does.
            for screen in [files, database] {
                try await screen.waitFor(text: "Choose a programme", "I-WOTCH facilitator training")
                try screen.sendKeys("Enter")
            }
            let listed = "5 live deliveries from 5 journal files", keys = "Esc leave"
            let fromFiles = try await files.waitForSettled(text: listed, keys), fromDatabase = try await database.waitForSettled(text: listed, keys)
            #expect(body(fromDatabase) == body(fromFiles))
            try files.sendKeys("Enter")
            try database.sendKeys("Enter")
            let opened = "Register"
            let deliveryFromFiles = try await files.waitForSettled(text: opened), deliveryFromDatabase = try await database.waitForSettled(text: opened)
            #expect(body(deliveryFromDatabase) == body(deliveryFromFiles))
        }
    }

    /// A generated region of 60 deliveries at 12 sites (51 closed of 10 lines, 9 open of 9: 591), with a borough supervisor reading only
    /// their borough's, compared with only that borough's files.
    @Test func aGeneratedRegionReportsTheSameAndABoroughSeesItsOwn() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-region-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let laptop = root.appendingPathComponent("laptop/live")
        try Laptops.region(60, in: laptop)
        try await TestServer.withDatabase { address in
            // Sites S1 to S6 are East, S7 to S12 West.
            try await TestServer.owner(address, "INSERT INTO iwotch.boroughs VALUES ('east'), ('west');"
                + (1...12).map { "INSERT INTO iwotch.sites VALUES ('s\($0)', '\($0 <= 6 ? "east" : "west")');" }.joined())
            let run = try BuiltBinary.run(["sync", "--database", Self.url(address), "--journal", laptop.deletingLastPathComponent().path])
            #expect(run.status == 0, "\(run.output)")
            #expect(run.stdout.contains("Sent 591 lines of 60 deliveries"), "\(run.stdout)")

            let all = root.appendingPathComponent("all")
            try FileManager.default.createDirectory(at: all, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: laptop, to: all.appendingPathComponent("live"))
            try compare(gathered: all, address: address)

            let east = root.appendingPathComponent("east")
            try FileManager.default.createDirectory(at: east.appendingPathComponent("live"), withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: laptop.path) {
                let index = Int(name.split(separator: "-r").last!.prefix(3))!
                if index % 12 + 1 <= 6 { try FileManager.default.copyItem(at: laptop.appendingPathComponent(name), to: east.appendingPathComponent("live/\(name)")) }
            }
            let supervisor = try await TestServer.role("iwotch_supervisor", in: address, label: "sup_east")
            try await TestServer.owner(address, "INSERT INTO iwotch.supervisor_boroughs VALUES ('\(supervisor.user)', 'east')")
            try compare(gathered: east, address: address, role: supervisor)
        }
    }
}
