import Foundation
import Yams

/// The outcome of loading a programme: the programme when it is clean, and every problem found.
public struct ContentCheck: Sendable {
    public var programme: Programme?
    public var diagnostics: [Diagnostic]
    /// The files read, in the order read.
    public var files: [String]
    public var isClean: Bool { diagnostics.errorCount == 0 && programme != nil }
}

public enum ProgrammeLoader {
    public static let programmeFileName = "programme.yaml"
    /// Loads a programme from its folder (holding programme.yaml) or from programme.yaml itself.
    public static func load(path: String) -> ContentCheck {
        // A folder, or a path that names no YAML file, is taken as the programme's folder.
        let namesFile = !isDirectory(path) && (path.hasSuffix(".yaml") || path.hasSuffix(".yml") || FileManager.default.fileExists(atPath: path))
        let programmePath = namesFile ? path : (path as NSString).appendingPathComponent(programmeFileName)
        let folder = (programmePath as NSString).deletingLastPathComponent
        var diagnostics: [Diagnostic] = []
        var files = [programmePath]

        var header = ProgrammeHeader()
        var programmeFile: SourceFile?
        switch SourceFile.read(programmePath) {
        case .failure(let problem):
            var problem = problem
            if problem.message == "no such file" {
                problem.message = "no programme file here"
                problem.help = "A programme is a folder holding \(programmeFileName) and its session files; see Manuals/content-authoring.md. Name that folder or the file itself."
            }
            return ContentCheck(programme: nil, diagnostics: [problem], files: files)
        case .success(let file):
            programmeFile = file
            switch YAMLDocument.parse(file) {
            case .failure(let problem): diagnostics.append(problem)
            case .success(let root):
                let reader = FileReader(file: file)
                header = reader.programmeHeader(root)
                diagnostics += inLineOrder(reader)
            }
        }

        var ids = IdentifierRegistry()
        var sessions: [Session] = []
        // Session ids as declared, even in files with other problems, so every dose reference is checked.
        var declaredSessions: Set<String> = []
        let roles = header.roles.map { $0.map(\.id) }
        var read: Set<String> = []
        for (relative, node) in header.sessionFiles {
            let sessionPath = (folder as NSString).appendingPathComponent(relative)
            // A file listed twice is read once; the cross-checks report the second listing.
            guard read.insert((sessionPath as NSString).standardizingPath).inserted else { continue }
            files.append(sessionPath)
            let file: SourceFile
            switch SourceFile.read(sessionPath) {
            case .failure(let problem):
                // A missing file is a mistake in programme.yaml: point there.
                if problem.message == "no such file", let programmeFile {
                    let reader = FileReader(file: programmeFile)
                    reader.report(node, "the session file `\(relative)` does not exist",
                                  help: "Session files are named relative to \(programmeFileName) (looked for \(sessionPath)). Correct the name or add the file.")
                    diagnostics += reader.diagnostics
                } else {
                    diagnostics.append(problem)
                }
                continue
            case .success(let read): file = read
            }
            switch YAMLDocument.parse(file) {
            case .failure(let problem): diagnostics.append(problem)
            case .success(let root):
                let reader = FileReader(file: file)
                if case let .mapping(mapping) = root, let id = mapping["id"]?.string { declaredSessions.insert(id) }
                if let session = reader.session(root, roles: roles, ids: &ids) { sessions.append(session) }
                diagnostics += inLineOrder(reader)
            }
        }

        if let programmeFile {
            diagnostics += crossChecks(header, declaredSessions: declaredSessions, allRead: declaredSessions.count == read.count, file: programmeFile)
            diagnostics += unlistedSessionFiles(folder: folder, listed: Set(files))
        }

        guard diagnostics.errorCount == 0,
              let id = header.id, let title = header.title, let version = header.version,
              let summary = header.summary, let provenance = header.provenance, let roles = header.roles,
              let scale = header.fidelityScale, let competence = header.competenceScale, let dose = header.dose,
              let bands = header.bands, let warning = header.warningMinutes, header.participantCodes != .some(nil),
              sessions.count == read.count, !sessions.isEmpty
        else {
            return ContentCheck(programme: nil, diagnostics: diagnostics, files: files)
        }
        var programme = Programme(id: id, title: title, version: version, summary: summary, provenance: provenance,
                                  roles: roles, fidelityScale: scale, competenceScale: competence, dose: dose,
                                  bands: bands, warningMinutes: warning, participantCodes: header.participantCodes ?? nil,
                                  sessions: sessions)
        programme.trains = header.trains
        // An unreadable lock leaves the text unreleased here; `content check` reports why.
        if case .success(let lock?) = ReleaseLock.load(folder: folder) { programme.release = lock.status(of: programme) }
        return ContentCheck(programme: programme, diagnostics: diagnostics, files: files)
    }

    /// Checks that need the programme file and every session together.
    private static func crossChecks(_ header: ProgrammeHeader, declaredSessions known: Set<String>, allRead: Bool,
                                    file: SourceFile) -> [Diagnostic] {
        let reader = FileReader(file: file)
        var seenFiles: [String: Node] = [:]
        for (path, node) in header.sessionFiles {
            let normalised = (path as NSString).standardizingPath
            if let first = seenFiles[normalised] {
                reader.report(node, "the session file `\(path)` is listed twice",
                              help: "It is first listed at line \(reader.position(of: first).0). List each session once.")
            }
            seenFiles[normalised] = node
        }
        // Only when every session file could be read can an unknown dose session be told from a broken file.
        if allRead {
            let ids = known.sorted()
            for node in header.doseSessionNodes {
                guard case let .scalar(scalar) = node, !known.contains(scalar.string) else { continue }
                var help = "The sessions are: \(ids.joined(separator: ", "))."
                if let near = Spelling.closest(to: scalar.string, in: ids) { help = "Did you mean `\(near)`? " + help }
                reader.report(node, "the dose counts session `\(scalar.string)`, which the programme does not have", help: help)
            }
        }
        return reader.diagnostics
    }

    /// A session file in the folder but not in programme.yaml is probably forgotten.
    private static func unlistedSessionFiles(folder: String, listed: Set<String>) -> [Diagnostic] {
        let sessionsFolder = (folder as NSString).appendingPathComponent("sessions")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: sessionsFolder) else { return [] }
        let listedPaths = Set(listed.map { ($0 as NSString).standardizingPath })
        return names.sorted().filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.compactMap { name in
            let path = (sessionsFolder as NSString).appendingPathComponent(name)
            guard !listedPaths.contains((path as NSString).standardizingPath) else { return nil }
            return Diagnostic(path: path, line: 1, column: 1, severity: .warning,
                              message: "this session file is not listed in \(programmeFileName), so it is not part of the programme",
                              excerpt: nil, help: "Add it to `sessions:` in \(programmeFileName), or move it out of the sessions folder.")
        }
    }

    /// One file's problems in line order (the walk finds some out of order), and how many more
    /// there were beyond those kept.
    private static func inLineOrder(_ reader: FileReader) -> [Diagnostic] {
        let sorted = reader.diagnostics.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        guard reader.suppressed > 0 else { return sorted }
        return sorted + [Diagnostic(path: reader.file.path, line: 1, column: 1,
                                    message: "and \(reader.suppressed) more problems in this file",
                                    excerpt: nil, help: "Fix the problems above and check again.")]
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
