import Foundation
import Testing
import TestSupport

/// The real binary with a keys.yaml under XDG_CONFIG_HOME: a rehearsal stepped with a remapped
/// key and the item in full opened with another; a keys file with a mistake stops the console
/// before it starts, naming the file and line.
@Suite struct KeysFileConsoleTests {
    static func config(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("iwotch"), withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("iwotch/keys.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aRemappedKeyStepsTheRehearsal() async throws {
        let config = try Self.config("walkthrough:\n  next: [j, PgDn]\n  item-in-full: F2\n")
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-keysfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: journal); try? FileManager.default.removeItem(at: config) }
        let tmux = try Tmux()
        try tmux.start(["rehearse", "--session", "group-1", "--journal", journal.path, "--content", LiveSessionTests.mini],
                       environment: ["XDG_CONFIG_HOME": config.path])
        try await tmux.waitFor(text: "Set up a rehearsal", "R01 R02 R03 R04 R05 R06 R07 R08")
        try tmux.sendKeys("Up", "Enter")
        try await tmux.waitFor(text: "Arrival and register", "1 of 5", "j/PgDn step", "F2 text")
        try tmux.sendKeys("s")
        try await tmux.waitFor(text: "Welcome and aims", "step 1 of 2")
        // → is given away: it does nothing; j steps.
        try tmux.sendKeys("Right")
        try tmux.sendKeys("j")
        let stepped = try await tmux.waitFor(text: "step 2 of 2")
        #expect(stepped.contains("[reconstructed]"))
        try tmux.sendKeys("F2")
        let pane = try await tmux.waitForSettled(text: "Item 2 of 5 in full", "Source: reconstructed, Written for the tests.", "Fidelity checklist")
        #expect(pane.contains("Esc back"))
        try tmux.sendKeys("Escape", "q")
        try await tmux.waitFor(text: "Leave the rehearsal?")
        try tmux.sendKeys("y")
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 0)
    }

    @Test func aMistakeInTheKeysFileIsReportedWithItsLine() throws {
        let config = try Self.config("walkthrough:\n  next: [j, PageDwn]\n")
        defer { try? FileManager.default.removeItem(at: config) }
        let run = try BuiltBinary.run(["keys"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(config.path + "/iwotch/keys.yaml:2:13: error: unknown key name `PageDwn`"), "\(run.stderr)")
        #expect(run.stderr.contains("The keys file has a problem: fix it, or move it away to use the standard keys."))
    }
}
