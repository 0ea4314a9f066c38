import Foundation
@testable import Journal
import Testing
import TestSupport

/// What the command line prints and writes, run as a user would: control characters held in a
/// journal never reach standard output, files are created 0600, and each exit status means one thing.
@Suite(.serialized) struct OutputsCommandTests {
    static let delivery = "2026-03-02-G1-day-a-0c4e7d21"
    static let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}c\u{07}"

    /// A journal folder holding one open delivery; `hostile` puts ESC, BEL, `ESC c` and OSC 52
    /// into its site, session title, activity title and a participant code.
    static func journalFolder(hostile: Bool) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-outputs-\(UUID().uuidString.prefix(8))")
        let live = JournalDirectory(root: root).folder(for: .live)
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
        let bad = hostile ? Self.hostile : ""
        let session = DeliveryOpened.SessionSnapshot(id: "day-a", title: "Day A" + bad, kind: "group", mode: "face-to-face", plannedMinutes: 20, agenda: [
            .init(id: "act-1", kind: "activity", title: "Understanding pain" + bad, minutes: 20, lead: ["nurse"], fidelity: ["i1"]),
        ])
        let opening = DeliveryOpened(
            programme: .init(id: "outputs", version: "1.0", fingerprint: "sha256:" + String(repeating: "ab", count: 32)),
            session: session, group: "G1", site: "S1" + bad, facilitators: [.init(code: "N1", role: "nurse")],
            dose: .init(sessions: ["day-a"], minimum: 1, description: "One day."),
            fidelityScale: [.init(id: "fully", label: "Fully", score: 2), .init(id: "not-delivered", label: "Not delivered", score: 0)],
            bands: .init(high: 80, low: 50))
        let at = Date(timeIntervalSince1970: 1_772_442_000)
        // A hand-edited journal can hold what the writer would refuse.
        let (writer, _) = try JournalWriter.create(in: live, delivery: delivery, mode: .live, opening: opening, actor: "N1", at: at,
                                                   utcOffsetMinutes: 0, screened: !hostile)
        try writer.append(.participantEnrolled(.init(participant: "P1" + bad, walkIn: false)), actor: "N1", at: at.addingTimeInterval(5), utcOffsetMinutes: 0)
        writer.close()
        return root
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func noEscapeOrBellReachesStandardOutput() throws {
        let root = try Self.journalFolder(hostile: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("report.md")
        let runs: [[String]] = [
            ["journal", "list", "--journal", root.path],
            ["journal", "check", "--journal", root.path],
            ["report", "sessions", "--journal", root.path, "--seed", "1"],
            ["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "csv"],
            ["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "markdown"],
            ["report", "attendance", "--journal", root.path, "--format", "csv", "--table", "participants"],
            ["report", "fidelity", "--journal", root.path, "--format", "markdown"],
            ["review", Self.delivery, "--journal", root.path, "--template"],
            ["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "markdown", "-o", file.path],
        ]
        for arguments in runs {
            let run = try BuiltBinary.run(arguments)
            #expect(arguments.contains("-o") || !run.stdout.isEmpty, "\(arguments) printed nothing: \(run.stderr)")
            #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(arguments): \(run.stdout.debugDescription)")
            #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(arguments): \(run.stderr.debugDescription)")
        }
        let sheet = try BuiltBinary.run(["review", Self.delivery, "--journal", root.path, "--template"]).stdout
        #expect(sheet.hasPrefix("# Review of \(Self.delivery): Day A^[]52;c;ZXZpbA==^G^[c^G, group G1, site S1^[]52;c;ZXZpbA==^G^[c^G\n"))
        let written = try Data(contentsOf: file)
        #expect(!written.contains(0x1B) && !written.contains(0x07))
        #expect(String(decoding: written, as: UTF8.self).contains("| S1^[\\]52;c;ZXZpbA==^G^[c^G | G1 |"), "Markdown escapes the bracket; the ESC and BEL are shown")
    }

    /// Content whose step holds raw ESC, BEL, `ESC c` and OSC 52, and a mistyped option holding
    /// them: the check refuses the content (status 1), and its diagnostics, like the error, show them escaped.
    @Test func contentAndArgumentsWithTerminalCommandsAreShownEscaped() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-outputs-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Repository.path("Tests/PlanTests/Fixtures/mini"), to: folder)
        let session = folder.appendingPathComponent("sessions/group-1.yaml")
        let text = try String(contentsOf: session, encoding: .utf8)
            .replacingOccurrences(of: "      - Introduce yourselves.", with: "      - \"Introduce \u{1B}]52;c;ZXZpbA==\u{07}\u{1B}c yourselves.\"")
        try text.write(to: session, atomically: true, encoding: .utf8)
        let runs: [[String]] = [
            ["content", "check", folder.path],
            ["plan", "group-1", "--content", folder.path],
            ["diff", "Tests/PlanTests/Fixtures/mini", folder.path],
            ["report", "sessions", "--from", "\u{1B}]52;c;ZXZpbA==\u{07}"],
        ]
        for arguments in runs {
            let run = try BuiltBinary.run(arguments)
            #expect(!run.output.isEmpty, "\(arguments)")
            #expect(!run.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(arguments): \(run.output.debugDescription)")
        }
        for arguments in runs.prefix(3) {
            let run = try BuiltBinary.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("25 |       - \"Introduce ^[]52;c;ZXZpbA==^G^[c yourselves.\"\n"), "\(arguments): \(run.stderr)")
        }
        let error = try BuiltBinary.run(["report", "sessions", "--from", "\u{1B}]52;c;ZXZpbA==\u{07}"])
        #expect(error.status == 2)
        #expect(error.stderr.hasPrefix("Error: --from takes a date as YYYY-MM-DD, such as 2026-03-11; got \"^[]52;c;ZXZpbA==^G\".\n"))
    }

    @Test func reportExportAndPlanFilesAreOwnerOnly() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let report = root.appendingPathComponent("sessions.csv").path
        // An older file in the way is replaced by one of mode 0600.
        FileManager.default.createFile(atPath: report, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644])
        #expect(try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "csv", "-o", report]).status == 0)
        #expect(try Self.mode(report) == 0o600)
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("date,site,group,session,"))
        let exports = root.appendingPathComponent("redcap")
        #expect(try BuiltBinary.run(["export", "redcap", "--journal", root.path, "--to-folder", exports.path]).status == 0)
        for name in ["iwotch-redcap-dictionary.csv", "iwotch-redcap-repeating.csv", "iwotch-redcap-records.csv"] {
            #expect(try Self.mode(exports.appendingPathComponent(name).path) == 0o600, "\(name)")
        }
        let plan = root.appendingPathComponent("plan.html").path
        #expect(try BuiltBinary.run(["plan", "day-3", "-o", plan]).status == 0)
        #expect(try Self.mode(plan) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aDeviceIsWrittenInPlaceAndAFolderIsRefused() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let device = try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "-o", "/dev/null"])
        #expect(device.status == 0, "\(device.stderr)")
        #expect(device.stdout.isEmpty)
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
        let folder = try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "-o", root.path])
        #expect(folder.status == 1)
        #expect(folder.stderr == "Could not write \(root.path): Is a directory.\n")
    }

    /// A ratings sheet is read only when it is a regular file: a FIFO in its place is named as
    /// such at once (reading it would wait for a writer for ever), and nothing is saved.
    @Test func aRatingsSheetThatIsNotAFileIsRefusedWithoutWaiting() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("sheet.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let review = ["review", Self.delivery, "--journal", root.path, "--content", "Content/i-wotch", "--rater", "SUP1", "--method", "audio", "--competence", "3", "--ratings"]
        let run = try BuiltBinary.run(review + [fifo.path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(fifo.path) is not a regular file: it is a FIFO (named pipe). Give the path of a text file.\n", "\(run.stderr)")
        let missing = try BuiltBinary.run(review + [root.appendingPathComponent("nowhere.txt").path])
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(root.appendingPathComponent("nowhere.txt").path): no such file.\n", "\(missing.stderr)")
        let reviews = JournalDirectory(root: root).reviews.path
        #expect((try? FileManager.default.contentsOfDirectory(atPath: reviews))?.isEmpty ?? true, "nothing saved")
        // The same sheet as a file is saved.
        let sheet = root.appendingPathComponent("sheet-file.txt")
        try Data("fully i1\n".utf8).write(to: sheet)
        let saved = try BuiltBinary.run(review + [sheet.path])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.hasPrefix("Saved a review of \(Self.delivery) (1 items, competence 3)"))
    }

    /// `-o report.json` writes JSON (the extension picks the format unless --format says otherwise),
    /// and an option that cannot apply is refused as a usage error, never ignored.
    @Test func theOutputExtensionPicksTheFormatAndInapplicableOptionsAreRefused() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let json = root.appendingPathComponent("report.json").path
        #expect(try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "-o", json]).status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix("{"))
        let csv = root.appendingPathComponent("report.csv").path
        #expect(try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "-o", csv]).status == 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("date,site,group,session,"))
        // --format wins over the extension.
        let forced = root.appendingPathComponent("forced.csv").path
        #expect(try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "markdown", "-o", forced]).status == 0)
        #expect(try String(contentsOfFile: forced, encoding: .utf8).hasPrefix("# "))
        let table = try BuiltBinary.run(["report", "fidelity", "--journal", root.path, "--table", "deliveries"])
        #expect(table.status == 2)
        #expect(table.stderr.hasPrefix("Error: --table chooses the table of CSV output; add --format csv (or write to a file ending .csv).\n"), "\(table.stderr)")
        let export = try BuiltBinary.run(["export", "redcap", "--journal", root.path, "--to-folder", root.appendingPathComponent("x").path,
                                          "-o", "x.csv", "--format", "json"])
        #expect(export.status == 2)
        #expect(export.stderr.hasPrefix("Error: export redcap writes its three CSV files into --to-folder; it takes no --format, -o/--output.\n"), "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("x").path), "nothing written")
    }

    @Test func exitZeroWhenEveryFileIsGood() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
    }

    @Test func exitOneWhenAReportIsMadeWhileAFileFailsItsCheck() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let journal = JournalDirectory(root: root).folder(for: .live).appendingPathComponent(Self.delivery + ".jsonl")
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data("not json\n".utf8))
        try handle.close()
        let run = try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--seed", "1", "--format", "csv"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("date,site,group,session,"), "the report is still written")
        #expect(run.stderr.contains("1 of 1 journals failed the check"))
        #expect(run.stderr.contains("  \(journal.path)\n"), "names the failing file: \(run.stderr)")
        #expect(!run.stderr.contains("Usage:"))
        let export = try BuiltBinary.run(["export", "redcap", "--journal", root.path, "--to-folder", root.appendingPathComponent("out").path])
        #expect(export.status == 1)
        #expect(export.stderr.contains("  \(journal.path)\n"))
    }

    @Test func runtimeFailuresExitOneWithoutAUsageLine() throws {
        let root = try Self.journalFolder(hostile: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let cases: [([String], String)] = [
            (["report", "sessions", "--journal", root.path, "-o", "/nonexistent-folder/r.txt"], "Could not write /nonexistent-folder/r.txt: No such file or directory."),
            (["report", "sessions", "/nonexistent/journals"], "No such file or folder: /nonexistent/journals"),
            (["journal", "list", "/nonexistent/journals"], "No such file or folder: /nonexistent/journals"),
            (["review", "2026-01-01-G9-day-a-00000000", "--journal", root.path, "--template"], "No journal of delivery 2026-01-01-G9-day-a-00000000 in "),
            (["export", "redcap", "--journal", root.path, "--to-folder", "/proc/iwotch-no"], "Could not create /proc/iwotch-no"),
        ]
        for (arguments, message) in cases {
            let run = try BuiltBinary.run(arguments)
            #expect(run.status == 1, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.hasPrefix(message), "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("Usage:") && !run.stderr.contains("USAGE:"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func usageErrorsExitTwoWithAUsageLine() throws {
        let cases: [[String]] = [
            ["report", "sessions", "--from", "2026-13-40"],
            ["report", "sessions", "--format", "pdf"],
            ["report", "sessions", "--width", "10"],
            ["report", "nonsense"],
        ]
        for arguments in cases {
            let run = try BuiltBinary.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("Usage: iwotch report"), "\(arguments): \(run.stderr)")
        }
    }
}
