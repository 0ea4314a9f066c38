import Audit
import Foundation
import Testing
import TestSupport

/// The report fuzz target's inputs (Fuzz/corpus/report), each a one-file journal, through what
/// `iwotch report fidelity --format csv` does: read, report, every table as CSV. What the fuzzer
/// found fails the journal's check, and the report is still written.
@Suite struct FuzzCorpusTests {
    @Test func fidelityReportsWrite() throws {
        let files = FuzzCorpus.files("report")
        #expect(!files.isEmpty)
        for file in files {
            let set = AuditSet.read([file])
            let document = FidelityReport.make(ReportInput(set: set, filters: Filters()))
            for section in document.sections { #expect(!CSV.render(section.table).isEmpty) }
            if FuzzCorpus.isFinding(file) {
                let passed = set.files.filter { !$0.failedCheck }.count
                #expect(passed == 0, "\(file.lastPathComponent) passed the check")
            }
        }
    }
}
