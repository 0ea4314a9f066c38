import ArgumentParser
import Foundation
import Journal
import Programme
import Runtime
import Views

/// The home screen's first frame with 0, 150 and 5,400 journals in the folder: the scan of the
/// journal folder (`JournalScan`, with its index) and the first frame drawn, in-process, as the
/// console does before it shows anything. Cold is the first start after the journals were written
/// (no index yet: every journal read once); warm is every start after (the index trusted).
struct HomeBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "home", abstract: "The home screen's first frame against the number of journals.")

    @OptionGroup var common: CommonOptions
    @Option(help: "Numbers of journals, comma-separated.")
    var counts = "0,150,5400"
    @Option(help: "Runs per figure (the median is printed).")
    var runs = 5

    func run() throws {
        common.header()
        let check = ProgrammeLoader.load(path: common.content)
        guard let programme = check.programme else { throw BenchError("the content at \(common.content) did not load") }
        let scratch = URL(fileURLWithPath: ".build/bench-tmp/home-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Three real, chained deliveries of the region generator, copied under new names.
        var generator = RegionYear(programme: programme, deliveries: 3, folder: scratch.appendingPathComponent("seed"))
        _ = try generator.write()
        let seeds = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("seed").path).sorted()
            .map { try Data(contentsOf: scratch.appendingPathComponent("seed").appendingPathComponent($0)) }
        print(Figures.row("home screen, first frame (median of \(runs))", ["cold, no index", "warm, index"], labelWidth: 42, cellWidth: 16))
        for count in counts.split(separator: ",").compactMap({ Int($0) }) {
            let root = scratch.appendingPathComponent("journals-\(count)")
            let live = root.appendingPathComponent("live")
            try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
            for index in 0..<count {
                let name = String(format: "2026-%02d-%02d-G%d-day-1-%08x.jsonl", index % 12 + 1, index % 28 + 1, index % 450, index)
                try seeds[index % seeds.count].write(to: live.appendingPathComponent(name))
            }
            let directory = JournalDirectory(root: root)
            func firstFrame() -> UInt64 {
                let start = nanoseconds()
                let runner = ConsoleRunner(programme: programme, directory: directory, utcOffsetMinutes: 0)
                _ = ConsoleView.render(runner.state, width: 80, height: 24, now: Date())
                return nanoseconds() - start
            }
            let index = live.appendingPathComponent(".iwotch-index")
            let cold = (0..<runs).map { _ in try? FileManager.default.removeItem(at: index); return firstFrame() }.sorted()[runs / 2]
            _ = firstFrame()
            let warm = (0..<runs).map { _ in firstFrame() }.sorted()[runs / 2]
            print(Figures.row("\(Figures.count(count)) journals", [Figures.duration(Double(cold)), Figures.duration(Double(warm))], labelWidth: 42, cellWidth: 16))
            try? FileManager.default.removeItem(at: root)
        }
        print("(Goal: the warm first frame within 50 ms whatever the number of journals; the journals stay the only truth.)")
    }
}
