import Foundation
import Testing

/// The command line prints through one door: `Say` and `Output` (Sources/iwotch/Printing.swift)
/// make every text printable before it reaches a terminal, a pipe or a file. A bare `print(` or a
/// write to a standard handle elsewhere in Sources/iwotch would let ESC and BEL through.
@Suite struct OutputPathTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/iwotch")

    static func offences(in text: String) -> [String] {
        text.components(separatedBy: "\n").filter { line in
            let code = line.trimmingCharacters(in: .whitespaces)
            guard !code.hasPrefix("//") else { return false }
            return code.range(of: #"(^|[^\w.])print\("#, options: .regularExpression) != nil
                || code.contains("FileHandle.standardOutput") || code.contains("FileHandle.standardError")
                || code.contains("Data.write(") || code.contains(".write(to:")
        }
    }

    @Test func onlyPrintingSwiftPrintsOrWrites() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".swift") && $0 != "Printing.swift" }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            #expect(Self.offences(in: text).isEmpty, "\(file) prints or writes outside Say and Output: \(Self.offences(in: text))")
        }
    }

    @Test func theScanNoticesABarePrint() {
        #expect(Self.offences(in: "        print(report)") == ["        print(report)"])
        #expect(Self.offences(in: "    FileHandle.standardError.write(Data(text.utf8))").count == 1)
        #expect(Self.offences(in: "    try Data(text.utf8).write(to: url, options: .atomic)").count == 1)
        #expect(Self.offences(in: "    Say.out(report)\n    // print(old)").isEmpty)
    }
}
