import Foundation
import Yams

/// The versions of a content pack that have been released, each with the fingerprint of its text:
/// `releases.yaml` beside programme.yaml. A released version's words never change: when the text
/// no longer has the fingerprint locked for its version, `content check` fails and says to raise
/// the version. A version not in the file (or a pack without the file) is unreleased: it can be
/// rehearsed, and delivered live only under a warning on every screen and a flag in the journal
/// and the reports. Releasing is a reviewed step: `iwotch content release` adds the line.
///
/// Not part of the programme's text, so not in its fingerprint: releasing changes nothing a
/// journal pins.
public struct ReleaseLock: Sendable, Equatable {
    public static let fileName = "releases.yaml"

    public struct Release: Sendable, Equatable {
        public var version: String
        public var fingerprint: String
        /// The day it was released, YYYY-MM-DD.
        public var date: String
        /// Where the entry is, for messages.
        var line = 1, column = 1, span = 1
        public init(version: String, fingerprint: String, date: String) { self.version = version; self.fingerprint = fingerprint; self.date = date }
        public static func == (a: Release, b: Release) -> Bool { (a.version, a.fingerprint, a.date) == (b.version, b.fingerprint, b.date) }
    }

    public var releases: [Release]

    public init(releases: [Release]) { self.releases = releases }

    /// Whether the programme's text is a released version.
    public func status(of programme: Programme) -> Programme.Release {
        guard let entry = releases.last(where: { $0.version == programme.version }) else { return .unreleased }
        return entry.fingerprint == programme.fingerprint ? .released(date: entry.date) : .changed(locked: entry.fingerprint)
    }

    /// The lock file in `folder`: nil when the pack has none; its problems (with file and line) when
    /// it cannot be read.
    public struct Problems: Error { public var diagnostics: [Diagnostic] }

    public static func load(folder: String) -> Result<ReleaseLock?, Problems> {
        let path = (folder as NSString).appendingPathComponent(fileName)
        var info = stat()
        guard lstat(path, &info) == 0 else { return .success(nil) }
        let file: SourceFile
        switch SourceFile.read(path) {
        case .failure(let problem): return .failure(Problems(diagnostics: [problem]))
        case .success(let read): file = read
        }
        let root: Node
        switch YAMLDocument.parse(file) {
        case .failure(let problem): return .failure(Problems(diagnostics: [problem]))
        case .success(let parsed): root = parsed
        }
        let reader = FileReader(file: file)
        var releases: [Release] = []
        if let fields = reader.mapping(root, "the releases file", keys: ["releases"]),
           let list = reader.required(fields, "releases", help: "Write `releases:` and one entry per released version.") {
            var seen: [String: Int] = [:]
            for entry in reader.sequence(list, "the releases list") ?? [] {
                guard let release = reader.mapping(entry, "a release", keys: ["version", "fingerprint", "date"]) else { continue }
                let version = reader.required(release, "version").flatMap { reader.text($0, "the version", rule: .label) }
                let fingerprint = reader.required(release, "fingerprint").flatMap { reader.text($0, "the fingerprint", rule: .prose) }
                let date = reader.required(release, "date").flatMap { reader.text($0, "the date", rule: .label) }
                guard let version, let fingerprint, let date, let versionNode = release["version"] else { continue }
                let (line, column) = reader.position(of: versionNode)
                if !isFingerprint(fingerprint) {
                    reader.report(release["fingerprint"], "`\(fingerprint)` is not a fingerprint",
                                  help: "Copy it from `iwotch content check`: sha256: and 64 hexadecimal digits.")
                    continue
                }
                if let first = seen[version] {
                    reader.report(versionNode, "version \(version) is released twice (first on line \(first))",
                                  help: "A version is released once. Raise the version in programme.yaml for changed text.")
                    continue
                }
                seen[version] = line
                var found = Release(version: version, fingerprint: fingerprint, date: date)
                found.line = line
                found.column = column
                found.span = reader.span(of: versionNode)
                releases.append(found)
            }
        }
        return reader.diagnostics.isEmpty ? .success(ReleaseLock(releases: releases)) : .failure(Problems(diagnostics: reader.diagnostics))
    }

    /// What `content check` reports of the lock for a programme that loaded cleanly: its problems,
    /// and an error when the version was released with other text.
    public static func check(folder: String, programme: Programme) -> [Diagnostic] {
        switch load(folder: folder) {
        case .failure(let problems): return problems.diagnostics
        case .success(nil): return []
        case .success(let lock?):
            guard case .changed(let locked) = lock.status(of: programme),
                  let entry = lock.releases.last(where: { $0.version == programme.version }) else { return [] }
            let path = (folder as NSString).appendingPathComponent(fileName)
            let excerpt = (try? String(contentsOfFile: path, encoding: .utf8))?
                .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(entry.line - 1).first.map(String.init)
            return [Diagnostic(path: path, line: entry.line, column: entry.column, severity: .error,
                               message: "version \(programme.version) was released with fingerprint \(locked), but the text now has \(programme.fingerprint)",
                               excerpt: excerpt, span: entry.span,
                               help: "A released version's words never change. Raise `version` in programme.yaml (for example past \(programme.version)), then release it with `iwotch content release` once it has been reviewed.")]
        }
    }

    /// The lock file's text with `release` added, as `iwotch content release` writes it.
    public static func text(adding release: Release, to lock: ReleaseLock?) -> String {
        var out = """
        # The released versions of this content pack and the fingerprints of their text. A released
        # version's words never change: `iwotch content check` fails if they do. Add a version with
        # `iwotch content release` once its text has been reviewed (Manuals/content-authoring.md).
        releases:

        """
        for entry in (lock?.releases ?? []) + [release] {
            out += "  - version: \"\(entry.version)\"\n    fingerprint: \(entry.fingerprint)\n    date: \(entry.date)\n"
        }
        return out
    }

    static func isFingerprint(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return text.hasPrefix("sha256:") && bytes.count == 71
            && bytes.dropFirst(7).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension Programme {
    /// Whether this text is a released version of its pack (`ReleaseLock`).
    public enum Release: Sendable, Equatable {
        case released(date: String)
        /// Not in the lock file, or the pack has none.
        case unreleased
        /// Its version was released with other text (`content check` fails on it).
        case changed(locked: String)

        public var isReleased: Bool { if case .released = self { true } else { false } }
    }
}
