import Foundation
import Journal
import PostgresNIO

/// Deliveries read back from the database as the journal files they came from: each delivery's
/// stored lines, byte for byte, joined with newlines, under the name `live/<file name>` it had on
/// the laptop. The same readers, checks and reports then run on them as on files, so a report
/// from the database is the report from the gathered files (Manuals/region-guide.md).
public struct StoredJournal: Sendable {
    public var delivery: String
    public var fileName: String
    public var site: String
    public var data: Data

    /// The path reports name it by: as `live/FILE` in the folder the command runs in.
    public var url: URL { URL(fileURLWithPath: "live/" + fileName) }

    /// Every delivery this role may read, in file-name order. Each delivery's lines are joined in
    /// the database, in line order and each ending with a newline, as they were on disk: one row a
    /// delivery rather than one a line (decoding a row per line took most of the time).
    public static func all(_ db: RegionDatabase) async throws -> [StoredJournal] {
        try await Migrations.require(db)
        var journals: [StoredJournal] = []
        let query: PostgresQuery = """
            SELECT d.delivery_id, d.file_name, d.site, string_agg(e.line || '\\x0a'::bytea, ''::bytea ORDER BY e.seq)
            FROM iwotch.deliveries d JOIN iwotch.events e ON e.delivery_id = d.delivery_id
            GROUP BY d.delivery_id, d.file_name, d.site
            """
        do {
            for try await row in try await db.connection.query(query, logger: db.logger) {
                let (delivery, file, site, lines) = try row.decode((String, String, String, ByteBuffer).self)
                journals.append(StoredJournal(delivery: delivery, fileName: file, site: site, data: Data(lines.readableBytesView)))
            }
        } catch {
            throw RegionDatabase.Failure(RegionDatabase.words(error))
        }
        // Sorted here rather than in SQL: sorting the joined lines there spilled hundreds of
        // megabytes to disk.
        return journals.sorted { ($0.fileName, $0.delivery) < ($1.fileName, $1.delivery) }
    }
}
