import Audit
import Foundation
#if FUZZING
// The fuzz build compiles with -enable-testing, so the line target can compare the two decoders.
@testable import Journal
#else
import Journal
#endif
import Programme

/// The fuzz targets: each takes one input of bytes and runs it through one reader, as the command
/// line would. A reader may refuse the input with a clear problem; it must never crash, hang or
/// give two answers for one input. `Scripts/fuzz` builds these with libFuzzer (`-DFUZZING`); the
/// ordinary build replays inputs from files (`iwotch-fuzz TARGET FILE...`).
enum FuzzTarget: String, CaseIterable {
    /// `programme.yaml` is the input; the bundled content's sessions sit beside it.
    case programme
    /// A session file (the bundled `sessions/day-1.yaml`) is the input.
    case session
    /// One journal line through `LineCodec.decode` and the byte-level reader.
    case line
    /// `journal check` over a one-file journal made of the input.
    case check
    /// `AuditSet.read`, the fidelity report and every CSV table, over that journal.
    case report

    func run(_ data: Data) {
        switch self {
        case .programme: Self.programme(data)
        case .session: Self.session(data)
        case .line: Self.line(data)
        case .check: Self.check(data)
        case .report: Self.report(data)
        }
    }

    /// The bundled programme, which the content targets read with one of its files replaced.
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Content/i-wotch").standardizedFileURL

    /// A private copy of the bundled programme, and the place for inputs that must be files; made
    /// once per process, which runs one target.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: bundled, to: url)
        } catch { fatalError("cannot copy the bundled programme from \(bundled.path): \(error)") }
        return url
    }()

    static func write(_ data: Data, _ name: String) -> URL {
        let url = scratch.appendingPathComponent(name)
        do { try data.write(to: url) } catch { fatalError("cannot write the fuzz input to \(url.path): \(error)") }
        return url
    }

    /// Loads the programme as `iwotch content check` does, fingerprint and messages included.
    static func load() {
        let check = ProgrammeLoader.load(path: scratch.path)
        if let programme = check.programme { _ = programme.fingerprint }
        _ = check.diagnostics.map(\.description)
    }

    static func programme(_ data: Data) {
        _ = write(data, "programme.yaml")
        load()
    }

    static func session(_ data: Data) {
        _ = write(data, "sessions/day-1.yaml")
        load()
    }

    static func line(_ data: Data) {
        let decoded = LineCodec.decode(data)
        #if FUZZING
        // What the byte-level reader accepts, JSONDecoder must read to the same event.
        if let fast = data.withUnsafeBytes(FastLineDecoder.decode) {
            switch LineCodec.decodeWithFoundation(data) {
            case .success(let slow):
                if fast != slow { fatalError("the decoders disagree on a line: \(fast) against \(slow)") }
            case .failure(let problem):
                fatalError("the byte-level reader accepts a line JSONDecoder refuses (\(problem))")
            }
            if decoded != .success(fast) { fatalError("LineCodec.decode does not give the byte-level reader's event") }
        } else if decoded != LineCodec.decodeWithFoundation(data) {
            fatalError("LineCodec.decode does not give JSONDecoder's answer")
        }
        #endif
        if case .success(let event) = decoded, let line = try? LineCodec.encode(event) {
            // What iwotch writes, it reads back to the same event.
            guard case .success(let again) = LineCodec.decode(line), again == event else {
                fatalError("an event does not survive writing and reading again")
            }
        }
    }

    static func check(_ data: Data) {
        let url = write(data, "journal.jsonl")
        let check = JournalCheck.run([url])
        _ = check.diagnostics.map(\.description)
        _ = check.summaries.count
    }

    static func report(_ data: Data) {
        let url = write(data, "journal.jsonl")
        let set = AuditSet.read([url])
        let document = FidelityReport.make(ReportInput(set: set, filters: Filters()))
        for section in document.sections { _ = CSV.render(section.table) }
    }
}
