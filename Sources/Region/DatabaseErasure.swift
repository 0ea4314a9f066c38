import Foundation
import Journal
import PostgresNIO

/// `iwotch db erase`: a participant's stored lines replaced by their tombstones, in one
/// transaction, with the erasure recorded (`M0002Erasure`). The lines to erase are chosen by the
/// same planning as on a laptop (`Erasure.plan`), over the stored bytes of the group's deliveries.
public enum DatabaseErasure {
    public struct Outcome: Sendable {
        /// The `iwotch.erasures` row, or nil when nothing named the participant.
        public var erasure: Int?
        public var deliveries: Int
        public var lines: Int
    }

    /// Erases; `reason` has been screened by the caller (`Privacy`). Only a member of
    /// `iwotch_region` or the database's owner can (no other role may change an event): others are
    /// told so.
    public static func run(_ db: RegionDatabase, _ request: Erasure.Request, reason: String) async throws -> Outcome {
        do {
            return try await erase(db, request, reason: reason)
        } catch let failure as RegionDatabase.Failure where failure.description.contains("permission denied") {
            throw RegionDatabase.Failure("\(db.address.display): only the region's data manager (a member of iwotch_region) or the database's owner erases records; nothing was erased (\(failure.description)).")
        }
    }

    static func erase(_ db: RegionDatabase, _ request: Erasure.Request, reason: String) async throws -> Outcome {
        try await Migrations.require(db)
        let query: PostgresQuery = """
            SELECT d.delivery_id, string_agg(e.line || '\\x0a'::bytea, ''::bytea ORDER BY e.seq)
            FROM iwotch.deliveries d JOIN iwotch.events e ON e.delivery_id = d.delivery_id
            WHERE d.site = lower(\(request.site)) AND lower(d.group_code) = lower(\(request.group))
            GROUP BY d.delivery_id ORDER BY d.delivery_id
            """
        var planned: [(delivery: String, tombstones: [Tombstone])] = []
        for row in try await db.rows(query) {
            let (delivery, bytes) = try row.decode((String, ByteBuffer).self)
            let lines = RawJournal(data: Data(bytes.readableBytesView)).lines.map { Data($0.bytes) }
            let tombstones = Erasure.plan(lines, request).map(\.tombstone)
            if !tombstones.isEmpty { planned.append((delivery, tombstones)) }
        }
        let lines = planned.reduce(0) { $0 + $1.tombstones.count }
        guard lines > 0 else { return Outcome(erasure: nil, deliveries: 0, lines: 0) }
        try await db.script("BEGIN")
        do {
            let inserted = try await db.rows("INSERT INTO iwotch.erasures (reason, deliveries, lines) VALUES (\(reason), \(planned.count), \(lines)) RETURNING erasure_id")
            guard let erasure = try inserted.first?.decode(Int.self) else { throw RegionDatabase.Failure("the erasure was not recorded") }
            try await db.rows("SELECT set_config('iwotch.erasure', \(String(erasure)), true)")
            for (delivery, tombstones) in planned {
                for tombstone in tombstones {
                    try await db.rows("UPDATE iwotch.events SET line = \(ByteBuffer(bytes: tombstone.line)) WHERE delivery_id = \(delivery) AND seq = \(tombstone.seq)")
                }
            }
            try await db.script("COMMIT")
            return Outcome(erasure: erasure, deliveries: planned.count, lines: lines)
        } catch {
            try? await db.script("ROLLBACK")
            throw error
        }
    }

    /// The stored lines of these deliveries that are tombstones (erased in the database, or on a
    /// laptop before they were sent): by delivery, each line's number and the hash it still holds.
    public static func erasedLines(_ db: RegionDatabase, _ deliveries: [String]) async throws -> [String: [Int: String]] {
        guard !deliveries.isEmpty else { return [:] }
        var erased: [String: [Int: String]] = [:]
        for row in try await db.rows("SELECT delivery_id, seq, hash FROM iwotch.erased_lines WHERE delivery_id = ANY(\(deliveries))") {
            let (delivery, seq, hash) = try row.decode((String, Int, String).self)
            erased[delivery, default: [:]][seq] = hash
        }
        return erased
    }
}
