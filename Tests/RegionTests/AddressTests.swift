import Foundation
import Region
import Testing
import TestSupport

/// Where the database is and who connects, without a server: URLs as libpq reads them, and
/// passwords never from the command line.
@Suite struct AddressTests {
    @Test func aURLGivesUserHostPortDatabaseAndTLS() throws {
        let address = try DatabaseAddress.parse("postgres://sup_camden@db.example.nhs.uk:6543/iwotch?sslmode=require", from: "--database")
        #expect(address.user == "sup_camden")
        #expect(address.host == "db.example.nhs.uk")
        #expect(address.port == 6543)
        #expect(address.database == "iwotch")
        #expect(address.tls == .require)
        #expect(address.socketPath == nil)
    }

    @Test func aSocketFolderNamesTheSocketAsLibpqDoes() throws {
        let address = try DatabaseAddress.parse("postgres://postgres@localhost:15432/postgres?host=/tmp/pg", from: "--database")
        #expect(address.socketPath == "/tmp/pg/.s.PGSQL.15432")
    }

    @Test func aPasswordOnTheCommandLineIsAUsageError() throws {
        #expect(throws: DatabaseAddress.Problem.self) {
            _ = try DatabaseAddress.resolve(option: "postgres://u:secret@h/db", environment: [:])
        }
        let run = try BuiltBinary.run(["sync", "--database", "postgres://u:secret@localhost/db"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--database must not carry a password"))
        #expect(!run.stdout.contains("secret"))
    }

    @Test func thePasswordComesFromTheEnvironmentURLThenPGPASSWORDThenThePasswordFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-pgpass-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass")
        try "# comment\nother:5432:*:u:wrong\nh:5432:db:u:from\\:file\n*:*:*:*:fallback\n".write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let fromFile = try DatabaseAddress.resolve(option: "postgres://u@h/db", environment: ["PGPASSFILE": file.path])
        #expect(fromFile?.password == "from:file")
        let other = try DatabaseAddress.resolve(option: "postgres://v@x/y", environment: ["PGPASSFILE": file.path])
        #expect(other?.password == "fallback")
        let fromVariable = try DatabaseAddress.resolve(option: "postgres://u@h/db", environment: ["PGPASSFILE": file.path, "PGPASSWORD": "pw"])
        #expect(fromVariable?.password == "pw")
        let fromURL = try DatabaseAddress.resolve(option: nil, environment: ["IWOTCH_DATABASE_URL": "postgres://u:inurl@h/db", "PGPASSWORD": "pw"])
        #expect(fromURL?.password == "inurl")
        // A password file others can read is ignored, as libpq ignores it.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let open = try DatabaseAddress.resolve(option: "postgres://u@h/db", environment: ["PGPASSFILE": file.path])
        #expect(open?.password == nil)
    }

    @Test func noDatabaseNamedIsAUsageErrorThatSaysHow() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["IWOTCH_DATABASE_URL"] = nil
        let run = try Command.run(BuiltBinary.iwotch, ["sync"], environment: environment)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--database postgres://USER@HOST/DATABASE or IWOTCH_DATABASE_URL"))
    }

    /// No server at all is "unreachable" (exit 3, OfflineTests), said in the system's words.
    @Test func anUnreachableDatabaseIsAProblemNotACrash() throws {
        let run = try BuiltBinary.run(["sync", "--database", "postgres://nobody@localhost:1/none?host=/nonexistent-iwotch"])
        #expect(run.status == 3)
        #expect(run.stderr.contains("Could not reach postgres://nobody@localhost:1/none?host=/nonexistent-iwotch: No such file or directory. The server is down or not reachable from this network; nothing was sent or changed."), "\(run.stderr)")
    }
}
