import ArgumentParser
import Audit
import DisplayText
import Foundation
import Journal
import Region

/// What the region's commands share: finding the database (`--database URL` or
/// `IWOTCH_DATABASE_URL`), connecting, and reading its deliveries as the journals they were.
enum RegionAccess {
    /// The address, or a usage error saying how to give one. `optionName` is the option's spelling.
    static func address(_ option: String?, required: Bool = true) throws -> DatabaseAddress? {
        do {
            let address = try DatabaseAddress.resolve(option: option)
            if address == nil && required {
                throw ValidationError("Name the region's database with --database postgres://USER@HOST/DATABASE or IWOTCH_DATABASE_URL (Manuals/region-guide.md).")
            }
            return address
        } catch let problem as DatabaseAddress.Problem {
            if problem.isUsage { throw ValidationError(problem.description) }
            throw CommandFailure(problem.description)
        }
    }

    /// Runs `work` against the database; its failures become command failures (status 1).
    static func run<T: Sendable>(_ address: DatabaseAddress, _ work: @escaping @Sendable (RegionDatabase) async throws -> T) throws -> T {
        do {
            return try waitFor { try await RegionDatabase.with(address, work) }
        } catch let failure as RegionDatabase.Failure {
            throw CommandFailure(failure.description)
        }
    }

    /// The deliveries this role may read, as journals named `live/FILE`.
    static func stored(_ address: DatabaseAddress) throws -> [StoredJournal] {
        try run(address) { try await StoredJournal.all($0) }
    }

    /// Reads stored journals as `AuditSet.read` reads files, from the bytes in hand.
    static func auditSet(_ journals: [StoredJournal]) -> AuditSet {
        let loader = loader(journals)
        return AuditSet.read(journals.map(\.url), load: loader)
    }

    static func loader(_ journals: [StoredJournal]) -> @Sendable (URL) throws -> Data {
        let bytes = Dictionary(journals.map { ($0.url.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        return { url in
            guard let data = bytes[url.path] else { throw JournalError.unreadable(path: url.path, reason: "not in the database") }
            return data
        }
    }
}

/// Whose records to erase, and why: `iwotch journal erase` and `iwotch db erase` take the same.
/// The reason is kept (in the database's record of the erasure), so it is screened as every free
/// text is, and must not name the participant: the record of an erasure keeps no code.
struct ErasureOptions: ParsableArguments {
    @Option(name: .long, help: "The site of the participant's group.")
    var site: String

    @Option(name: .long, help: "The participant's group.")
    var group: String

    @Option(name: .long, help: "The participant's code, as in the journals (compared without case).")
    var participant: String

    @Option(name: .long, help: "Why (such as \"participant's request, ref IG-2026-014\"); kept without the code.")
    var reason: String

    func validate() throws {
        for (name, value) in [("--site", site), ("--group", group)] {
            guard !value.isEmpty, value.count <= 64, value.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0) }) else {
                throw ValidationError("\(name) \"\(DisplayText.printable(value))\" is not a code as the journals name it: letters, digits, - _ and . only (such as S1 or G-2026-03).")
            }
        }
        // Every code's rules (no names, numbers or dates), not a programme's shape: any programme's codes can be erased.
        if let refusal = Privacy.refusal(forCode: participant, what: "The participant code") { throw ValidationError("--participant: \(DisplayText.printable(refusal))") }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 500 else {
            throw ValidationError("--reason: say why the records are erased, in at most 500 characters (such as \"participant's request, ref IG-2026-014\").")
        }
        if let refusal = Privacy.refusal(forText: trimmed, what: "reason") { throw ValidationError("--reason: \(refusal)") }
        if trimmed.uppercased().contains(Code.canonical(participant)) {
            throw ValidationError("--reason: the reason names the participant's code; the record of an erasure keeps no code. Give a reference instead (such as \"ref IG-2026-014\").")
        }
    }

    var request: Erasure.Request { Erasure.Request(site: site, group: group, participant: participant) }
    var screenedReason: String { reason.trimmingCharacters(in: .whitespacesAndNewlines) }
}
