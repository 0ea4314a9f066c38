import Foundation
@testable import Journal
import Testing
import TestSupport

/// The journal fuzz targets' inputs (Fuzz/corpus/line and Fuzz/corpus/check), fed as the fuzzer
/// feeds them. The two line decoders agree on every line; what the fuzzer found is refused with a
/// problem that says what is wrong.
@Suite struct FuzzCorpusTests {
    @Test func linesDecodeAlike() throws {
        let files = FuzzCorpus.files("line")
        #expect(!files.isEmpty)
        for file in files {
            let line = try Data(contentsOf: file)
            let decoded = LineCodec.decode(line)
            if let fast = line.withUnsafeBytes(FastLineDecoder.decode) {
                #expect(LineCodec.decodeWithFoundation(line) == .success(fast), "\(file.lastPathComponent)")
            } else {
                #expect(decoded == LineCodec.decodeWithFoundation(line), "\(file.lastPathComponent)")
            }
            // What iwotch writes, it reads back to the same event (found-time-year-2248: it did not).
            if case .success(let event) = decoded, let written = try? LineCodec.encode(event) {
                #expect(LineCodec.decode(written) == .success(event), "\(file.lastPathComponent) does not survive writing and reading again")
            }
            if FuzzCorpus.isFinding(file) {
                guard case .failure(let problem) = decoded else {
                    Issue.record("\(file.lastPathComponent) was read as an event"); continue
                }
                #expect(!problem.description.isEmpty)
            }
        }
    }

    @Test func journalsCheck() throws {
        let files = FuzzCorpus.files("check")
        #expect(!files.isEmpty)
        for file in files {
            let check = JournalCheck.run([file])
            _ = check.diagnostics.map(\.description)
            if FuzzCorpus.isFinding(file) {
                #expect(check.errorCount > 0, "\(file.lastPathComponent) passed the check")
            }
        }
    }
}
