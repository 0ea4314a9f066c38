import Testing
@testable import Audit

/// A megabyte with no space in it in a fact, a note and a table cell (a pasted blob in a site
/// name, say): the terminal format lays it out in passes linear in its length.
@Suite struct LongTextTests {
    @Test func aMegabyteWordInEveryFieldIsLaidOutToTheWidth() {
        let word = String(repeating: "a", count: 1 << 20)
        let document = ReportDocument(
            title: "T", facts: [.init("Site", word)],
            sections: [.init(id: "s", title: "S", note: word,
                             table: Table(columns: [.init("name", "Name"), .init("n", "Count", numeric: true)],
                                          rows: [[.text(word), Cell(display: "3", value: .number(3))]]))],
            sources: .init(journals: [], headsDigest: ""))
        let lines = TerminalFormat.render(document, width: 80).split(separator: "\n", omittingEmptySubsequences: false)
        // The fact wraps at 80 - 4 - 2 = 74 cells beside "Site: ": 14,169 full lines and 70 cells over.
        let fact = lines[2..<(2 + 14_170)]
        let first: String = "Site: " + String(repeating: "a", count: 74)
        #expect(fact.first.map(String.init) == first)
        #expect(fact.dropFirst().dropLast().allSatisfy { $0 == "      " + String(repeating: "a", count: 74) })
        let last: String = "      " + String(repeating: "a", count: 70)
        #expect(fact.last.map(String.init) == last)
        // Then a blank line, the section's title and rule, and the note at 80: 13,107 full lines and 16 cells over.
        #expect(Array(lines[14_172..<14_175]) == ["", "S", "-"])
        let note = lines[14_175..<(14_175 + 13_108)]
        #expect(note.dropLast().allSatisfy { $0 == String(repeating: "a", count: 80) })
        #expect(note.last.map(String.init) == String(repeating: "a", count: 16))
        // The table: the text column shrinks to 80 - 2 - 5 = 73 cells, the cell cut to 72 and "…".
        let table = lines[(14_175 + 13_108)...].prefix(3).map(String.init)
        let header: String = "Name" + String(repeating: " ", count: 69) + "  Count"
        let rule: String = String(repeating: "─", count: 73) + "  " + String(repeating: "─", count: 5)
        let row: String = String(repeating: "a", count: 72) + "…" + "      3"
        #expect(table == [header, rule, row])
        #expect(lines.allSatisfy { $0.count <= 80 })
    }
}
