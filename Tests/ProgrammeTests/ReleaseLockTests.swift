import Foundation
import Testing
@testable import Programme

/// releases.yaml: the versions of a pack released, each with its text's fingerprint.
@Suite struct ReleaseLockTests {
    /// The mini fixture's own lock, released 2026-03-01 with its fingerprint.
    @Test func theFixtureIsAReleasedVersion() throws {
        let programme = try #require(ProgrammeLoader.load(path: Fixtures.mini).programme)
        #expect(programme.release == .released(date: "2026-03-01"))
    }

    @Test func changedTextUnderAReleasedVersionIsChangedAndAnErrorForContentCheck() throws {
        let scratch = try ScratchProgramme()
        let released = try #require(ProgrammeLoader.load(path: scratch.root.path).programme).fingerprint
        try scratch.replace("sessions/group-1.yaml", "title: Welcome and aims", with: "title: Welcome and our aims")
        let programme = try #require(ProgrammeLoader.load(path: scratch.root.path).programme)
        #expect(programme.release == .changed(locked: released))
        let problems = ReleaseLock.check(folder: scratch.root.path, programme: programme)
        #expect(problems.map(\.line) == [5])
        // "  - version: \"1.0\"": two spaces, "- ", "version: " (9) put the value at column 14.
        #expect(problems.map(\.column) == [14])
        #expect(problems.map(\.message) == ["version 1.0 was released with fingerprint \(released), but the text now has \(programme.fingerprint)"])
        #expect(problems.first?.path.hasSuffix("mini/releases.yaml") == true)
    }

    @Test func aNewVersionIsUnreleasedUntilReleased() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("programme.yaml", "version: \"1.0\"", with: "version: \"1.1\"")
        var programme = try #require(ProgrammeLoader.load(path: scratch.root.path).programme)
        #expect(programme.release == .unreleased)
        #expect(ReleaseLock.check(folder: scratch.root.path, programme: programme).isEmpty)
        // Releasing writes the earlier entries and the new one, and the loader then reads it as released.
        guard case .success(let lock?) = ReleaseLock.load(folder: scratch.root.path) else { Issue.record("lock unreadable"); return }
        let added = ReleaseLock.Release(version: "1.1", fingerprint: programme.fingerprint, date: "2026-11-26")
        try scratch.write("releases.yaml", ReleaseLock.text(adding: added, to: lock))
        programme = try #require(ProgrammeLoader.load(path: scratch.root.path).programme)
        #expect(programme.release == .released(date: "2026-11-26"))
        guard case .success(let again?) = ReleaseLock.load(folder: scratch.root.path) else { Issue.record("lock unreadable"); return }
        #expect(again.releases.map(\.version) == ["1.0", "1.1"])
    }

    @Test func withoutALockEveryVersionIsUnreleased() throws {
        let scratch = try ScratchProgramme()
        try FileManager.default.removeItem(at: scratch.url("releases.yaml"))
        #expect(try #require(ProgrammeLoader.load(path: scratch.root.path).programme).release == .unreleased)
    }

    @Test func aBadLockIsReportedWithItsLines() throws {
        let scratch = try ScratchProgramme()
        try scratch.write("releases.yaml", """
        releases:
          - version: "1.0"
            fingerprint: sha256:abc
            date: 2026-03-01
          - version: "0.9"
            fingerprint: sha256:\(String(repeating: "0", count: 64))
            date: 2026-02-01
          - version: "0.9"
            fingerprint: sha256:\(String(repeating: "1", count: 64))
            date: 2026-02-02

        """)
        guard case .failure(let problems) = ReleaseLock.load(folder: scratch.root.path) else { Issue.record("a bad lock was read"); return }
        #expect(problems.diagnostics.map(\.line) == [3, 8])
        #expect(problems.diagnostics.map(\.message) == ["`sha256:abc` is not a fingerprint", "version 0.9 is released twice (first on line 5)"])
        // The programme itself still loads, unreleased: the lock's problems are content check's to report.
        #expect(try #require(ProgrammeLoader.load(path: scratch.root.path).programme).release == .unreleased)
    }
}
