/// The schema's versions, oldest first. A new version is a new `Migrations/M000N*.swift` file
/// added here; a version once released is never edited.
public enum Migrations {
    static let all: [(version: Int, name: String, sql: String)] = [
        (M0001Region.version, M0001Region.name, M0001Region.sql),
        (M0002Erasure.version, M0002Erasure.name, M0002Erasure.sql),
    ]

    public static var latest: Int { all.last!.version }

    /// Applies every version the database lacks, each in its own transaction with its row in
    /// `iwotch.schema_version`, and returns those applied. Running it again applies nothing.
    /// An advisory lock keeps two migrations from running at once.
    public static func migrate(_ db: RegionDatabase) async throws -> [Int] {
        try await db.script("SELECT pg_advisory_lock(4242013)")
        do {
            let current = try await version(db)
            var applied: [Int] = []
            for migration in all where migration.version > current {
                try await db.script("BEGIN")
                do {
                    try await db.script(migration.sql)
                    try await db.rows("INSERT INTO iwotch.schema_version (version, name) VALUES (\(migration.version), \(migration.name))")
                    try await db.script("COMMIT")
                } catch {
                    try? await db.script("ROLLBACK")
                    throw RegionDatabase.Failure("Migration \(migration.version) (\(migration.name)) failed and was undone: \(RegionDatabase.words(error))")
                }
                applied.append(migration.version)
            }
            try await db.script("SELECT pg_advisory_unlock(4242013)")
            return applied
        } catch {
            try? await db.script("SELECT pg_advisory_unlock(4242013)")
            throw error
        }
    }

    /// The schema version recorded in the database; 0 for a database without iwotch's tables.
    public static func version(_ db: RegionDatabase) async throws -> Int {
        let exists = try await db.rows("SELECT to_regclass('iwotch.schema_version') IS NOT NULL")
        guard try exists.first?.decode(Bool.self) == true else { return 0 }
        let rows = try await db.rows("SELECT coalesce(max(version), 0) FROM iwotch.schema_version")
        return try rows.first?.decode(Int.self) ?? 0
    }

    /// Refuses to work on a database whose schema is missing or older or newer than this iwotch's.
    public static func require(_ db: RegionDatabase) async throws {
        let found = try await version(db)
        if found == latest { return }
        if found == 0 {
            throw RegionDatabase.Failure("\(db.address.display) has no iwotch tables (or this role cannot see them). The database owner runs `iwotch db migrate` first (Manuals/region-guide.md).")
        }
        if found < latest {
            throw RegionDatabase.Failure("\(db.address.display) is at schema version \(found); this iwotch needs \(latest). The database owner runs `iwotch db migrate`.")
        }
        throw RegionDatabase.Failure("\(db.address.display) is at schema version \(found), newer than this iwotch knows (\(latest)). Update iwotch on this machine.")
    }
}
