import Foundation
import Testing
import TestSupport

@Suite struct ContentCheckCommandTests {
    @Test func theBundledProgrammeIsCleanAndFingerprinted() throws {
        let run = try BuiltBinary.run(["content", "check", "Content/i-wotch"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Content/i-wotch: I-WOTCH version"))
        #expect(run.stdout.contains("7 sessions"))
        #expect(run.stdout.contains("day-1 "))
        #expect(run.stdout.range(of: #"fingerprint sha256:[0-9a-f]{64}\n"#, options: .regularExpression) != nil)
        #expect(run.stderr.isEmpty)
    }

    @Test func withNoPathItFindsTheBundledProgramme() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let run = try BuiltBinary.run(["content", "check", "--quiet"], in: elsewhere)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("fingerprint sha256:"))
    }

    @Test func contentProblemsExitOneWithEveryProblemOnStandardError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mini = Repository.root.appendingPathComponent("Tests/ProgrammeTests/Fixtures/mini")
        try FileManager.default.copyItem(at: mini, to: folder)
        let session = folder.appendingPathComponent("sessions/group-1.yaml")
        let text = try String(contentsOf: session, encoding: .utf8)
            .replacingOccurrences(of: "lead: lay", with: "lead: lya")
            .replacingOccurrences(of: "planned_minutes: 60", with: "planned_minutes: 61")
        try text.write(to: session, atomically: true, encoding: .utf8)

        let run = try BuiltBinary.run(["content", "check", folder.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "no fingerprint for broken content")
        #expect(run.stderr.contains("group-1.yaml:43:11: error: unknown role `lya`"))
        #expect(run.stderr.contains("group-1.yaml:6:18: error: the agenda adds up to 60 minutes but planned_minutes is 61"))
        #expect(run.stderr.contains("2 errors in 3 files checked"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    /// A FIFO for a session file (reading it would wait forever) and minutes of Int.max (summing
    /// them would overflow): each is an error with its file and line, and the check ends.
    @Test func aFIFOAndAHugeNumberAreContentErrorsNotAHangOrATrap() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Tests/ProgrammeTests/Fixtures/mini"), to: folder)
        let call = folder.appendingPathComponent("sessions/call-1.yaml")
        try FileManager.default.removeItem(at: call)
        #expect(mkfifo(call.path, 0o600) == 0)
        let session = folder.appendingPathComponent("sessions/group-1.yaml")
        let text = try String(contentsOf: session, encoding: .utf8)
            .replacingOccurrences(of: "    minutes: 20\n    lead: lay", with: "    minutes: 9223372036854775807\n    lead: lay")
        try text.write(to: session, atomically: true, encoding: .utf8)

        let run = try BuiltBinary.run(["content", "check", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("call-1.yaml:1:1: error: call-1.yaml is not a regular file: it is a FIFO (named pipe)"))
        #expect(run.stderr.contains("group-1.yaml:42:14: error: minutes is 9223372036854775807; it must be from 1 to 600"))
        #expect(run.stderr.contains("2 errors in 3 files checked"))
        #expect(!run.stderr.contains("permission"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func aMissingProgrammeIsAContentErrorNotACrash() throws {
        let run = try BuiltBinary.run(["content", "check", "/nonexistent/programme"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/nonexistent/programme/programme.yaml:1:1: error: no programme file here"))
    }

    @Test func usageErrorsExitTwo() throws {
        let run = try BuiltBinary.run(["content", "check", "--no-such-flag"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown option '--no-such-flag'"))
        #expect(try BuiltBinary.run(["content", "check", "a", "b"]).status == 2)
    }

    @Test func helpExitsZero() throws {
        let run = try BuiltBinary.run(["content", "check", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: iwotch content check"))
    }
}

@Suite struct OverviewTests {
    @Test func withNoCommandItShowsTheProgramme() throws {
        let run = try BuiltBinary.run([])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("I-WOTCH (version"))
        #expect(run.stdout.contains(" 1. Day 1: Living with pain"))
        #expect(run.stdout.contains("iwotch content check"))
        // Every bundled programme, the training course scheduled by day.
        #expect(run.stdout.contains("I-WOTCH facilitator training (version 2026.1, Content/iwotch-training)"), "\(run.stdout)")
        #expect(run.stdout.contains("330 min  the first day\n") && run.stdout.contains("330 min  2 days after the first\n"))
    }

    /// With two programmes bundled, a command that needs one asks which, naming both; content
    /// check with no path checks each.
    @Test func severalProgrammesAreNamedAndCheckedEach() throws {
        let audit = try BuiltBinary.run(["audit", "--journal", FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-none").path])
        #expect(audit.status == 1)
        #expect(audit.stderr.contains("There are 2 programmes: I-WOTCH (Content/i-wotch), I-WOTCH facilitator training (Content/iwotch-training). "
                                         + "Name the one to use, for example --content Content/i-wotch."), "\(audit.stderr)")
        let check = try BuiltBinary.run(["content", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Content/i-wotch: I-WOTCH version") && check.stdout.contains("Content/iwotch-training: I-WOTCH facilitator training version 2026.1"), "\(check.stdout)")
    }

    @Test func diagnosticsNameTheCursesLibraryAndContent() throws {
        let run = try BuiltBinary.run(["diagnostics"], environment: ["TERM": "xterm-256color"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("curses    ncurses 6"))
        #expect(run.stdout.contains("colours   256"))
        #expect(run.stdout.contains("content   Content/i-wotch (i-wotch"))
        #expect(run.stdout.contains("content   Content/iwotch-training (iwotch-training 2026.1"))
    }
}
