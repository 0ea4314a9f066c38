import Foundation
import Testing

/// The hazard log (Manuals/clinical-safety/hazard-log.md) names, for each control, the test that
/// shows it works. These checks keep the log true: every named test exists, every hazard has
/// evidence, a residual risk and an owner, and every rating follows the DCB0129 matrix.
@Suite struct HazardLogTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let log = root.appendingPathComponent("Manuals/clinical-safety/hazard-log.md")

    /// The DCB0129 clinical risk matrix, written out by hand: rows are likelihood, columns severity.
    static let matrix: [String: [String: Int]] = [
        "Very high": ["Minor": 3, "Significant": 4, "Considerable": 4, "Major": 5, "Catastrophic": 5],
        "High": ["Minor": 2, "Significant": 3, "Considerable": 3, "Major": 4, "Catastrophic": 5],
        "Medium": ["Minor": 2, "Significant": 2, "Considerable": 3, "Major": 3, "Catastrophic": 4],
        "Low": ["Minor": 1, "Significant": 2, "Considerable": 2, "Major": 3, "Catastrophic": 4],
        "Very low": ["Minor": 1, "Significant": 1, "Considerable": 2, "Major": 2, "Catastrophic": 3],
    ]

    /// Each hazard's section: its heading line and the lines under it.
    static func hazards() throws -> [(heading: String, lines: [String])] {
        let text = try String(contentsOf: log, encoding: .utf8)
        var sections: [(String, [String])] = []
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("## H") { sections.append((line, [])) } else if !sections.isEmpty { sections[sections.count - 1].1.append(line) }
        }
        return sections
    }

    /// "`Tests/X/Y.swift` › `name`" references in some lines.
    static func evidence(in lines: [String]) -> [(file: String, test: String)] {
        lines.flatMap { line -> [(String, String)] in
            let parts = line.components(separatedBy: "Evidence: ").dropFirst()
            return parts.compactMap { part in
                let ticks = part.split(separator: "`", omittingEmptySubsequences: true).map(String.init)
                guard ticks.count >= 3, ticks[0].hasPrefix("Tests/"), ticks[1].trimmingCharacters(in: .whitespaces) == "›" else { return nil }
                return (ticks[0], ticks[2])
            }
        }
    }

    @Test func thereAreTwelveOrMoreHazardsEachWithEvidenceResidualRiskAndOwner() throws {
        let hazards = try Self.hazards()
        #expect(hazards.count >= 12)
        for (heading, lines) in hazards {
            #expect(!Self.evidence(in: lines).isEmpty, "\(heading) names no test")
            #expect(lines.contains { $0.hasPrefix("- **Residual risk:** ") }, "\(heading) has no residual risk")
            let owner = lines.first { $0.hasPrefix("- **Owner:** ") }?.dropFirst("- **Owner:** ".count) ?? ""
            #expect(!owner.trimmingCharacters(in: .whitespaces).isEmpty, "\(heading) has no owner")
        }
    }

    @Test func everyNamedTestExists() throws {
        var checked = 0
        for (heading, lines) in try Self.hazards() {
            for (file, test) in Self.evidence(in: lines) {
                let url = Self.root.appendingPathComponent(file)
                guard let source = try? String(contentsOf: url, encoding: .utf8) else {
                    Issue.record("\(heading): \(file) does not exist"); continue
                }
                #expect(source.contains("func \(test)("), "\(heading): \(file) has no test \(test)")
                checked += 1
            }
        }
        #expect(checked >= 30)
    }

    @Test func everyRatingFollowsTheMatrixAndNoResidualRiskIsAboveTwo() throws {
        for (heading, lines) in try Self.hazards() {
            for label in ["Initial risk", "Residual risk"] {
                guard let line = lines.first(where: { $0.hasPrefix("- **\(label):** ") }) else { Issue.record("\(heading): no \(label)"); continue }
                // "- **Residual risk:** Major × Very low → 2"
                let rating = line.dropFirst("- **\(label):** ".count)
                let sides = rating.components(separatedBy: " → ")
                let factors = sides[0].components(separatedBy: " × ")
                guard sides.count == 2, factors.count == 2, let stated = Int(sides[1]),
                      let expected = Self.matrix[factors[1]]?[factors[0]] else {
                    Issue.record("\(heading): \(label) is not SEVERITY × LIKELIHOOD → N: \(rating)"); continue
                }
                #expect(stated == expected, "\(heading): \(factors[0]) × \(factors[1]) is \(expected) on the matrix, not \(stated)")
                if label == "Residual risk" { #expect(stated <= 2, "\(heading): residual risk \(stated) needs the safety officer's acceptance") }
            }
        }
    }

    /// The matrix in the log is the one these checks use.
    @Test func theLogPrintsTheSameMatrix() throws {
        let text = try String(contentsOf: Self.log, encoding: .utf8)
        for likelihood in ["Very high", "High", "Medium", "Low", "Very low"] {
            let row = ["Minor", "Significant", "Considerable", "Major", "Catastrophic"].map { String(Self.matrix[likelihood]![$0]!) }
            #expect(text.contains("| \(likelihood) | " + row.joined(separator: " | ") + " |"), "\(likelihood)")
        }
    }
}
