import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where journals live, and the folder rules: owner-only permissions, rehearsals apart.
public struct JournalDirectory: Sendable {
    /// The journal root: `live/` and `rehearsal/` below it, never mixed.
    public var root: URL

    public init(root: URL) { self.root = root }

    /// `--journal DIR`, else `$IWOTCH_JOURNAL`, else `$XDG_DATA_HOME/iwotch/journal`
    /// (`~/.local/share/iwotch/journal` when XDG_DATA_HOME is unset).
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> JournalDirectory {
        if let option, !option.isEmpty { return JournalDirectory(root: URL(fileURLWithPath: option)) }
        if let path = environment["IWOTCH_JOURNAL"], !path.isEmpty { return JournalDirectory(root: URL(fileURLWithPath: path)) }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/share")
        return JournalDirectory(root: URL(fileURLWithPath: data).appendingPathComponent("iwotch/journal"))
    }

    public func folder(for mode: JournalEvent.Mode) -> URL { root.appendingPathComponent(mode.rawValue) }

    /// Supervisors' review files: beside the journals, never inside them.
    public var reviews: URL { root.appendingPathComponent("reviews") }

    public func reviewFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reviews.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { reviews.appendingPathComponent($0) }
    }

    /// What supervisors' reports and the audit screen read by default: the live journals and the
    /// review files (rehearsals only when asked for).
    public func auditFiles(includingRehearsals: Bool = false) -> [URL] {
        files(.live) + (includingRehearsals ? files(.rehearsal) : []) + reviewFiles()
    }

    /// Journal files of one mode, oldest name first.
    public func files(_ mode: JournalEvent.Mode) -> [URL] {
        let folder = folder(for: mode)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Creates the folder and any missing parents with owner-only permissions, and tightens the
    /// folder itself if it exists with looser ones.
    static func prepare(_ folder: URL) throws {
        var missing: [URL] = []
        var cursor = folder
        while !FileManager.default.fileExists(atPath: cursor.path) {
            missing.append(cursor)
            cursor.deleteLastPathComponent()
        }
        for path in missing.reversed() {
            if mkdir(path.path, 0o700) != 0 && errno != EEXIST {
                throw JournalError.system(path: path.path, action: "create the folder", errno: errno)
            }
            try sync(path.deletingLastPathComponent())
        }
        chmod(folder.path, 0o700)
    }

    static func sync(_ folder: URL) throws {
        let fd = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.system(path: folder.path, action: "open the folder", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw JournalError.system(path: folder.path, action: "save the folder", errno: errno) }
    }
}
