import ArgumentParser
import Audit
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
