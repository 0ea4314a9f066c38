import ArgumentParser
import Foundation
import Programme

/// `report fidelity` over a synthetic region-year, beside jq computing the same per-delivery
/// adherence figure (score and maximum, corrections applied) over the same files. Both run as
/// processes and are timed the same way, with peak memory from GNU time.
struct ReportBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Time and peak memory of `iwotch report fidelity` over a region-year of journals, beside jq.")

    @Option(help: "Deliveries (journal files) to generate; about 190 events each.")
    var deliveries = 5400

    @Option(help: "Use (or keep) the region-year in this folder instead of a temporary one.")
    var folder: String?

    @Option(help: "How many times to run each side (the median is printed).")
    var runs = 3

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.header()
        let check = ProgrammeLoader.load(path: common.content)
        guard let programme = check.programme else { throw BenchError("the content at \(common.content) did not load") }
        let temporary = folder == nil
        let root = folder.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: ".build/bench-tmp/region-\(getpid())")
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.filter { $0.hasSuffix(".jsonl") } ?? []
        if existing.isEmpty {
            let start = nanoseconds()
            var generator = RegionYear(programme: programme, deliveries: deliveries, folder: root)
            let written = try generator.write()
            print("Generated \(Figures.count(written.files)) journals, \(Figures.count(written.events)) events, \(Figures.megabytes(written.bytes)) in \(Figures.seconds(nanoseconds() - start))")
        } else {
            print("Using \(Figures.count(existing.count)) journals in \(root.path)")
        }
        defer { if temporary { try? FileManager.default.removeItem(at: root) } }

        let iwotch = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("iwotch").path
        guard FileManager.default.isExecutableFile(atPath: iwotch) else { throw BenchError("\(iwotch) is missing; build it in release (Scripts/bench does)") }
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".jsonl") }.sorted().map { root.appendingPathComponent($0).path }

        let program = try jqProgram().path
        let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Scripts/reference/adherence.py").standardizedFileURL.path
        // Each figure beside the floors (reading the bytes; hashing them) and the references (a
        // plain Python reader that checks the chain too; jq), in one run on one machine.
        let rows: [(String, [String], String?)] = [
            ("reading the bytes (cat), the floor", ["cat"] + files, "/dev/null"),
            ("SHA-256 of all the bytes (OpenSSL)", ["sh", "-c", #"cat "$@" | openssl dgst -sha256"#, "sh"] + files, "/dev/null"),
            ("iwotch report fidelity", [iwotch, "report", "fidelity", root.path, "--format", "csv", "--output", "/dev/null"], nil),
            ("iwotch journal check", [iwotch, "journal", "check", root.path], "/dev/null"),
            ("Python reader with chain check", ["python3", python] + files, "/dev/null"),
            ("jq, per-delivery adherence", ["jq", "-n", "-r", "-f", program] + files, "/dev/null"),
        ]
        print("")
        print(Figures.row("region-year (median of \(runs))", ["time", "peak memory"], labelWidth: 40))
        for (label, arguments, output) in rows {
            if arguments[0] == "openssl" || (arguments[0] == "sh" && !Self.has("openssl")) || (arguments[0] == "python3" && !Self.has("python3")) {
                print(Figures.row(label, ["-", "-"], labelWidth: 40)); continue
            }
            let timed = try (0..<runs).map { _ in try Timed.run(arguments, output: output) }
            let time = timed.map(\.seconds).sorted()[runs / 2]
            print(Figures.row(label, [String(format: "%.2f s", time), timed.compactMap(\.peak).max().map(Figures.megabytes) ?? "-"], labelWidth: 40))
        }
        print("(iwotch report checks every file, joins copies and computes every table; journal check uses every core; the Python reader")
        print(" and jq compute one figure per delivery, Python with the chain checked.)")
    }

    static func has(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// Per delivery: the latest rating of each item with its level corrected if a correction names
    /// it, scores summed over applicable items, and the maximum; the same arithmetic as the report.
    func jqProgram() throws -> URL {
        let program = #"""
        reduce inputs as $e ({};
          if $e.type == "delivery-opened" then .[$e.delivery].scale = $e.data.fidelity_scale
          elif $e.type == "fidelity-rated" then .[$e.delivery].r[$e.data.item] = {id: $e.id, level: $e.data.level}
          elif $e.type == "correction" and $e.data.field == "level" then .[$e.delivery].c[$e.data.refers_to] = $e.data.new
          else . end)
        | to_entries[] | .key as $d | .value as $v
        | ($v.scale | map({key: .id, value: .score}) | from_entries) as $s
        | ([$v.scale[].score | numbers] | max) as $top
        | [$v.r[]? | ($v.c[.id] // .level) as $l | $s[$l] | numbers] as $scores
        | "\($d),\($scores | add // 0),\(($scores | length) * $top)"
        """#
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("iwotch-adherence.jq")
        try program.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}
