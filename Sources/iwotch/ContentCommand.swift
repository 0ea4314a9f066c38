import ArgumentParser
import Foundation
import Journal
import Programme

struct ContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "content",
        abstract: "Check programme content files.",
        subcommands: [Check.self, Release.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a programme's content files and print its fingerprint.",
            discussion: """
            Reports every problem as FILE:LINE:COL: error: WHAT, with the line and what to do. \
            Exit status: 0 clean, 1 content problems, 2 usage error.
            """
        )

        @Argument(help: "The programme folder (holding programme.yaml), or programme.yaml itself. Default: every bundled programme.")
        var path: String?

        @Flag(name: .shortAndLong, help: "Print only problems and the fingerprint.")
        var quiet = false

        func run() throws {
            // With no path, every bundled programme is checked, one after the other.
            let paths = path.map { [$0] } ?? ContentLocator.defaultPaths()
            if paths.isEmpty { _ = try ContentLocator.resolve(nil) }
            var failed = false
            for (index, path) in paths.enumerated() {
                if index > 0 { Say.out("") }
                failed = !check(path) || failed
            }
            if failed { throw ExitCode(1) }
        }

        /// Checks one programme and prints its summary; false when it has problems.
        private func check(_ path: String) -> Bool {
            var check = ProgrammeLoader.load(path: path)
            // The release lock is checked once the text itself is clean: it needs the fingerprint.
            if let programme = check.programme, check.isClean {
                check.diagnostics += ReleaseLock.check(folder: ContentLocator.folder(of: path), programme: programme)
            }
            guard let programme = ContentReport.programme(from: check, path: path) else { return false }
            Say.out(ContentSummary(programme: programme, path: path, files: check.files.count,
                                 warnings: check.diagnostics.warningCount).text(quiet: quiet), terminator: "")
            return true
        }
    }

    /// `iwotch content release`: records the checked text's fingerprint as its version's release.
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the content's version as released, with its fingerprint, in releases.yaml.",
            discussion: """
            Run it once the version's text has been reviewed. A released version's words never change: \
            `content check` fails if they do, and live deliveries of a version not released carry a warning. \
            Exit status: 0 released, 1 content problems or the version is already released, 2 usage error.
            """
        )

        @Argument(help: "The programme folder (holding programme.yaml). Default: the bundled programme, when there is only one.")
        var path: String?

        @Option(name: .long, help: "The release date, YYYY-MM-DD. Default: today.")
        var date: String?

        func run() throws {
            let path = try ContentLocator.resolve(path, naming: "`iwotch content release FOLDER`")
            let folder = ContentLocator.folder(of: path)
            let check = ProgrammeLoader.load(path: path)
            guard let programme = ContentReport.programme(from: check, path: path) else { throw ExitCode(1) }
            let day = try date.map { text in
                guard text.utf8.count == 10, Timestamp.parse(text + "T00:00:00.000Z") != nil else { throw ValidationError("--date takes a date as YYYY-MM-DD, such as 2026-11-26; got \"\(text)\".") }
                return text
            } ?? DeliveryID.localDate(Date(), offsetMinutes: TimeZone.current.secondsFromGMT() / 60)
            var lock: ReleaseLock?
            switch ReleaseLock.load(folder: folder) {
            case .failure(let problems):
                for diagnostic in problems.diagnostics { Say.error(diagnostic.description) }
                throw CommandFailure("Fix \(ReleaseLock.fileName) before releasing.")
            case .success(let read): lock = read
            }
            switch lock?.status(of: programme) {
            case .released(let on)?:
                throw CommandFailure("Version \(programme.version) was already released on \(on) with this text; nothing to do.")
            case .changed(let locked)?:
                throw CommandFailure("Version \(programme.version) was released with other text (\(locked)). Raise `version` in programme.yaml, then release the new version.")
            case .unreleased?, nil:
                break
            }
            let release = ReleaseLock.Release(version: programme.version, fingerprint: programme.fingerprint, date: day)
            let target = URL(fileURLWithPath: folder).appendingPathComponent(ReleaseLock.fileName)
            // Written whole under a temporary name and renamed into place (`Output`).
            try Output.write(ReleaseLock.text(adding: release, to: lock), to: target.path)
            Say.out("Released \(programme.title) version \(programme.version) (\(programme.fingerprint)) on \(day) in \(target.path).")
        }
    }
}
