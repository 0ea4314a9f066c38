import Foundation
import Testing
@testable import Programme

/// A session's facilitators come from its content: as declared, else the roles that lead its
/// activities in the programme's role order. One role, two or three all load.
@Suite struct FacilitatorRolesTests {
    static func load(_ name: String) throws -> Programme {
        let check = ProgrammeLoader.load(path: Fixtures.folder.appendingPathComponent("Fixtures/\(name)").path)
        #expect(check.diagnostics.errorCount == 0, "\(check.diagnostics.map(\.description))")
        return try #require(check.programme)
    }

    @Test func aOneRoleProgrammeHasOneFacilitatorPerSession() throws {
        let programme = try Self.load("solo")
        #expect(programme.roles.map(\.id) == ["coach"])
        #expect(programme.session("talk-1")?.facilitators == ["coach"])
        #expect(programme.session("talk-1")?.declaresFacilitators == false)
    }

    @Test func withoutFacilitatorsTheLeadingRolesComeInTheProgrammesOrder() throws {
        let programme = try Self.load("trio")
        // day-a's activities are led by peer, then physio and psych together, then psych; the
        // programme lists physio, psych, peer: so physio, psych, peer.
        #expect(programme.session("day-a")?.facilitators == ["physio", "psych", "peer"])
        // The check-in declares the psychologist alone.
        #expect(programme.session("check-in")?.facilitators == ["psych"])
        #expect(programme.session("check-in")?.declaresFacilitators == true)
    }

    @Test func theMiniProgrammesSessionsKeepTheirTwoAndOneFacilitators() throws {
        let programme = try Self.load("mini")
        // group-1: welcome led by nurse and lay, practice by lay; call-1 by nurse only.
        #expect(programme.session("group-1")?.facilitators == ["nurse", "lay"])
        #expect(programme.session("call-1")?.facilitators == ["nurse"])
    }

    @Test func aDeclaredListMayHoldARoleThatLeadsNothing() throws {
        let scratch = try ScratchProgramme()
        // A nurse who sits in on the call without leading an item is still a facilitator of it.
        try scratch.replace("sessions/call-1.yaml", "planned_minutes: 15\n", with: "planned_minutes: 15\nfacilitators: [lay, nurse]\n")
        let programme = try #require(scratch.load().programme)
        #expect(programme.session("call-1")?.facilitators == ["lay", "nurse"])
    }

    @Test func declaringTheDefaultChangesTheFingerprintLeavingItOutDoesNot() throws {
        let scratch = try ScratchProgramme()
        let before = try #require(scratch.load().programme).fingerprint
        // Releases pin the old fingerprint: content without `facilitators:` keeps it.
        #expect(before == "sha256:b254178f5d0bbfd5c7e037be08f5586fe27293364779cf3f6fd1f019a32a3f4c")
        try scratch.replace("sessions/call-1.yaml", "planned_minutes: 15\n", with: "planned_minutes: 15\nfacilitators: [nurse]\n")
        #expect(try #require(scratch.load().programme).fingerprint != before)
    }

    @Test func aLeadOutsideTheFacilitatorsIsAnErrorAtTheLead() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("sessions/group-1.yaml", "planned_minutes: 60\n", with: "planned_minutes: 60\nfacilitators: [lay]\n")
        let check = scratch.load()
        #expect(check.programme == nil)
        let problems = check.diagnostics.map { "\($0.line): \($0.message) | \($0.help)" }
        // welcome (its lead on line 19 once the list is added) is led by [nurse, lay]: nurse is not held.
        #expect(problems == ["19: the role `nurse` leads this activity but is not among the session's facilitators | The session's facilitators (line 7) are: lay. Add `nurse` to `facilitators:`, or change the lead."])
    }
}

/// `dose: counts: contacts` counts every delivery attended; left out, sessions once each.
@Suite struct DoseCountingTests {
    @Test func sessionsAreCountedUnlessTheRuleSaysContacts() throws {
        let scratch = try ScratchProgramme()
        #expect(try #require(scratch.load().programme).dose.counts == .sessions)
        // Three calls of call-1: more than the one session listed, allowed when counting contacts.
        try scratch.replace("programme.yaml", "  sessions: [group-1]\n  minimum: 1\n", with: "  sessions: [call-1]\n  minimum: 3\n  counts: contacts\n")
        let programme = try #require(scratch.load().programme)
        #expect(programme.dose == DoseRule(sessions: ["call-1"], minimum: 3, description: "Attended the group session.", counts: .contacts))
    }

    @Test func anUnknownCountingIsAnErrorAndTooHighAMinimumOfSessionsStillIs() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("programme.yaml", "  minimum: 1\n", with: "  minimum: 3\n  counts: visits\n")
        let messages = scratch.load().diagnostics.map(\.message)
        #expect(messages.count == 1 && messages[0].contains("visits"), "\(messages)")
        let sessions = try ScratchProgramme()
        try sessions.replace("programme.yaml", "  minimum: 1\n", with: "  minimum: 3\n  counts: sessions\n")
        #expect(sessions.load().diagnostics.map(\.message) == ["the dose needs 3 sessions but only 1 count towards it"])
    }
}
