import ArgumentParser
import Audit
import Foundation
import Journal
import Programme

/// `iwotch report fidelity|attendance|timing|sessions`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Supervisors' reports over any number of journals: fidelity, attendance, timing, sessions.",
        discussion: """
        Reads journal files and folders (default: the journal folder's live journals and reviews), joins copies of \
        the same journal by event id, applies corrections, leaves rehearsals out unless asked, and names every file \
        that fails `iwotch journal check` while still reading what it can. See Manuals/supervisor-guide.md. \
        Exit status: 0 every journal passed the check; 1 some failed it (the report is still written, and they are \
        named on standard error) or the report could not be made; 2 usage error.
        """,
        subcommands: [Fidelity.self, Attendance.self, Timing.self, Sessions.self, Training.self]
    )

    struct Fidelity: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Adherence per delivery, activity, facilitator, site and month; missed items; supervisor agreement.")
        @OptionGroup var options: ReportOptions
        func run() throws { try options.emit { FidelityReport.make($0) } }
    }

    struct Attendance: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Group days attended per participant, late and left early, and who reached the dose.")
        @OptionGroup var options: ReportOptions
        func run() throws { try options.emit { AttendanceReport.make($0) } }
    }

    struct Timing: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Planned against actual minutes per item, overrun hot spots, session lengths.")
        @OptionGroup var options: ReportOptions
        func run() throws { try options.emit { TimingReport.make($0) } }
    }

    struct Training: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trainees' rehearsals, trainers' assessments, sign-offs, and training events (attendance at a training course).",
            discussion: "Reads the journal folder's rehearsals and assessments, and its live records for the training events only (the live deliveries of a course whose content says which programme it trains for), or the files and folders named. Rehearsals never count in the live reports.")
        @OptionGroup var options: ReportOptions
        func run() throws {
            var options = options
            options.includeRehearsals = true
            options.training = true
            try options.emit { TrainingReport.make($0) }
        }
    }

    struct Sessions: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per delivery, and an audit sample (first deliveries, below band, random top-up).")
        @OptionGroup var options: ReportOptions
        @Option(name: .long, help: "The share of deliveries the audit sample reaches, 0 to 1 (default 0.1).")
        var share: Double = 0.10
        @Option(name: .long, help: "Seed of the random top-up (default: a new one, printed in the report).")
        var seed: UInt64?

        func validate() throws {
            guard (0...1).contains(share) else { throw ValidationError("--share is a fraction from 0 to 1, such as 0.1 for 10%.") }
        }

        func run() throws {
            let seed = seed ?? UInt64.random(in: 1...999_999)
            try options.emit { SessionsReport.make($0, sample: .init(share: share, seed: seed)) }
        }
    }
}

/// Options every report takes: what to read, which deliveries, and how to write it.
struct ReportOptions: ParsableArguments {
    @Argument(help: "Journal files or folders, searched below (default: the journal folder's live journals and reviews).")
    var paths: [String] = []

    @Option(name: .long, help: "The journal folder (default: $IWOTCH_JOURNAL, else $XDG_DATA_HOME/iwotch/journal).")
    var journal: String?

    @Option(name: .long, help: "Read the deliveries from the region's database, postgres://USER@HOST:PORT/DATABASE, instead of journal files (sources are named live/FILE).")
    var database: String?

    @Option(name: .long, help: "Only deliveries on or after this date (YYYY-MM-DD).")
    var from: String?
    @Option(name: .long, help: "Only deliveries on or before this date (YYYY-MM-DD).")
    var to: String?
    @Option(name: .long, help: "Only this site (repeat for several).")
    var site: [String] = []
    @Option(name: .long, help: "Only this group (repeat for several).")
    var group: [String] = []
    @Option(name: .long, help: "Only deliveries this facilitator co-delivered (repeat for several); the fidelity report's facilitators table then shows only them.")
    var facilitator: [String] = []
    @Option(name: .long, help: "Only this session id, as the content names it (repeat for several).")
    var session: [String] = []
    @Option(name: .customLong("content-version"), help: "Only deliveries of this content version (repeat for several).")
    var contentVersion: [String] = []

    @Option(name: .long, help: "Only deliveries of this programme id, such as i-wotch (repeat for several).")
    var programme: [String] = []
    @Flag(name: .customLong("include-rehearsals"), help: "Count rehearsals too (they are left out by default).")
    var includeRehearsals = false

    @Option(name: .long, help: "terminal, csv, json, markdown or html (default: from the -o file's extension, else terminal).")
    var format: ReportFormat?
    @Option(name: .long, help: "With --format csv: the table to write (default: the first).")
    var table: String?
    @Option(name: .long, help: "Terminal width for --format terminal (default: the terminal's, else 80).")
    var width: Int?
    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
    var output: String?
    @Option(name: .long, help: "Content to word fidelity items from (default: the bundled programme).")
    var content: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, !Filters.isDate(value) { throw ValidationError("\(name) takes a date as YYYY-MM-DD, such as 2026-03-11; got \"\(value)\".") }
        }
        if let width, width < 40 { throw ValidationError("--width must be at least 40 columns.") }
        // Every option given does something: one that cannot apply to the format is refused.
        if table != nil, effectiveFormat != .csv {
            throw ValidationError("--table chooses the table of CSV output; add --format csv (or write to a file ending .csv).")
        }
        if width != nil, effectiveFormat != .terminal {
            throw ValidationError("--width sets the width of terminal output; \(effectiveFormat.rawValue) has none.")
        }
        if database != nil && (!paths.isEmpty || journal != nil) {
            throw ValidationError("--database reads the region's database; name no journal files or --journal with it.")
        }
    }

    /// --format, else the -o file's extension (as hledger does: report.csv is CSV), else terminal.
    var effectiveFormat: ReportFormat {
        format ?? output.flatMap { ReportFormat(fileExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .terminal
    }

    /// The journals read, from files or from the region's database, joined and checked.
    func auditSet() throws -> AuditSet {
        if database != nil {
            let address = try RegionAccess.address(database)!
            let stored = try RegionAccess.stored(address)
            if stored.isEmpty { throw CommandFailure("\(address.display) holds no deliveries this role may read.") }
            return RegionAccess.auditSet(stored)
        }
        let files = try files()
        if files.isEmpty {
            throw CommandFailure("No journals to report on. Name journal files or folders, or set --journal (now \(JournalDirectory.resolve(journal).root.path)).")
        }
        return AuditSet.read(files)
    }

    var filters: Filters {
        var filters = Filters()
        filters.from = from
        filters.to = to
        filters.sites = site
        filters.groups = group
        filters.facilitators = facilitator
        filters.sessions = session
        filters.contentVersions = contentVersion
        filters.programmes = programme
        filters.includeRehearsals = includeRehearsals
        return filters
    }

    /// `report training`: the rehearsals, the trainers' assessments and the live records (for training events) are read by default.
    var training = false

    func files() throws -> [URL] {
        let directory = JournalDirectory.resolve(journal)
        // Training reads rehearsals and assessments, and the live deliveries for training events.
        if paths.isEmpty && training { return directory.files(.rehearsal) + directory.assessmentFiles() + directory.files(.live) }
        if paths.isEmpty {
            return directory.auditFiles(includingRehearsals: includeRehearsals)
        }
        return try JournalFiles.collect(paths, default: directory)
    }

    func emit(_ make: (ReportInput) -> ReportDocument) throws {
        let set = try auditSet()
        var programmes: [Programme] = []
        // Every bundled programme: each delivery's content is looked up by its own programme id.
        for path in content.map({ [$0] }) ?? ContentLocator.defaultPaths() {
            if let programme = ProgrammeLoader.load(path: path).programme { programmes.append(programme) }
        }
        let document = make(ReportInput(set: set, filters: filters, programmes: programmes))
        let text: String
        switch effectiveFormat {
        case .terminal: text = TerminalFormat.render(document, width: width ?? TerminalWidth.current())
        case .json: text = JSONFormat.render(document)
        case .markdown: text = MarkdownFormat.render(document)
        case .html: text = HTMLFormat.render(document)
        case .csv:
            let wanted = table ?? document.sections[0].id
            guard let section = document.sections.first(where: { $0.id == wanted }) else {
                throw ValidationError("This report has no table \"\(wanted)\"; its tables are: \(document.sections.map(\.id).joined(separator: ", ")).")
            }
            text = CSV.render(section.table)
        }
        try Output.write(text, to: output)
        UntilExit.keep(set, document)
        try FailedFiles.report(set)
    }
}

/// A report or export made while some journals failed their check is still written, but the
/// command says which files failed, on standard error, and exits 1.
enum FailedFiles {
    static func report(_ set: AuditSet) throws {
        let failed = set.files.filter(\.failedCheck)
        guard !failed.isEmpty else { return }
        Say.error("\(failed.count) of \(set.files.count) journals failed the check and were read as far as they could be; see `iwotch journal check`:")
        for file in failed { Say.error("  \(file.path)") }
        throw ExitCode(1)
    }
}

/// Values left for the process's exit to free. A region-year's records are millions of small
/// allocations; freeing them one by one after the report was written took a tenth of a second,
/// and the command ends straight afterwards.
enum UntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []
    static func keep(_ values: Any...) { kept += values }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case terminal, csv, json, markdown, html

    /// The format a file name's extension asks for, or nil for one that names none.
    init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "txt": self = .terminal
        default: return nil
        }
    }
}

enum TerminalWidth {
    static func current() -> Int {
        var window = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col >= 40 { return Int(window.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        return 80
    }
}
