import ArgumentParser
import Foundation
import Programme

/// Finds the bundled programme when no path is given (`--content` always wins): $IWOTCH_CONTENT;
/// else an installed package's `share/iwotch/Content/`, found from the executable's own location
/// (`bin/iwotch` beside `share/iwotch`), so an installed binary works from any folder; else a
/// checkout's `Content/`, found by walking up from the executable (a build in .build/debug) or in
/// the current directory.
enum ContentLocator {
    static let defaultProgramme = "i-wotch"

    static func defaultPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["IWOTCH_CONTENT"], !path.isEmpty { return path }
        let folders = executableFolders()
        var candidates = folders.map { $0.appendingPathComponent("share/iwotch/Content") }
        candidates += folders.map { $0.appendingPathComponent("Content") }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Content"))
        for base in candidates {
            let programme = base.appendingPathComponent(defaultProgramme)
            if FileManager.default.fileExists(atPath: programme.appendingPathComponent("programme.yaml").path) {
                return relativeIfInside(programme.path)
            }
        }
        return nil
    }

    /// The executable's folder and up to five above it, nearest first.
    static func executableFolders() -> [URL] {
        // /proc/self/exe names the binary however it was called (by PATH, by a link, relatively).
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var folders: [URL] = []
        for _ in 0..<6 {
            folders.append(folder)
            folder.deleteLastPathComponent()
        }
        return folders
    }

    /// Shorter paths in messages when the content sits under the current directory.
    private static func relativeIfInside(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }

    /// The programme at `path` (or the default), or its problems printed and exit status 1.
    static func loadClean(_ path: String?, purpose: String) throws -> (programme: Programme, path: String) {
        let path = try resolve(path)
        let check = ProgrammeLoader.load(path: path)
        guard let programme = check.programme, check.isClean else {
            for diagnostic in check.diagnostics { Say.error(diagnostic.description) }
            Say.error("The programme in \(path) has problems; fix them (iwotch content check) before \(purpose).")
            throw ExitCode(1)
        }
        return (programme, path)
    }

    /// The folder holding programme.yaml, for a path naming the folder or the file.
    static func folder(of path: String) -> String {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            ? path : (path as NSString).deletingLastPathComponent
    }

    static func resolve(_ path: String?) throws -> String {
        if let path { return path }
        if let found = defaultPath() { return found }
        throw CommandFailure("No programme found. Name one (e.g. `iwotch content check Content/i-wotch`) or set IWOTCH_CONTENT to its folder.")
    }
}
