import Foundation
import Testing
import TestSupport
import Programme
import Plan

/// Scripts/check-html renders a page in headless Chromium; these tests run it as a trainer would.
enum Chromium {
    /// The binary the script would use, when this machine has one that runs.
    static let path: String? = {
        if let chosen = ProcessInfo.processInfo.environment["CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in ["chromium-headless-shell", "chromium", "chromium-browser"] {
            for folder in folders + ["/usr/bin"] where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()
}

func checkHTML(_ arguments: [String]) throws -> CommandRun {
    try Command.run(URL(fileURLWithPath: "/bin/bash"), [Fixtures.repository.appendingPathComponent("Scripts/check-html").path] + arguments)
}

final class TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-plan-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}

@Suite struct HTMLCheckTests {
    @Test(.enabled(if: Chromium.path != nil, "no usable Chromium on this machine (Scripts/setup installs chromium-headless-shell)"))
    func theDay3PlanRendersAndPrintsInChromium() throws {
        let programme = try Fixtures.load(Fixtures.bundled)
        let session = try #require(programme.session("day-3"))
        let folder = try TemporaryFolder()
        let page = try folder.write("day-3.html", SessionPlan(programme: programme, session: session).html)
        let kept = folder.url.appendingPathComponent("out")

        let run = try checkHTML(["--out", kept.path, page])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok \(page): PDF "))
        let pdf = try Data(contentsOf: kept.appendingPathComponent("day-3.pdf"))
        #expect(pdf.count > 1000 && pdf.starts(with: Array("%PDF-".utf8)))
        let dom = try String(contentsOf: kept.appendingPathComponent("day-3.dom.html"), encoding: .utf8)
        #expect(dom.contains("<h1>Day 3: Communication, life after opioids and the future</h1>"))
        #expect(dom.contains("d3-plan-next-steps-4"), "the last activity's fidelity items are in the rendered page")
    }

    @Test func outsideAssetsAreRefusedBeforeRendering() throws {
        let folder = try TemporaryFolder()
        let cases = [
            "img": #"<img src="https://example.org/logo.png">"#,
            "link": "<link rel=stylesheet href=//cdn.example.org/plan.css>",
            "file": "<a HREF='file:///etc/passwd'>x</a>",
            "css": "<style>body { background: url( \"http://example.org/x.png\") }</style>",
        ]
        for (name, element) in cases {
            let page = try folder.write("\(name).html", "<!DOCTYPE html><html><body>\(element)<p>Plan</p></body></html>")
            let run = try checkHTML([page])
            #expect(run.status == 1, "\(name): \(run.stdout)")
            #expect(run.stderr.contains("FAIL \(page): it refers to outside assets"), "\(name): \(run.stderr)")
        }
        // Links within the page are not outside assets.
        let inside = try folder.write("inside.html", "<a href=\"#item-1\">x</a><p>http: in text is only text</p>")
        #expect(!(try checkHTML([inside])).stderr.contains("outside assets"))
    }

    @Test func missingOrEmptyFilesFailWithAReason() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("empty.html", "")
        let run = try checkHTML([empty, folder.url.appendingPathComponent("none.html").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("FAIL \(empty): the file is empty"))
        #expect(run.stderr.contains("none.html: no such readable file"))
        #expect(run.stderr.contains("2 of 2 files failed"))
        #expect(try checkHTML([]).status == 2)
    }
}
