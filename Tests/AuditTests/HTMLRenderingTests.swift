import Foundation
import Testing
import TestSupport
import DeliveryFacts
@testable import Audit

/// The HTML report rendered by a real browser engine (Debian's chromium-headless-shell, which
/// Scripts/setup installs): it must load with no outside requests, print to a non-empty PDF, and
/// its rendered DOM must hold the figures.
@Suite struct HTMLRenderingTests {
    static let chromium = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = try Command.run(URL(fileURLWithPath: chromium!),
                                  ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"] + arguments)
        return (run.status, run.stdout)
    }

    @Test(.enabled(if: chromium != nil, "chromium-headless-shell is not installed (Scripts/setup installs it)"))
    func fidelityReportRendersAndPrints() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let html = HTMLFormat.render(FidelityReport.make(ReportInput(set: fixture.read(), filters: Filters())))
        // Self-contained: nothing is fetched from anywhere.
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import") && !html.contains("url("))
        let page = fixture.root.appendingPathComponent("fidelity.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let dom = try Self.run(["--dump-dom", page.absoluteString])
        #expect(dom.status == 0)
        #expect(dom.output.contains("<h1>Fidelity of delivery</h1>"))
        #expect(dom.output.contains("62.5% ▽") && dom.output.contains("30.0% ▼"))
        #expect(dom.output.contains("<svg"))
        let pdf = fixture.root.appendingPathComponent("fidelity.pdf")
        let printed = try Self.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString])
        #expect(printed.status == 0)
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.count > 5_000 && bytes.starts(with: Array("%PDF".utf8)))
    }
}

/// The HTML report as printed: A4, no heading left at the foot of a page, and no date or delivery
/// id broken across lines. Chromium prints; poppler's pdftotext and pdfinfo read the PDF back.
@Suite struct HTMLPrintTests {
    static let pdftotext = ["/usr/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let ready = HTMLRenderingTests.chromium != nil && pdftotext != nil

    /// Forty sections of 1 to 29 rows each (7·k mod 29 + 1), so headings fall at every height of a
    /// page; each row holds a date and a delivery id, the cells that must never break.
    static func document() -> ReportDocument {
        var sections: [ReportDocument.Section] = []
        for k in 1...40 {
            var table = Table(columns: [.init("date", "Date"), .init("site", "Site"), .init("facilitators", "Facilitators"),
                                        .init("adherence", "Adherence", numeric: true), .init("reason", "Why"), .init("delivery", "Delivery")])
            for row in 0..<((7 * k) % 29 + 1) {
                let day = String(format: "%02d", row % 28 + 1)
                table.rows.append([.text("2026-03-\(day)"), .text("S\(k)"), .text("N\(k), L\(k)"), .percent(Double(50 + row), bands: BandMarks(high: 80, low: 50)),
                                   .text("first delivery of N\(k), L\(k); moderate adherence and a long reason that wraps at its spaces"),
                                   .text("2026-03-\(day)-G\(k)-day-\(row % 3 + 1)-\(String(format: "%08x", k * 4099 + row))")])
            }
            // Every third section has a bar chart under its note, as the fidelity report's do.
            sections.append(.init(id: "s\(k)", title: "Section heading number \(k)", note: "A note of a sentence under heading \(k)." + String(repeating: " It says how the figures were made.", count: k % 4 * 3), table: table,
                                  chart: k % 3 == 0 ? .init(labelColumn: 1, valueColumn: 3, bands: BandMarks(high: 80, low: 50)) : nil))
        }
        return ReportDocument(title: "Print check", facts: [.init("Covers", "a made-up document")], sections: sections,
                              sources: .init(journals: [], headsDigest: "sha256:" + String(repeating: "0", count: 64)))
    }

    @Test(.enabled(if: ready, "chromium-headless-shell and poppler-utils are not installed (Scripts/setup installs them)"))
    func printsOnA4WithHeadingsKeptAndIdsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-print-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = Self.document()
        let page = folder.appendingPathComponent("print.html"), pdf = folder.appendingPathComponent("print.pdf")
        try HTMLFormat.render(document).write(to: page, atomically: true, encoding: .utf8)
        #expect(try HTMLRenderingTests.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", page.absoluteString]).status == 0)
        // A4 is 210 × 297 mm: 595.28 × 841.89 points (Chromium writes 594.96 × 841.92).
        let info = try Command.run(URL(fileURLWithPath: "/usr/bin/pdfinfo"), [pdf.path]).stdout
        #expect(info.contains("(A4)"), "\(info)")
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        // 40 sections of 1 + 8 + 15 + … rows cannot fit one page; every page is read below.
        #expect(pages > 1)
        var text = ""
        for number in 1...max(pages, 1) {
            let pageText = try Command.run(URL(fileURLWithPath: Self.pdftotext!), ["-layout", "-f", "\(number)", "-l", "\(number)", pdf.path, "-"]).stdout
            // pdftotext ends each page with a form feed: it is not a line of the page.
            let lines = pageText.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(["\u{0C}"])) }
                .filter { !$0.isEmpty }
            // The last lines of a page are never a heading or its note with nothing below them.
            let last = lines.last ?? ""
            #expect(!last.hasPrefix("Section heading number") && !last.hasPrefix("A note of a sentence") && !last.hasSuffix("figures were made."), "page \(number) ends with \(last)")
            text += pageText
        }
        // Every date and delivery id reads whole on one line of the printed text.
        for section in document.sections {
            for row in section.table.rows {
                #expect(text.contains(row[0].display) && text.contains(row[5].display), "\(row[5].display) is broken")
            }
        }
    }
}
