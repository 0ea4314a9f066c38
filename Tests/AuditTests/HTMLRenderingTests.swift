import Foundation
import Testing
import TestSupport
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
