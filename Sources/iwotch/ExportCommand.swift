import ArgumentParser
import Audit
import Foundation
import Journal

/// `iwotch export redcap`: files a REDCap project imports. The journal stays the record; the
/// export is a copy, and carries each journal's chain head: with the journal check, later edits show.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export deliveries for other systems.",
                                                    subcommands: [REDCap.self])

    struct REDCap: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "redcap",
            abstract: "Write a REDCap data dictionary, records and repeating-instrument settings (CSV).",
            discussion: """
            Writes three files into the output folder: iwotch-redcap-dictionary.csv (upload as the data dictionary), \
            iwotch-redcap-repeating.csv (the repeating instruments to enable) and iwotch-redcap-records.csv (import as \
            records). One record per delivery; fidelity items, attendance and supervisor reviews are repeating instruments. \
            The files are owner-only (0600). Exit status: 0 every journal passed the check; 1 some failed it (the files \
            are still written, and they are named on standard error) or the files could not be written; 2 usage error.
            """)

        @OptionGroup var options: ReportOptions

        @Option(name: .customLong("to-folder"), help: "The folder to write the three files into (created if missing).")
        var folder: String = "."

        /// The report options that choose deliveries apply; those that shape a report do not, and
        /// are refused rather than silently ignored.
        func validate() throws {
            let given = [("--format", options.format != nil), ("--table", options.table != nil), ("--width", options.width != nil),
                         ("-o/--output", options.output != nil), ("--content", options.content != nil)].filter(\.1).map(\.0)
            if !given.isEmpty {
                throw ValidationError("export redcap writes its three CSV files into --to-folder; it takes no \(given.joined(separator: ", ")).")
            }
        }

        func run() throws {
            if options.database == nil, try options.files().isEmpty {
                throw CommandFailure("No journals to export. Name journal files or folders, or set --journal.")
            }
            let set = try options.auditSet()
            let deliveries = set.filtered(options.filters)
            var heads: [String: String] = [:], checked: [String: Bool] = [:]
            for file in set.files where file.kind == .journal {
                if let delivery = file.delivery, let head = file.head { heads[delivery] = head; checked[delivery] = !file.failedCheck }
            }
            let folderURL = URL(fileURLWithPath: folder)
            do {
                try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CommandFailure("Could not create \(folder): \((error as NSError).localizedDescription)")
            }
            let outputs = [("iwotch-redcap-dictionary.csv", REDCapExport.dictionary()),
                           ("iwotch-redcap-repeating.csv", REDCapExport.repeatingInstruments()),
                           ("iwotch-redcap-records.csv", REDCapExport.records(deliveries, heads: heads, checked: checked))]
            for (name, text) in outputs {
                let path = folderURL.appendingPathComponent(name).path
                // Exports hold the same pseudonymous codes as the journals: owner-only (0600), like them.
                try Output.write(text, to: path)
            }
            Say.out("Wrote \(deliveries.count) deliveries to \(folderURL.appendingPathComponent("iwotch-redcap-records.csv").path) (with the dictionary and repeating-instrument settings beside it).")
            try FailedFiles.report(set)
        }
    }
}
