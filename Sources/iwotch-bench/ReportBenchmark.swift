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
        let ours = try (0..<runs).map { _ in try Timed.run([iwotch, "report", "fidelity", root.path, "--format", "csv", "--output", "/dev/null"]) }
        let theirs = try (0..<runs).map { _ in try Timed.run(["jq", "-n", "-r", "-f", program] + files, output: "/dev/null") }
        let ourTime = ours.map(\.seconds).sorted()[runs / 2], theirTime = theirs.map(\.seconds).sorted()[runs / 2]
        print("")
        print(Figures.row("report fidelity (median of \(runs))", ["time", "peak memory"]))
        print(Figures.row("iwotch report fidelity", [String(format: "%.2f s", ourTime), ours.compactMap(\.peak).max().map(Figures.megabytes) ?? "-"]))
        print(Figures.row("jq, per-delivery adherence", [String(format: "%.2f s", theirTime), theirs.compactMap(\.peak).max().map(Figures.megabytes) ?? "-"]))
        print(Figures.row("ratio iwotch / jq", [String(format: "%.2f", ourTime / theirTime), ""]))
        print("(iwotch also checks every file, joins copies, and computes every table of the report; jq computes one figure per delivery.)")
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
