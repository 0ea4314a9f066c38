import Foundation
import Testing
import Programme
@testable import Plan

@Suite struct ContentDiffTests {
    let old: Programme
    let new: Programme

    init() throws {
        old = try Fixtures.load(Fixtures.mini)
        new = try Fixtures.load(Fixtures.miniNext)
    }

    @Test func textMatchesGolden() throws {
        expectGolden(ContentDiff(old: old, new: new).text(oldLabel: "mini", newLabel: "mini-1.1"), "diff-mini.txt")
    }

    @Test func markdownMatchesGolden() throws {
        expectGolden(ContentDiff(old: old, new: new).markdown(oldLabel: "mini", newLabel: "mini-1.1"), "diff-mini.md")
    }

    @Test func findsExactlyThePlantedChanges() throws {
        let diff = ContentDiff(old: old, new: new)
        #expect(!diff.isEmpty)
        #expect(diff.programme.version == Change("1.0", "1.1"))
        #expect(diff.programme.bandHigh == Change(80, 85))
        #expect(diff.programme.bandLow == Change(50, 60))
        #expect(diff.programme.fidelityScale.isEmpty && diff.programme.doseMinimum == nil)
        #expect(diff.sessionsAdded.isEmpty && diff.sessionsRemoved.isEmpty && diff.sessionsMoved.isEmpty)
        #expect(diff.sessions.map(\.id) == ["group-1"], "call-1 did not change")

        let session = try #require(diff.sessions.first)
        #expect(session.added.map(\.item.id) == ["g1-reflect"])
        #expect(session.added.first?.after == "g1-break")
        #expect(session.removed.map(\.item.id) == ["g1-practice"])
        #expect(session.moved.isEmpty)
        #expect(session.changed.map(\.id) == ["g1-welcome"])
        let welcome = try #require(session.changed.first)
        #expect(welcome.minutes == Change(20, 25))
        #expect(welcome.retitled == nil && welcome.lead == nil && welcome.steps == nil)
        #expect(welcome.fidelity == [.reworded(id: "g1-welcome-2", behaviour: Change(
            "Explains the aims of the session.", "Explains the aims of the session and asks for questions.")!)])
    }

    @Test func theReportListsOnlyTheChangedActivityAsReTimed() {
        let text = ContentDiff(old: old, new: new).text(oldLabel: "a", newLabel: "b")
        #expect(text.contains("  changed: g1-welcome “Welcome and aims”\n    re-timed: 20 → 25 min\n"))
        #expect(text.components(separatedBy: "re-timed:").count == 2, "one re-timed activity, no other")
        #expect(text.contains("removed: g1-practice “Relaxation practice” (activity, 20 min)"))
        #expect(text.contains("high adherence band: at or above 80% → 85%"))
    }

    @Test func identicalVersionsSaySo() {
        let diff = ContentDiff(old: old, new: old)
        #expect(diff.isEmpty)
        #expect(diff.sessions.isEmpty && diff.programme.isEmpty)
        #expect(diff.text(oldLabel: "a", newLabel: "b").hasSuffix("\nNo differences: the two versions hold the same content.\n"))
        #expect(diff.markdown(oldLabel: "a", newLabel: "b").hasSuffix("\nNo differences: the two versions hold the same content.\n"))
    }

    @Test func stepsAndKeyMessagesAreCountedWithTheirText() throws {
        var changed = old
        changed.sessions[0].agenda[1].steps[1] = "Explain today's aims."
        changed.sessions[0].agenda[1].steps.append("Ask for questions.")
        changed.sessions[0].agenda[1].keyMessages = []
        let item = try #require(ContentDiff(old: old, new: changed).sessions.first?.changed.first)
        let steps = try #require(item.steps)
        #expect((steps.reworded, steps.added, steps.removed) == (1, 1, 0))
        #expect(steps.edits == [.reworded(old: "Explain the aims of the session.", new: "Explain today's aims."),
                                .added("Ask for questions.")])
        #expect(item.keyMessages?.edits == [.removed("Everyone is welcome.")])

        let text = ContentDiff(old: old, new: changed).text(oldLabel: "a", newLabel: "b")
        #expect(text.contains("    steps: 1 reworded, 1 added\n      was: Explain the aims of the session.\n      now: Explain today's aims.\n      added: Ask for questions.\n"))
        #expect(text.contains("    key messages: 1 removed\n      removed: Everyone is welcome.\n"))
    }

    @Test func aStepInsertedEarlyIsOneAdditionNotEveryLaterStepReworded() {
        let change = TextListChange(old: ["a", "b", "c"], new: ["new", "a", "b", "c"])
        #expect(change?.edits == [.added("new")])
        #expect(TextListChange(old: ["a", "b", "c"], new: ["c", "a", "b"])?.edits == [.moved("c")])
        #expect(TextListChange(old: ["a", "a"], new: ["a"])?.edits == [.removed("a")])
        #expect(TextListChange(old: ["a"], new: ["a"]) == nil)
    }

    @Test func movesLeadsAndTitlesAreReported() throws {
        var changed = old
        let practice = changed.sessions[0].agenda.remove(at: 3)
        changed.sessions[0].agenda.insert(practice, at: 1)
        changed.sessions[0].agenda[2].lead = ["nurse"]
        changed.sessions[0].agenda[2].title = "Welcome"
        let session = try #require(ContentDiff(old: old, new: changed).sessions.first)
        #expect(session.moved.map(\.id) == ["g1-practice"])
        #expect(session.moved.first?.position == Change(4, 2))
        let welcome = try #require(session.changed.first { $0.id == "g1-welcome" })
        #expect(welcome.lead == Change(["Nurse facilitator", "Lay facilitator"], ["Nurse facilitator"]))
        #expect(welcome.retitled == Change("Welcome and aims", "Welcome"))
        let text = unwrapped(ContentDiff(old: old, new: changed).text(oldLabel: "a", newLabel: "b"))
        #expect(text.contains("moved: g1-practice “Relaxation practice”: position 4 → 2, now after g1-arrival"))
        #expect(text.contains("lead: Nurse facilitator and Lay facilitator → Nurse facilitator"))
    }

    @Test func anItemMovedToAnotherSessionIsAMoveNotARemoval() throws {
        var changed = old
        let practice = changed.sessions[0].agenda.remove(at: 3)
        changed.sessions[1].agenda.append(practice)
        let diff = ContentDiff(old: old, new: changed)
        let group = try #require(diff.sessions.first { $0.id == "group-1" })
        let call = try #require(diff.sessions.first { $0.id == "call-1" })
        #expect(group.removed.first?.toSession == "call-1")
        #expect(call.added.first?.fromSession == "group-1")
        #expect(diff.tally.contains("1 item moved") && !diff.tally.contains("removed"))
    }

    @Test func sessionsAndProgrammeSettingsAreReported() throws {
        var changed = old
        changed.sessions.swapAt(0, 1)
        changed.sessions.append(Session(id: "group-2", title: "Group session 2", kind: .group, mode: .faceToFace, week: 2,
                                        plannedMinutes: 10, summary: "", agenda: [old.sessions[0].agenda[0]]))
        changed.dose.minimum = 2
        changed.fidelityScale[1].label = "Partly"
        changed.fidelityScale[3].score = 0
        changed.roles[1].title = "Peer facilitator"
        changed.provenance = "Written for the tests. Nothing here is published."
        let diff = ContentDiff(old: old, new: changed)
        #expect(diff.sessionsAdded.map(\.id) == ["group-2"])
        #expect(diff.sessionsMoved.map(\.id).count == 1)
        #expect(diff.programme.doseMinimum == Change(1, 2))
        #expect(diff.programme.fidelityScale == [.relabelled(key: "partly", label: Change("Partly delivered", "Partly")!),
                                                 .rescored(key: "not-applicable", label: "Not applicable", score: Change(nil, 0)!)])
        let text = unwrapped(diff.text(oldLabel: "a", newLabel: "b"))
        #expect(!text.contains("lead:"), "a retitled role is not a changed lead")
        #expect(text.contains("fidelity scale: level not-applicable “Not applicable” rescored: not scored → 0"))
        #expect(text.contains("role lay retitled: “Lay facilitator” → “Peer facilitator”"))
        #expect(text.contains("dose minimum: 1 → 2 sessions attended"))
        #expect(text.contains("session added: group-2 “Group session 2”, at position 3"))
        #expect(text.contains("provenance, by sentence: 1 reworded, 1 added"))
    }

    @Test func proseChangedOnlyInLayoutIsStillReported() throws {
        var changed = old
        changed.summary = "A small programme\nused by the tests."
        let diff = ContentDiff(old: old, new: changed)
        #expect(diff.programme.summary?.isLayoutOnly == true)
        #expect(diff.text(oldLabel: "a", newLabel: "b").contains("  summary, by sentence: only spacing or line breaks changed\n"))
        #expect(TextListChange(prose: "Same. Text.", "Same. Text.") == nil)
    }

    @Test func contentTextIsSanitisedForTheTerminalAndEscapedInMarkdown() {
        var changed = old
        changed.sessions[0].agenda[1].title = "Welcome\u{1B}[2J | *all*"
        let diff = ContentDiff(old: old, new: changed)
        let text = diff.text(oldLabel: "a", newLabel: "b")
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("“Welcome^[[2J | *all*”"))
        let markdown = diff.markdown(oldLabel: "a", newLabel: "b")
        #expect(!markdown.contains("\u{1B}"))
        #expect(markdown.contains("“Welcome^\\[\\[2J \\| \\*all\\*”"))
    }
}

/// The terminal report with its wrapping undone, to look for a whole line.
func unwrapped(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
