import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits to a programme's files by polling their sizes and modification times: no
/// dependency, no inotify, and cheap enough to run every second (a programme is a few files).
/// Only YAML files count, so an editor's swap and backup files do not trigger reloads.
final class ContentWatcher {
    /// What identifies one version of a file without reading it.
    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        /// Editors that save by writing a new file and renaming it over the old one change this.
        var inode: UInt64
    }

    let folder: String
    private var stamps: [String: Stamp]

    init(folder: String) {
        self.folder = folder
        stamps = Self.stamps(in: folder)
    }

    /// True when a YAML file was added, removed or changed since the last call (or since start).
    func changed() -> Bool {
        let now = Self.stamps(in: folder)
        defer { stamps = now }
        return now != stamps
    }

    static func stamps(in folder: String) -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return found }
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
            var info = stat()
            guard stat((folder as NSString).appendingPathComponent(relative), &info) == 0 else { continue }
            found[relative] = Stamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
                                    inode: UInt64(info.st_ino))
        }
        return found
    }
}
