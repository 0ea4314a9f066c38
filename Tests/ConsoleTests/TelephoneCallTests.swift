import Foundation
import Testing
import TestSupport

/// The real binary in tmux at 80x24: a telephone call set up with the nurse alone and no group
/// code, the call not answered, closed with one sign-off, then reported as a contact.
@Suite struct TelephoneCallTests {
    @Test func aCallIsDeliveredClosedAndReportedAsAContact() async throws {
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-call-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: journal) }
        let tmux = try Tmux()
        try tmux.start(["run", "--content", LiveSessionTests.mini, "--journal", journal, "--session", "call-1"])
        let setup = try await tmux.waitForSettled(text: "Set up a live session", "Telephone call 1", "Nurse facilitator")
        #expect(!setup.contains("Lay facilitator"), "a call asks for the nurse alone")
        try tmux.sendKeys("Tab", "Tab"); try tmux.sendText("S01")      // the group left empty
        try tmux.sendKeys("Tab"); try tmux.sendText("N01")
        try tmux.sendKeys("Tab"); try tmux.sendText("P01")
        try tmux.sendKeys("Tab", "Enter")
        _ = try await tmux.waitFor(text: " LIVE ", "Review since last contact")
        try tmux.sendKeys("a")
        let register = try await tmux.waitForSettled(text: "Contact with P01: not marked", "u not answered")
        #expect(!register.contains("walk-in") && !register.contains("0 present"))
        try tmux.sendKeys("w", "u")
        _ = try await tmux.waitFor(text: "Contact with P01: not answered")
        try tmux.sendKeys("Escape", "c")
        let close = try await tmux.waitForSettled(text: "Close and sign", "Contact with P01: not answered")
        #expect(!close.contains("absent"))
        try tmux.sendKeys("1", "Enter")
        let info = try await tmux.waitForExit()
        #expect(info.deadStatus == 0)

        let run = try BuiltBinary.run(["report", "attendance", "--journal", journal, "--format", "csv", "--table", "contacts"])
        #expect(run.status == 0, "\(run.stderr)")
        // Site, group (none given: 1TO1), participant, session, kind, mode, contacts, attended,
        // did not attend, not answered, rearranged, not marked, from failed files.
        #expect(run.stdout.contains("S01,1TO1,P01,call-1,one-to-one,telephone,1,0,0,1,0,0,0"), "\(run.stdout)")
    }
}
