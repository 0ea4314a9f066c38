import ArgumentParser
import Foundation
import Programme

/// Finds the bundled programmes when no path is given (`--content` always wins): $IWOTCH_CONTENT
/// (a programme's folder, or a folder of programme folders); else an installed package's
/// `share/iwotch/Content/`, found from the executable's own location (`bin/iwotch` beside
/// `share/iwotch`), so an installed binary works from any folder; else a checkout's `Content/`,
/// found by walking up from the executable (a build in .build/debug) or in the current directory.
/// The first of these holding any programme is the content location; every folder in it with a
/// programme.yaml is a programme, in order of folder name. No programme is preferred by name.
enum ContentLocator {
    static func defaultPaths() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["IWOTCH_CONTENT"], !path.isEmpty {
            let url = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("programme.yaml").path) || !isFolder(url) { return [path] }
            let found = programmes(in: url)
            return found.isEmpty ? [path] : found.map { relativeIfInside($0.path) }
        }
        let folders = executableFolders()
        var candidates = folders.map { $0.appendingPathComponent("share/iwotch/Content") }
        candidates += folders.map { $0.appendingPathComponent("Content") }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Content"))
        for base in candidates {
            let found = programmes(in: base)
            if !found.isEmpty { return found.map { relativeIfInside($0.path) } }
        }
        return []
    }

    /// The one programme at the content location, or nil when there is none or there are several.
    static func defaultPath() -> String? {
        let found = defaultPaths()
        return found.count == 1 ? found[0] : nil
    }

    /// The folders directly in `base` that hold a programme.yaml, by name.
    static func programmes(in base: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { base.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("programme.yaml").path) }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
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

    /// With no path and several programmes, the one folder whose programme `fits` (has the session
    /// named, is the programme a delivery pinned); else `path` as `resolve` finds it.
    static func resolve(_ path: String?, fitting fits: (Programme) -> Bool) throws -> String {
        let paths = defaultPaths()
        guard path == nil, paths.count > 1 else { return try resolve(path) }
        let fitting = paths.filter { ProgrammeLoader.load(path: $0).programme.map(fits) ?? false }
        return try resolve(fitting.count == 1 ? fitting[0] : nil)
    }

    /// The folder holding programme.yaml, for a path naming the folder or the file.
    static func folder(of path: String) -> String {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
            ? path : (path as NSString).deletingLastPathComponent
    }

    /// `path`, else the one programme found; several found is a question only the user can answer.
    static func resolve(_ path: String?, naming how: String = "--content FOLDER") throws -> String {
        if let path { return path }
        let found = defaultPaths()
        if found.count == 1 { return found[0] }
        if found.isEmpty {
            throw CommandFailure("No programme found. Name one (e.g. `iwotch content check Content/PROGRAMME`) or set IWOTCH_CONTENT to its folder.")
        }
        throw CommandFailure(several(found, naming: how))
    }

    /// "There are 2 programmes: … Name one with …", each by id and folder.
    static func several(_ paths: [String], naming how: String) -> String {
        let list = paths.map { path in
            (ProgrammeLoader.load(path: path).programme.map { "\($0.title) (\(path))" } ?? path)
        }
        return "There are \(paths.count) programmes: \(list.joined(separator: ", ")). Name the one to use, "
            + "for example \(how.replacingOccurrences(of: "FOLDER", with: paths[0]))."
    }
}
