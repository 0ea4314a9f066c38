import ArgumentParser
import Foundation
import Programme

/// Finds the bundled programme when no path is given: $IWOTCH_CONTENT, else the `Content/` folder
/// of the current directory, else the one beside the executable (found by walking up from it, so a
/// build in .build/debug finds the checkout's content).
enum ContentLocator {
    static let defaultProgramme = "i-wotch"

    static func defaultPath() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["IWOTCH_CONTENT"], !path.isEmpty { return path }
        var candidates = [FileManager.default.currentDirectoryPath]
        // /proc/self/exe names the binary however it was called (by PATH, by a link, relatively).
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.path)
            folder.deleteLastPathComponent()
        }
        for base in candidates {
            let programme = URL(fileURLWithPath: base).appendingPathComponent("Content").appendingPathComponent(defaultProgramme)
            if FileManager.default.fileExists(atPath: programme.appendingPathComponent("programme.yaml").path) {
                return relativeIfInside(programme.path)
            }
        }
        return nil
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
