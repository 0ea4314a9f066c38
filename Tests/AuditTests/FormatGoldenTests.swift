import Foundation
import Testing
@testable import Audit
import TestSupport

/// Every format of the fidelity report (and Markdown of the others) against golden files.
/// Regenerate with IWOTCH_UPDATE_GOLDEN=1 after a deliberate change (see Tests/README.md).
@Suite struct FormatGoldenTests {
    static let golden = GoldenFolder()

    func compare(_ text: String, _ name: String, root: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        // HTML writes a path with a break opportunity after each folder: the same folder, marked up.
        let text = text.replacingOccurrences(of: HTMLFormat.breakable(root.path, path: true), with: "<journals>")
        Self.golden.expect(text.replacingOccurrences(of: root.path, with: "<journals>"), name, sourceLocation: sourceLocation)
    }

    @Test func fidelityInEveryFormat() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let document = FidelityReport.make(ReportInput(set: fixture.read(), filters: Filters()))
        compare(TerminalFormat.render(document, width: 100), "fidelity.txt", root: fixture.root)
        compare(CSV.render(document.sections[0].table), "fidelity-deliveries.csv", root: fixture.root)
        compare(JSONFormat.render(document), "fidelity.json", root: fixture.root)
        compare(MarkdownFormat.render(document), "fidelity.md", root: fixture.root)
        compare(HTMLFormat.render(document), "fidelity.html", root: fixture.root)
    }

    @Test func otherReportsInMarkdown() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let input = ReportInput(set: fixture.read(), filters: Filters())
        compare(MarkdownFormat.render(AttendanceReport.make(input)), "attendance.md", root: fixture.root)
        compare(MarkdownFormat.render(TimingReport.make(input)), "timing.md", root: fixture.root)
        compare(MarkdownFormat.render(SessionsReport.make(input, sample: .init(share: 0.5, seed: 7))), "sessions.md", root: fixture.root)
    }

    @Test func terminalTablesFitTheWidth() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let document = FidelityReport.make(ReportInput(set: fixture.read(), filters: Filters()))
        for width in [60, 80, 132] {
            let lines = TerminalFormat.render(document, width: width).split(separator: "\n", omittingEmptySubsequences: false)
            let wide = lines.filter { DisplayWidth.of(String($0)) > width }
            #expect(wide.isEmpty, "wider than \(width): \(wide)")
        }
    }

    @Test func csvQuotesFieldsAsRFC4180Says() {
        #expect(CSV.line(["plain", "a,b", "say \"hi\"", "two\nlines"]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test func markdownAndHTMLEscapeJournalText() {
        #expect(MarkdownFormat.escape("Opioids | myths <b>") == "Opioids \\| myths \\<b\\>")
        #expect(HTMLFormat.escape("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;")
    }
}

import DisplayText
enum DisplayWidth { static func of(_ text: String) -> Int { DisplayText.width(text) } }
