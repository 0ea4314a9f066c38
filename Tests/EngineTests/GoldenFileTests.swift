import Foundation
import Testing
import TestSupport
import Views

/// The golden files themselves: a frame's golden records each cell's style, so a change of style
/// alone fails; and regenerating a golden fails the run that did it.
@Suite struct GoldenFileTests {
    /// The home screen as it is, then with one cell of its heading no longer bold.
    @Test func aStyleOnlyChangeFailsTheGoldenComparison() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        var grid = driver.frame()
        let golden = Fixture.golden.file("home-80x24.txt")
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(Golden.difference(expected: expected, actual: FrameText.golden(grid)) == nil, "the real frame matches its golden")

        let heading = "What would you like to do?"
        let y = try #require((0..<grid.height).first { row in
            (0..<grid.width).map { grid[$0, row].text }.joined().contains(heading)
        })
        let x = try #require((0..<grid.width).first { grid[$0, y].text == "W" })
        #expect(grid[x, y].style == .title, "the heading is drawn as a title (bold)")
        let text = grid.plainText
        grid[x, y].style.bold = false
        #expect(grid.plainText == text, "only the style changed")

        let difference = try #require(Golden.difference(expected: expected, actual: FrameText.golden(grid)),
                                      "a heading that lost its bold must not match the golden")
        // The text rows, "-- styles --", then the style rows: row y is line height + 2 + y.
        #expect(difference.contains("first difference at line \(grid.height + 2 + y):"), "\(difference)")
        #expect(FrameText.golden(grid).contains("\nt title\n"), "the legend names the new style")

        // And through the comparison every frame test uses, on a copy of the golden file.
        let copy = try scratchCopy(of: golden)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        withKnownIssue("a style-only change is a difference") {
            Golden.expect(FrameText.golden(grid), matches: copy, regenerating: false)
        }
    }

    /// Every style a view uses has its own letter, and the legend names it.
    @Test func everyStyleHasItsOwnLetter() {
        let roles: [Role] = [.normal, .title, .accent, .muted, .ok, .warning, .danger, .banner]
        var letters: [Character: Style] = [:]
        for role in roles {
            for bold in [false, true] {
                for reverse in [false, true] {
                    for underline in [false, true] {
                        let style = Style(role, bold: bold, reverse: reverse, underline: underline)
                        let letter = FrameText.letter(style)
                        #expect(letters[letter] == nil, "\(letter) stands for both \(style) and \(letters[letter]!)")
                        letters[letter] = style
                    }
                }
            }
        }
        #expect(letters.count == 64)
        #expect(FrameText.letter(.plain) == "." && FrameText.letter(.title) == "T" && FrameText.letter(.muted) == "m")
    }

    /// Regenerating writes the new text and still fails; a second run with nothing new passes.
    @Test func regeneratingAGoldenFailsTheRunThatRewroteIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("frame.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: file)

        withKnownIssue("the rewrite is reported") {
            Golden.expect("new\n", matches: file, regenerating: true)
        } matching: { issue in
            "\(issue)".contains("rewritten; read the diff")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        Golden.expect("new\n", matches: file, regenerating: true)   // unchanged: nothing to read, no failure
        Golden.expect("new\n", matches: file, regenerating: false)

        let missing = folder.appendingPathComponent("more/absent.txt")
        withKnownIssue("a new golden is reported too") {
            Golden.expect("first\n", matches: missing, regenerating: true)
        }
        #expect(try String(contentsOf: missing, encoding: .utf8) == "first\n")
    }

    func scratchCopy(of file: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent(file.lastPathComponent)
        try FileManager.default.copyItem(at: file, to: copy)
        return copy
    }
}
