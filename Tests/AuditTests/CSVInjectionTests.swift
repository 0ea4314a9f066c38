import Foundation
import Journal
import Testing
@testable import Audit

/// OWASP's rule against CSV injection, applied by `CSV.field` to every cell of every report's CSV
/// and of the REDCap export: a cell starting with = + - @ tab or CR gets a leading ' and quotes;
/// a plain number stays a number.
@Suite struct CSVInjectionTests {
    @Test func formulaLikeTextIsPrefixedAndQuoted() {
        #expect(CSV.field("=HYPERLINK(\"http://x.test\",\"open\")") == "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"open\"\")\"")
        #expect(CSV.field("+cmd|' /C calc'!A0") == "\"'+cmd|' /C calc'!A0\"")
        #expect(CSV.field("-1+1") == "\"'-1+1\"")
        #expect(CSV.field("@SUM(A1:A9)") == "\"'@SUM(A1:A9)\"")
        #expect(CSV.field("\t=1") == "\"'\t=1\"")
        #expect(CSV.field("\r=1") == "\"'\r=1\"")
        #expect(CSV.field("-") == "\"'-\"")
        #expect(CSV.field("-5e3") == "\"'-5e3\"")
        #expect(CSV.field("-.5") == "\"'-.5\"")
        #expect(CSV.field("+5") == "\"'+5\"")
    }

    @Test func plainNumbersAndOrdinaryTextStayAsTheyAre() {
        #expect(CSV.field("-19.4") == "-19.4")
        #expect(CSV.field("-0.250") == "-0.250")
        #expect(CSV.field("-3") == "-3")
        #expect(CSV.field("83.3") == "83.3")
        #expect(CSV.field("G1") == "G1")
        #expect(CSV.field("day-1") == "day-1")
        #expect(CSV.field("a=b") == "a=b")
        #expect(CSV.field("") == "")
        #expect(CSV.field("Opioids, myths") == "\"Opioids, myths\"")
    }

    @Test func aTableNeutralisesTextCellsButNotItsNumbers() {
        let table = Table(columns: [.init("session", "Session"), .init("title", "Title"), .init("median_over", "Median over", numeric: true),
                                    .init("count", "Count", numeric: true)],
                          rows: [[.text("-1+1"), .text("=cmd|' /C calc'!A0"), .number(-19.4), .integer(-3)],
                                 [.text("day-1"), .text("@here"), .number(2.5), .integer(4)]])
        #expect(CSV.render(table) == "session,title,median_over,count\r\n"
            + "\"'-1+1\",\"'=cmd|' /C calc'!A0\",-19.4,-3\r\n"
            + "day-1,\"'@here\",2.5,4\r\n")
    }

    /// A delivery whose site, group and facilitator codes are formulas, through every report's
    /// CSV tables and the REDCap records.
    @Test func hostileCodesReachNoReportOrExportUnneutralised() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-csv-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = Timestamp.parse("2026-03-02T09:00:00.000Z")!
        var hostile = Writer(delivery: "2026-03-02-X-day-a-h1", seed: 9)
        hostile.open(session: "day-a", site: "=HYPERLINK(\"http://x.test\",\"S1\")", group: "+cmd|' /C calc'!A0",
                     facilitators: [("@N1", "nurse"), ("-1+1", "lay")], at: base)
        hostile.enrol(["-P1"], at: base.addingTimeInterval(6))
        hostile.mark("-P1", .present, at: base.addingTimeInterval(12))
        hostile.run("act-1", from: base.addingTimeInterval(60), to: base.addingTimeInterval(600))
        hostile.rate("act-1", "i1", "fully", by: ["nurse"], at: base.addingTimeInterval(300))
        try hostile.save(in: folder)
        let set = AuditSet.read([folder.appendingPathComponent(hostile.delivery + ".jsonl")])
        let input = ReportInput(set: set, filters: Filters(), programmes: [])
        let documents = [FidelityReport.make(input), AttendanceReport.make(input), TimingReport.make(input),
                         SessionsReport.make(input, sample: .init(share: 1, seed: 1))]
        var texts = documents.flatMap { $0.sections.map { CSV.render($0.table) } }
        let records = REDCapExport.records(set.filtered(Filters()), heads: [:])
        texts.append(records)
        for text in texts {
            for line in text.components(separatedBy: "\r\n") {
                for start in ["=", "+", "@", "-1+1", "-P1"] {
                    #expect(!line.hasPrefix(start) && !line.contains("," + start), "unneutralised \(start) in \(line)")
                }
            }
        }
        #expect(records.contains(",\"'=HYPERLINK(\"\"http://x.test\"\",\"\"S1\"\")\",\"'+cmd|' /C calc'!A0\",\"'@N1\",nurse,\"'-1+1\",lay,"))
        #expect(records.contains(",\"'-P1\",1,"))
        #expect(texts.joined().contains("\"'=HYPERLINK("))
    }
}
