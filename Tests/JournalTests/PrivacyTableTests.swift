import Foundation
import Testing
@testable import Journal

/// What the privacy rules refuse and accept, one row per example, worked out by hand. The same
/// table is in Manuals/journal-format.md (the privacy section): the manual's table must be this one.
@Suite struct PrivacyTableTests {
    enum As: String, Sendable { case code, participant = "participant code", text }

    struct Example: Sendable, CustomTestStringConvertible {
        let input: String
        let kind: As
        let verdict: String
        init(_ input: String, _ kind: As, _ verdict: String) { self.input = input; self.kind = kind; self.verdict = verdict }
        var testDescription: String { "\(kind.rawValue) \(PrivacyTableTests.shown(input))" }
    }

    static let examples: [Example] = [
        // Codes.
        .init("P07", .participant, "accepted"),
        .init("S01-P07", .participant, "accepted"),
        .init("AB", .participant, "accepted"),
        .init("NF1", .code, "accepted"),
        .init("SUP1", .code, "accepted"),
        .init("TRN-1", .code, "accepted"),
        .init("9434765919", .participant, "refused: NHS or phone number"),
        .init("07700900123", .participant, "refused: NHS or phone number"),
        .init("1955-03-12", .participant, "refused: date"),
        .init("19550312", .code, "refused: date"),
        .init("12/03/1955", .code, "refused: not a code"),
        .init("Margaret1", .code, "refused: name"),
        .init("Margaret", .participant, "refused: name"),
        .init("P07-Smith", .participant, "refused: name"),
        .init("ABCDE", .code, "refused: name"),
        .init("jo@nhs.net", .code, "refused: not a code"),
        .init("7", .participant, "refused: not a participant code"),
        // Free text.
        .init("Room 12 was cold; started 10 minutes late", .text, "accepted"),
        .init("Used the 2026 handout", .text, "accepted"),
        .init("P07 arrived at 10", .text, "accepted"),
        .init("Room 2, 2026-03-04", .text, "accepted"),
        .init("Rescheduled to 12/03/2026", .text, "accepted"),
        .init("Started 10:15, finished 15:20", .text, "accepted"),
        .init("ID 1234567890 is not an NHS number", .text, "accepted"),
        .init("Handout of 12 March 2026", .text, "accepted"),
        .init("arrived at 10.Then P02 left", .text, "accepted"),
        .init("New number 943 476 5919 from GP", .text, "refused: NHS number"),
        .init("room 1 943 476 5919", .text, "refused: NHS number"),
        .init("ref 943/476/5919", .text, "refused: NHS number"),
        .init("943\u{A0}476\u{A0}5919", .text, "refused: NHS number"),
        .init("943–476–5919", .text, "refused: NHS number"),
        .init("943_476_5919", .text, "refused: NHS number"),
        .init("94\u{200B}34765919", .text, "refused: NHS number"),
        .init("９４３４７６５９１９", .text, "refused: NHS number"),
        .init("٩٤٣٤٧٦٥٩١٩", .text, "refused: NHS number"),
        .init("call back on 07700 900123", .text, "refused: phone number"),
        .init("ring 0044 7700 900123", .text, "refused: phone number"),
        .init("ring +44 7700 900123", .text, "refused: phone number"),
        .init("office (020) 7946 0000", .text, "refused: phone number"),
        .init("john.smith @ nhs.net", .text, "refused: email address"),
        .init("jo(at)example.org", .text, "refused: email address"),
        .init("write to jo at example.org", .text, "refused: email address"),
        .init("jo＠example.org", .text, "refused: email address"),
        .init("born 12/03/1955", .text, "refused: date of birth"),
        .init("DOB 1955-03-12", .text, "refused: date of birth"),
        .init("born 19550312", .text, "refused: date of birth"),
        .init("born 12th of March 1955", .text, "refused: date of birth"),
        .init("DOB: Mar 12, 1955", .text, "refused: date of birth"),
    ]

    /// What the rules say of an example, in the table's words.
    static func verdict(_ example: Example) -> String {
        switch example.kind {
        case .text:
            return Privacy.screen(example.input).map { "refused: \($0.phrase.split(separator: " ", maxSplits: 1)[1])" } ?? "accepted"
        case .code, .participant:
            let refusal = example.kind == .code ? Privacy.refusal(forCode: example.input, what: "The code")
                                                : Privacy.refusal(forParticipantCode: example.input)
            guard let refusal else { return "accepted" }
            for (words, verdict) in [("is not a code", "not a code"), ("looks like a name", "name"), ("NHS or phone number", "NHS or phone number"),
                                     ("looks like a date", "date"), ("is not a participant code", "not a participant code")]
            where refusal.contains(words) {
                return "refused: \(verdict)"
            }
            return "refused: \(refusal)"
        }
    }

    /// An input as the manual shows it: invisible and space-like characters as \u{…}.
    static func shown(_ input: String) -> String {
        input.unicodeScalars.map { scalar in
            scalar.value != 0x20 && (scalar.properties.isWhitespace || scalar.properties.generalCategory == .format)
                ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }.joined()
    }

    static func row(_ example: Example) -> String { "| `\(shown(example.input))` | \(example.kind.rawValue) | \(example.verdict) |" }

    @Test(arguments: examples)
    func example(_ example: Example) {
        #expect(Self.verdict(example) == example.verdict)
    }

    /// The default shape at its edges: one or two parts, each 1 to 4 letters then at most 4 digits.
    @Test func theDefaultShapeAtItsEdges() {
        for accepted in ["A", "ABCD1234", "p7", "S01-P07", "ABCD-EFG1234"] {
            #expect(Privacy.refusal(forParticipantCode: accepted) == nil, "\(accepted)")
        }
        for refused in ["P12345", "P07-", "S1-7", "7P", "A-B-C1", "P0A7", "S01--P07"] {
            #expect(Privacy.refusal(forParticipantCode: refused)?.contains("is not a participant code") == true, "\(refused)")
        }
    }

    @Test func theManualHasTheSameTable() throws {
        let manual = try String(contentsOf: Fixture.repository.appendingPathComponent("Manuals/journal-format.md"), encoding: .utf8)
        let lines = manual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex(of: "| Input | As | Verdict |"))
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        #expect(Array(rows) == Self.examples.map(Self.row))
    }

    @Test func theTableHoldsTheOrdinaryExamples() {
        let accepted = Set(Self.examples.filter { $0.verdict == "accepted" }.map(\.input))
        #expect(accepted.isSuperset(of: ["Room 12 was cold; started 10 minutes late", "Used the 2026 handout", "P07", "S01-P07", "NF1", "AB"]))
    }

    /// A megabyte of text is screened in well under a second, whatever it holds: the screening
    /// walks the text once, with no pattern that can backtrack. The time is this thread's CPU
    /// time, so other work on the machine does not count (and this is a debug build).
    @Test(.serialized, arguments: ["Room 12 was cold; started 10 minutes late. ", "@ a.b at (at)@@ x.y ", "12    3    ", "٣ ＠ — \u{200B}é ", "1 2 3 4 5 6 7 8 ", "12th of mar 2026, x at y.then "])
    func aMegabyteIsScreenedQuickly(_ piece: String) {
        let text = String(repeating: piece, count: 1_000_000 / piece.utf8.count)
        func cpu() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = cpu()
        let found = Privacy.screen(text)
        let seconds = cpu() - start
        #expect(seconds < 1, "\(seconds) s")
        // None of these holds an identifier: "1 2 3 4 5 6 7 8 " is one long number whose eight
        // different ten-digit windows (1234567812, 2345678123, …) all fail the check digit.
        #expect(found == nil)
    }
}
