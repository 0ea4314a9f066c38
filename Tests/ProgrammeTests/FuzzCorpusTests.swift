import Foundation
import Programme
import Testing
import TestSupport

/// The content fuzz targets' inputs (Fuzz/corpus/programme and Fuzz/corpus/session), read as the
/// fuzzer reads them: the bundled programme with its programme.yaml, or its day-1 session file,
/// replaced. Every input loads to a programme or to problems; what the fuzzer found is refused
/// with a problem that says what is wrong.
@Suite struct FuzzCorpusTests {
    static let replaced = ["programme": "programme.yaml", "session": "sessions/day-1.yaml"]

    @Test(arguments: ["programme", "session"])
    func corpusLoads(target: String) throws {
        let files = FuzzCorpus.files(target)
        #expect(!files.isEmpty, "no seeds in Fuzz/corpus/\(target)")
        let scratch = try FuzzCorpus.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("i-wotch")
        try FileManager.default.copyItem(at: Repository.path("Content/i-wotch"), to: folder)
        for file in files {
            try Data(contentsOf: file).write(to: folder.appendingPathComponent(Self.replaced[target]!))
            let check = ProgrammeLoader.load(path: folder.path)
            if let programme = check.programme { _ = programme.fingerprint }
            if FuzzCorpus.isFinding(file) {
                #expect(check.diagnostics.errorCount > 0, "\(file.lastPathComponent) loaded without a problem")
                #expect(check.diagnostics.allSatisfy { !$0.message.isEmpty }, "\(file.lastPathComponent)")
            }
        }
    }

    /// The bundled content is a seed as it stands, so the fuzzer starts from programmes that load.
    @Test func bundledSeedsLoadClean() throws {
        let scratch = try FuzzCorpus.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("i-wotch")
        try FileManager.default.copyItem(at: Repository.path("Content/i-wotch"), to: folder)
        try Data(contentsOf: Repository.path("Fuzz/corpus/programme/i-wotch-programme.yaml"))
            .write(to: folder.appendingPathComponent("programme.yaml"))
        #expect(ProgrammeLoader.load(path: folder.path).isClean)
    }
}
