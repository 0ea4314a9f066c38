import Foundation
import Testing
import TestSupport

@Suite struct PlanDiffCommandTests {
    static let mini = "Tests/PlanTests/Fixtures/mini"
    static let miniNext = "Tests/PlanTests/Fixtures/mini-1.1"

    @Test func planPrintsMarkdownForTheBundledContent() throws {
        let run = try BuiltBinary.run(["plan", "day-3"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Day 3: Communication, life after opioids and the future\n"))
        #expect(run.stdout.contains("| 09:45–10:05 | 20 | Reflections and action plan review | Nurse facilitator and Lay facilitator |"))
        #expect(run.stderr.isEmpty)
    }

    @Test func startAndHTMLOutputToAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-plan-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try BuiltBinary.run(["plan", "group-1", "--content", Self.mini, "--start", "13:45", "--output", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Wrote the plan for group-1 (html) to \(file.path).\n")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td class=\"time\">14:15–14:25</td>"))
    }

    @Test func anUnknownSessionNamesTheKnownOnesAndExitsTwo() throws {
        let run = try BuiltBinary.run(["plan", "day-4"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("No session \"day-4\" in I-WOTCH. The sessions are: day-1, one-to-one-1, day-2, day-3, call-1, one-to-one-2, call-2."))
        #expect(run.stdout.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        let badStart = try BuiltBinary.run(["plan", "day-3", "--start", "25:00"])
        #expect(badStart.status == 2)
        #expect(badStart.stderr.contains("--start must be a time of day as HH:MM"))
        #expect(try BuiltBinary.run(["plan", "day-3", "--format", "pdf"]).status == 2)
        #expect(try BuiltBinary.run(["plan"]).status == 2)
        #expect(try BuiltBinary.run(["diff", Self.mini]).status == 2)
        #expect(try BuiltBinary.run(["diff", Self.mini, Self.miniNext, "--format", "html"]).status == 2)
    }

    @Test func contentProblemsArePrintedAsContentCheckPrintsThemAndExitOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(Self.mini), to: folder)
        let session = folder.appendingPathComponent("sessions/group-1.yaml")
        let text = try String(contentsOf: session, encoding: .utf8).replacingOccurrences(of: "lead: lay", with: "lead: lya")
        try text.write(to: session, atomically: true, encoding: .utf8)

        let check = try BuiltBinary.run(["content", "check", folder.path])
        let plan = try BuiltBinary.run(["plan", "group-1", "--content", folder.path])
        let diff = try BuiltBinary.run(["diff", Self.mini, folder.path])
        #expect(check.status == 1 && plan.status == 1 && diff.status == 1)
        #expect(plan.stderr == check.stderr)
        #expect(diff.stderr == check.stderr)
        #expect(plan.stderr.contains("group-1.yaml:"), "names the file and line")
        #expect(plan.stderr.contains("error: unknown role `lya`"))
        #expect(plan.stdout.isEmpty && diff.stdout.isEmpty)
    }

    @Test func diffExitsZeroWithOrWithoutDifferences() throws {
        let changed = try BuiltBinary.run(["diff", Self.mini, Self.miniNext])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("  changed: g1-welcome “Welcome and aims”\n    re-timed: 20 → 25 min\n"))
        let same = try BuiltBinary.run(["diff", Self.mini, Self.mini])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("No differences: the two versions hold the same content.\n"))
        let markdown = try BuiltBinary.run(["diff", Self.mini, Self.miniNext, "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# What changed: Mini programme 1.0 → 1.1\n"))
    }
}
