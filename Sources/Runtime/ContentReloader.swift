import Foundation
import Programme
import SessionEngine

/// Reloads a programme when its files change, through the same loader and checker as
/// `iwotch content check`: clean content becomes the new programme; content with errors is
/// reported by its first errors, and the engine keeps showing the last good version.
final class ContentReloader {
    /// How often the files are looked at.
    static let interval: TimeInterval = 1

    let path: String
    private let watcher: ContentWatcher

    init(path: String) {
        self.path = path
        // A path naming programme.yaml itself is watched with the rest of its folder.
        let isFile = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        watcher = ContentWatcher(folder: isFile ? (path as NSString).deletingLastPathComponent : path)
    }

    /// The engine's next action when the files changed since the last poll, else nil.
    func poll() -> Action? {
        guard watcher.changed() else { return nil }
        return Self.load(path, folder: watcher.folder)
    }

    static func load(_ path: String, folder: String) -> Action {
        let check = ProgrammeLoader.load(path: path)
        if let programme = check.programme, check.isClean { return .contentReloaded(programme) }
        let errors = check.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else {
            return .contentRejected([ContentProblem(file: relative(path, to: folder), line: 1, message: "the programme could not be read")])
        }
        return .contentRejected(errors.map { ContentProblem(file: relative($0.path, to: folder), line: $0.line, message: $0.message) })
    }

    /// Paths in messages relative to the programme's folder: short enough for one row.
    static func relative(_ path: String, to folder: String) -> String {
        let prefix = (folder as NSString).standardizingPath + "/"
        let standard = (path as NSString).standardizingPath
        return standard.hasPrefix(prefix) ? String(standard.dropFirst(prefix.count)) : path
    }
}
