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

    /// Trainers' assessments of rehearsals: apart from the supervisors' reviews, as rehearsals are
    /// apart from live journals, so no live report ever reads them.
    public var assessments: URL { root.appendingPathComponent("assessments") }

    public func assessmentFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: assessments.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { assessments.appendingPathComponent($0) }
    }

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
    /// folder itself if it exists with looser ones. A folder that is a symbolic link is followed
    /// only to a folder of this user's that is already open to them alone (0700), and is never
    /// chmod'ed; a folder of another user's, or anything other than a folder, is refused.
    static func prepare(_ folder: URL) throws {
        var missing: [URL] = []
        var cursor = folder
        var info = stat()
        while lstat(cursor.path, &info) != 0, errno == ENOENT, cursor.path != "/" {
            missing.append(cursor)
            cursor.deleteLastPathComponent()
        }
        for path in missing.reversed() {
            if mkdir(path.path, 0o700) != 0 && errno != EEXIST {
                throw JournalError.system(path: path.path, action: "create the folder", errno: errno)
            }
            try sync(path.deletingLastPathComponent())
        }
        guard lstat(folder.path, &info) == 0 else { throw JournalError.system(path: folder.path, action: "look at the folder", errno: errno) }
        let name = folder.lastPathComponent
        if info.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path)) ?? "?"
            var followed = stat()
            guard stat(folder.path, &followed) == 0, followed.st_mode & S_IFMT == S_IFDIR else {
                throw JournalError.refused("The journal folder \(folder.path) is a symbolic link to \(target), which is not a folder. Replace the link with a folder.")
            }
            guard followed.st_uid == geteuid() else {
                throw JournalError.refused("The journal folder \(folder.path) is a symbolic link to \(target), a folder owned by another user (uid \(followed.st_uid)). Journals are kept only in the user's own folders.")
            }
            guard followed.st_mode & 0o777 == 0o700 else {
                throw JournalError.refused("The journal folder \(folder.path) is a symbolic link to \(target), which is open to others (mode \(String(followed.st_mode & 0o777, radix: 8))). iwotch does not change the permissions of a folder it reaches through a link: set that folder to 0700 (chmod 700), or replace the link with a folder.")
            }
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw JournalError.refused("The journal folder \(folder.path) is not a folder. Move that file away; iwotch keeps \(name)/ for journals.")
        }
        guard info.st_uid == geteuid() else {
            throw JournalError.refused("The journal folder \(folder.path) is owned by another user (uid \(info.st_uid)). Journals are kept only in the user's own folders.")
        }
        // Tightened through a descriptor of the folder itself, so nothing swapped in is changed.
        let fd = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.system(path: folder.path, action: "open the folder", errno: errno) }
        defer { close(fd) }
        if info.st_mode & 0o777 != 0o700, fchmod(fd, 0o700) != 0 {
            throw JournalError.system(path: folder.path, action: "make the folder private", errno: errno)
        }
    }

    static func sync(_ folder: URL) throws {
        let fd = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw JournalError.system(path: folder.path, action: "open the folder", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw JournalError.system(path: folder.path, action: "save the folder", errno: errno) }
    }
}
