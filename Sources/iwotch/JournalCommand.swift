import ArgumentParser
import DisplayText
import Foundation
import Journal
import Programme

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Check and list the journals of deliveries; erase a participant's records on request.",
        subcommands: [Check.self, List.self, Erase.self]
    )

    struct Location: ParsableArguments {
        @Option(name: .long, help: "The journal folder (default: $IWOTCH_JOURNAL, else $XDG_DATA_HOME/iwotch/journal).")
        var journal: String?

        var directory: JournalDirectory { JournalDirectory.resolve(journal) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify journal files: JSON, schema, hash chain, sequence, ids, references and closing counts.",
            discussion: "Reports every problem as FILE:LINE:COL: error: WHAT. Exit status: 0 no errors, 1 errors found, 2 usage error."
        )

        @OptionGroup var location: Location

        @Option(name: .long, help: "Content to compare pinned agendas with (default: the bundled programme).")
        var content: String?

        @Argument(help: "Journal files or folders (default: every journal in the journal folder, live and rehearsal).")
        var paths: [String] = []

        func run() throws {
            try Self.report(try JournalFiles.collect(paths, default: location.directory), content: content)
        }

        /// Checks and prints, for files or (`iwotch db check`) a database's stored journals.
        static func report(_ files: [URL], content: String?, load: @escaping @Sendable (URL) throws -> Data = RawJournal.readData) throws {
            var programmes: [Programme] = []
            // Every bundled programme, so each delivery is checked against its own content.
            for path in content.map({ [$0] }) ?? ContentLocator.defaultPaths() {
                if let programme = ProgrammeLoader.load(path: path).programme { programmes.append(programme) }
            }
            let check = JournalCheck.run(files, programmes: programmes, load: load)
            for diagnostic in check.diagnostics {
                Say.error(diagnostic.description)
            }
            let reviews = check.summaries.filter(\.isReview).count
            let open = check.summaries.filter { !$0.isClosed && !$0.isReview }.count
            let errors = check.diagnostics.errorCount, warnings = check.diagnostics.warningCount
            var line = "\(files.count) \(files.count == 1 ? "journal" : "journals") checked"
            line += " (\(check.summaries.count - open - reviews) closed, \(open) open\(reviews > 0 ? ", \(reviews) \(reviews == 1 ? "review" : "reviews")" : "")): "
            line += "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
            Say.out(line)
            if errors > 0 { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List deliveries: date, group, site, programme and version, session, mode, open or closed, events.")

        @OptionGroup var location: Location

        @Argument(help: "Journal files or folders (default: every journal in the journal folder).")
        var paths: [String] = []

        func run() throws {
            let files = try JournalFiles.collect(paths, default: location.directory)
            if files.isEmpty {
                Say.out("No journals in \(location.directory.root.path).")
                return
            }
            let rows = files.compactMap { try? ReadJournal.read($0) }.map(DeliverySummary.init)
            let header = ["date", "group", "site", "programme", "session", "mode", "state", "events", "file"]
            let table = rows.sorted { ($0.date, $0.delivery) < ($1.date, $1.delivery) }.map {
                [$0.date, $0.group, $0.site, $0.programme, $0.session, $0.mode.rawValue, $0.isReview ? ($0.mode == .rehearsal ? "assessment" : "review") : $0.isClosed ? "closed" : "open", String($0.events), $0.url.lastPathComponent]
            }
            Say.out(TextTable.render([header] + table), terminator: "")
        }
    }
}

extension JournalCommand {
    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a participant's records on request from this machine's journals, keeping every chain verifiable.",
            discussion: """
            In every live and rehearsal journal of the group at the site, replaces each line that names the participant \
            (and each correction of such a line) with a tombstone that keeps the line's place and hash, so \
            `iwotch journal check` still verifies the chain and says how many lines are erased. Each file is rewritten \
            whole under a temporary name and renamed over the old, so a crash leaves one or the other. A delivery open \
            in iwotch is left alone (close it, then erase again). Erase the region's copy with `iwotch db erase`. See \
            Manuals/region-guide.md. The erasure is recorded (when, by whom, the reason; no code) in erasures.log in \
            the journal folder. Exit status: 0 done (or nothing named the participant); 1 some file could not be \
            rewritten or the erasure not recorded; 2 usage error.
            """)

        @OptionGroup var location: Location

        @OptionGroup var erasure: ErasureOptions

        func run() throws {
            let directory = location.directory
            let request = erasure.request
            var lines = 0, files = 0, failures = 0
            for url in directory.files(.live) + directory.files(.rehearsal) {
                do {
                    let erased = try Erasure.rewrite(url, request)
                    if erased > 0 { lines += erased; files += 1 }
                } catch {
                    failures += 1
                    Say.error("\(error)")
                }
            }
            if lines == 0 {
                Say.out("No journal of group \(request.group) at site \(request.site) in \(directory.root.path) names that participant (or it was erased already): nothing erased.")
            } else {
                do {
                    try Erasure.record(in: directory.root, at: Date(), reason: erasure.screenedReason, journals: files, lines: lines)
                } catch {
                    failures += 1
                    Say.error("\(error)")
                }
                Say.out("Erased \(lines) \(lines == 1 ? "line" : "lines") in \(files) \(files == 1 ? "journal" : "journals") of group \(request.group) at site \(request.site), recorded in erasures.log. `iwotch journal check` verifies them; erase the region's copy with `iwotch db erase`.")
            }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

/// Journal files named on the command line (files, or folders searched below), or all of them.
enum JournalFiles {
    static func collect(_ paths: [String], default directory: JournalDirectory) throws -> [URL] {
        guard !paths.isEmpty else { return directory.files(.live) + directory.files(.rehearsal) + directory.reviewFiles() + directory.assessmentFiles() }
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("No such file or folder: \(path)")
            }
            if !isDirectory.boolValue {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let base = URL(fileURLWithPath: path)
            let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".jsonl") } ?? []
            files += found.sorted().map { base.appendingPathComponent($0) }
        }
        return files
    }
}

/// Columns padded by display width, with every cell sanitised.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let cells = rows.map { $0.map(DisplayText.sanitised) }
        let widths = (0..<(cells.first?.count ?? 0)).map { column in cells.map { DisplayText.width($0[column]) }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - DisplayText.width(cell) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
