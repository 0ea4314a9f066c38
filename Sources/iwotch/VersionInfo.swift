import Foundation
import Programme

/// What `iwotch --version` prints: the app's version, the bundled content it would open (id,
/// version, release and fingerprint) and the source commit it was built from. A packaged build
/// reads the commit from `share/iwotch/build-info` (written by Scripts/package); a build in a
/// checkout reads the checkout's `.git`.
enum VersionInfo {
    static let app = "0.1.0"

    static func text() -> String {
        var out = "iwotch \(app)\n"
        let paths = ContentLocator.defaultPaths()
        for path in paths {
            let check = ProgrammeLoader.load(path: path)
            if let programme = check.programme, check.isClean {
                let release = switch programme.release {
                case .released(let date): "released \(date)"
                case .unreleased: "NOT RELEASED"
                case .changed: "CHANGED since its release"
                }
                out += "content: \(programme.id) \(programme.version), \(release), \(programme.fingerprint)\n"
            } else {
                out += "content: \(path) has problems; run `iwotch content check`\n"
            }
            out += "content folder: \(path)\n"
        }
        if paths.isEmpty {
            out += "content: none found (set IWOTCH_CONTENT or use --content)\n"
        }
        out += "source: " + (commit() ?? "unknown commit") + "\n"
        return out
    }

    /// The commit, from a package's build-info or the checkout the binary was built in.
    static func commit() -> String? {
        for folder in ContentLocator.executableFolders() {
            let info = folder.appendingPathComponent("share/iwotch/build-info")
            if let text = try? String(contentsOf: info, encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("commit ") }) {
                return String(line)
            }
            let git = folder.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) {
                guard head.hasPrefix("ref: ") else { return "commit " + head }
                let ref = String(head.dropFirst(5))
                if let id = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
                    return "commit " + id.trimmingCharacters(in: .whitespacesAndNewlines) + " (" + ref.replacingOccurrences(of: "refs/heads/", with: "") + ")"
                }
                let packed = (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
                if let line = packed.split(separator: "\n").first(where: { $0.hasSuffix(" " + ref) }) {
                    return "commit " + line.prefix(40) + " (" + ref.replacingOccurrences(of: "refs/heads/", with: "") + ")"
                }
                return nil
            }
        }
        return nil
    }
}
