import Foundation
import Testing
import TestSupport
import Journal
#if canImport(Glibc)
import Glibc
#endif

/// Kills a writing process with SIGKILL at random moments, many times over the same journal,
/// and proves that every event it acknowledged (after fsync) is in the file and that the file
/// still checks. Each round resumes the journal the last one was killed in.
@Suite struct CrashInjectionTests {
    static let rounds = 40

    @Test func everyAcknowledgedEventSurvivesKillNine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stress = BuiltBinary.stress
        var acknowledged: [Int: String] = [:]
        var generator = SystemRandomNumberGenerator()

        for _ in 0..<Self.rounds {
            let output = folder.deletingLastPathComponent().appendingPathComponent("acks-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            defer { try? FileManager.default.removeItem(at: output) }
            let process = Process()
            process.executableURL = stress
            process.arguments = [folder.path]
            process.standardOutput = try FileHandle(forWritingTo: output)
            try process.run()
            usleep(UInt32.random(in: 2_000...40_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == 0)

            for line in try String(contentsOf: output, encoding: .utf8).split(separator: "\n") {
                let parts = line.split(separator: " ")
                // A line cut by the kill is not an acknowledgement.
                guard parts.count == 2, parts[1].count == 36, let seq = Int(parts[0]) else { continue }
                acknowledged[seq] = String(parts[1])
            }
        }

        let file = folder.appendingPathComponent("2026-03-04-G01-group-1-stress00.jsonl")
        let journal = try ReadJournal.read(file)
        let written = Dictionary(journal.events.map { ($0.event.seq, $0.event.id.uuidString.lowercased()) }, uniquingKeysWith: { a, _ in a })
        #expect(acknowledged.count >= 10, "the writer got some work done (\(acknowledged.count) events acknowledged)")
        for (seq, id) in acknowledged {
            #expect(written[seq] == id, "acknowledged event \(seq) is missing or different")
        }
        // A kill can cut a write short between pages; such a line was never acknowledged, and the
        // next writer records it. Every unreadable line must be recorded that way.
        let recorded = Set(journal.events.flatMap { item -> [Int] in
            if case .damageFound(let damage) = item.event.body { return damage.lines } else { return [] }
        })
        for (line, reason) in journal.unreadable {
            #expect(recorded.contains(line) || line == journal.raw.lines.count, "line \(line) (\(reason)) is damaged and not recorded")
        }
        let check = JournalCheck.run([file])
        let errors = check.diagnostics.filter { $0.severity == .error }
        // Only the very last line may still be torn (the final kill), awaiting the next opening.
        #expect(errors.allSatisfy { $0.line == journal.raw.lines.count && $0.message.contains("incomplete") }, "\(errors.map { "\($0.line): \($0.message)" }) of \(journal.raw.lines.count) lines")
    }
}
