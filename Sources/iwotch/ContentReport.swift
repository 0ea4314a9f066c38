import ArgumentParser
import Foundation
import Programme

/// Content problems reported the same way by every command that reads a programme for trainers
/// (`content check`, `plan`, `diff`): every diagnostic on standard error, then, when the content
/// cannot be used, one line counting the problems. A trainer fixing a file sees one format.
enum ContentReport {
    /// Prints the check's diagnostics (warnings too); the programme when it can be used, else the
    /// count line and nil.
    static func programme(from check: ContentCheck, path: String) -> Programme? {
        for diagnostic in check.diagnostics {
            Say.error(diagnostic.description)
        }
        guard let programme = check.programme, check.isClean else {
            let errors = check.diagnostics.errorCount
            let warnings = check.diagnostics.warningCount
            var line = "\(path): \(errors) \(errors == 1 ? "error" : "errors")"
            if warnings > 0 { line += ", \(warnings) \(warnings == 1 ? "warning" : "warnings")" }
            Say.error(line + " in \(check.files.count) files checked; no fingerprint until they are fixed.")
            return nil
        }
        return programme
    }

    /// The programme at `path` (default: the bundled one), or exit status 1 once its problems are printed.
    static func load(_ path: String?) throws -> (programme: Programme, path: String) {
        let path = try ContentLocator.resolve(path)
        guard let programme = programme(from: ProgrammeLoader.load(path: path), path: path) else { throw ExitCode(1) }
        return (programme, path)
    }
}
