import Foundation
import Testing
@testable import Programme

@Suite struct FingerprintTests {
    func fingerprint(_ scratch: ScratchProgramme) throws -> String {
        let check = scratch.load()
        let programme = try #require(check.programme, "\(check.diagnostics)")
        return programme.fingerprint
    }

    /// Pinned: journals record this value, so the canonical form must never drift. A change here
    /// means every journal written so far would stop matching its content.
    @Test func theMiniFingerprintIsPinned() throws {
        let programme = try #require(ProgrammeLoader.load(path: Fixtures.mini).programme)
        #expect(programme.fingerprint == "sha256:b254178f5d0bbfd5c7e037be08f5586fe27293364779cf3f6fd1f019a32a3f4c")
    }

    @Test func commentsKeyOrderAndLayoutDoNotChangeIt() throws {
        let scratch = try ScratchProgramme()
        let before = try fingerprint(scratch)
        // Move keys about, add comments and blank lines, switch block and flow styles, fold text.
        try scratch.replace("programme.yaml", "id: mini\ntitle: Mini programme\n", with: "title: 'Mini programme'   # the name\n\nid: mini\n")
        try scratch.replace("programme.yaml", "bands:\n  high: 80\n  low: 50", with: "bands: {low: 50, high: 80}")
        try scratch.replace("sessions/group-1.yaml", "lead: lay", with: "lead: [lay]")
        try scratch.replace("sessions/group-1.yaml", "summary: Three short items for the tests.", with: "summary: >\n  Three short\n  items for the tests.")
        try scratch.replace("sessions/group-1.yaml", "    minutes: 20\n    lead: [nurse, lay]", with: "    lead:\n      - nurse\n      - lay\n    # twenty minutes\n    minutes: 20")
        #expect(try fingerprint(scratch) == before)
    }

    @Test(arguments: [
        ("sessions/group-1.yaml", "- Introduce yourselves.", "- Introduce yourself."),
        ("sessions/call-1.yaml", "Asks an open question", "Asks an open-ended question"),
        ("programme.yaml", "version: \"1.0\"", "version: \"1.1\""),
        ("programme.yaml", "low: 50", "low: 51"),
        ("programme.yaml", "warning_minutes: 2", "warning_minutes: 3"),
        ("sessions/group-1.yaml", "lead: lay", "lead: nurse"),
        ("sessions/group-1.yaml", "kind: published", "kind: outline"),
    ])
    func anyTextOrNumberChangesIt(file: String, old: String, new: String) throws {
        let scratch = try ScratchProgramme()
        let before = try fingerprint(scratch)
        try scratch.replace(file, old, with: new)
        #expect(try fingerprint(scratch) != before)
    }

    /// The source kind goes into the canonical form as the word in the file.
    @Test func anOutlineIsReadAndFingerprintedAsItsWord() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("sessions/group-1.yaml", "kind: published", with: "kind: outline")
        let check = scratch.load()
        let programme = try #require(check.programme, "\(check.diagnostics)")
        let practice = try #require(programme.session("group-1")?.agenda.first { $0.id == "g1-practice" })
        #expect(practice.source?.kind == .outline)
        #expect(practice.source?.kind.caveat == "Only the title and aims are published; the steps, timings and fidelity items are reconstructed.")
        #expect(Source.Kind.published.caveat == nil && Source.Kind.reconstructed.caveat == nil)
        let json = programme.canonical.text
        #expect(json.contains(#""source":{"kind":"outline","reference":"#))
    }

    @Test func aMisspeltSourceKindNamesTheFourKinds() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("sessions/group-1.yaml", "kind: published", with: "kind: outlined")
        let check = scratch.load()
        #expect(check.programme == nil)
        #expect(check.diagnostics.map(\.message) == ["the source kind `outlined` is not one of the allowed values"])
        #expect(check.diagnostics.map(\.help) == ["Did you mean `outline`? Use one of: published, outline, reconstructed, original."])
    }

    @Test func reorderingActivitiesChangesIt() throws {
        let scratch = try ScratchProgramme()
        let before = try fingerprint(scratch)
        let text = try scratch.read("sessions/group-1.yaml")
        let breakItem = "  - id: g1-break\n    kind: break\n    title: Break\n    minutes: 10\n"
        try scratch.write("sessions/group-1.yaml", text.replacingOccurrences(of: breakItem, with: "")
            .replacingOccurrences(of: "  - id: g1-welcome\n", with: breakItem + "  - id: g1-welcome\n"))
        #expect(try fingerprint(scratch) != before)
    }
}

@Suite struct CanonicalJSONTests {
    @Test func keysAreSortedAndNothingIsPadded() {
        let value = CanonicalJSON.object(["b": .integer(1), "a": .array([.bool(true), .null]), "B": .string("x")])
        #expect(value.text == #"{"B":"x","a":[true,null],"b":1}"#)
    }

    @Test func stringsAreEscapedMinimally() {
        #expect(CanonicalJSON.string("a\"b\\c\nd\u{01}é疼").text == #""a\"b\\c\nd\u0001é疼""#)
    }
}
