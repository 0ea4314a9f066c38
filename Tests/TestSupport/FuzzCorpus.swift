import Foundation

/// The fuzz targets' seeds (`Fuzz/corpus/<target>`), with the inputs the fuzzer found that once
/// crashed a reader (`crash-…`). The tests of each reader feed them all again.
public enum FuzzCorpus {
    public static func files(_ target: String) -> [URL] {
        let folder = Repository.path("Fuzz/corpus/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Whether the input is one the fuzzer found, which must now be refused with a clear problem.
    public static func isFinding(_ file: URL) -> Bool { file.lastPathComponent.hasPrefix("crash-") }

    /// A private folder for a test, removed by the caller.
    public static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-corpus-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
