import Foundation
import Testing
@testable import Audit

/// The REDCap files follow the import rules: the exact 18-column dictionary header, record id
/// first, forms contiguous, raw codes, rows rectangular and sorted by record.
@Suite struct REDCapTests {
    static func parse(_ csv: String) -> [[String]] {
        // The fixture's fields hold no quotes or line breaks except where tested, so split simply after checking.
        csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            var fields: [String] = [], current = "", quoted = false
            for character in line {
                if character == "\"" { quoted.toggle(); continue }
                if character == "," && !quoted { fields.append(current); current = ""; continue }
                current.append(character)
            }
            fields.append(current)
            return fields
        }
    }

    @Test func dictionaryHasTheExactHeaderAndFormsAreContiguous() {
        let rows = Self.parse(REDCapExport.dictionary())
        #expect(rows[0].count == 18)
        #expect(REDCapExport.dictionary().hasPrefix("Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation\r\n"))
        #expect(rows[1][0] == "record_id" && rows[1][3] == "text")
        #expect(rows.dropFirst().allSatisfy { $0.count == 18 })
        let forms = rows.dropFirst().map { $0[1] }
        var seen: [String] = []
        for form in forms where seen.last != form { seen.append(form) }
        #expect(seen == ["session_delivery", "component_fidelity", "attendance", "supervisor_review"])
        for row in rows.dropFirst() {
            #expect(row[0].range(of: "^[a-z][a-z0-9_]{1,25}$", options: .regularExpression) != nil, "bad variable name \(row[0])")
        }
    }

    @Test func recordsAreRectangularSortedAndInRawCodes() throws {
        let fixture = try Fixture.make()
        defer { fixture.remove() }
        let set = fixture.read()
        let text = REDCapExport.records(set.filtered(Filters()), heads: [:])
        let rows = Self.parse(text)
        let header = rows[0]
        #expect(Array(header.prefix(3)) == ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"])
        #expect(rows.allSatisfy { $0.count == header.count })
        let ids = rows.dropFirst().map { $0[0] }
        #expect(ids == ids.sorted())
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let d1 = rows.filter { $0[0] == "2026-03-02-G1-day-a-d1" }
        // Main row, 5 items, 3 participants, 1 review.
        #expect(d1.count == 10)
        #expect(d1[0][column("adh_score")] == "5" && d1[0][column("adh_max")] == "8" && d1[0][column("adh_pct")] == "62.5")
        #expect(d1[0][column("session_delivery_complete")] == "2")   // reviewed by a supervisor
        let items = d1.filter { $0[1] == "component_fidelity" }
        #expect(items.map { $0[column("comp_adherence")] } == ["2", "1", "2", "0", "na"])
        #expect(items.map { $0[2] } == ["1", "2", "3", "4", "5"])
        let attendance = d1.filter { $0[1] == "attendance" }
        #expect(attendance.map { $0[column("att_status")] } == ["1", "2", "0"])
        #expect(attendance[2][column("att_notice")] == "1")
        let review = d1.first { $0[1] == "supervisor_review" }!
        #expect(review[column("rev_method")] == "2" && review[column("rev_kappa")] == "0.636" && review[column("rev_agreement_pct")] == "75.0")
        let d3 = rows.first { $0[0] == "2026-04-06-G2-day-a-d3" && $0[1].isEmpty }!
        #expect(d3[column("session_closed")] == "0" && d3[column("end_utc")].isEmpty && d3[column("session_delivery_complete")] == "1")
    }
}
