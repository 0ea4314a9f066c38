import ArgumentParser
import Foundation
import Programme

/// `iwotch-bench generate`: writes a region-year of journals into a folder and nothing else, for
/// the region database benchmark (Scripts/bench-region), which syncs them with `iwotch sync`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a region-year of journals (the report benchmark's) into a folder.")

    @Option(help: "Deliveries (journal files) to generate; about 190 events each.")
    var deliveries = 5400

    @Option(help: "The folder to write them into (created if missing).")
    var folder: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let check = ProgrammeLoader.load(path: common.content)
        guard let programme = check.programme else { throw BenchError("the content at \(common.content) did not load") }
        let start = nanoseconds()
        var generator = RegionYear(programme: programme, deliveries: deliveries, folder: URL(fileURLWithPath: folder))
        let written = try generator.write()
        print("Generated \(Figures.count(written.files)) journals, \(Figures.count(written.events)) events, \(Figures.megabytes(written.bytes)) in \(Figures.seconds(nanoseconds() - start))")
    }
}
