import Foundation
import Testing
import TestSupport

/// The man page's options come from the argument parser: every long option of every command, as
/// `iwotch --experimental-dump-help` lists them, is documented in Manuals/iwotch.1.
@Suite struct ManPageTests {
    /// `option` as a whole word: --comment is not documented by --commentary.
    static func mentions(_ page: String, _ option: String) -> Bool {
        var rest = page[...]
        while let found = rest.range(of: option) {
            let next = rest[found.upperBound...].first
            if next.map({ !($0.isLetter || $0 == "-") }) ?? true { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    @Test func everyOptionIsInTheManPage() throws {
        let run = try BuiltBinary.run(["--experimental-dump-help"])
        #expect(run.status == 0)
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let page = try String(contentsOf: Repository.path("Manuals/iwotch.1"), encoding: .utf8)
            .replacingOccurrences(of: "\\-", with: "-")
        // Options argument-parser adds to every command, and its own, are its documentation's business.
        let generated: Set<String> = ["--help", "--version", "--experimental-dump-help", "--generate-completion-script"]
        var missing: [String] = [], seen = 0
        func walk(_ command: [String: Any], path: String) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    let option = "--" + (name["name"] as? String ?? "")
                    guard !generated.contains(option) else { continue }
                    seen += 1
                    if !Self.mentions(page, option) { missing.append("\(path) \(option)") }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, path: path + " " + (sub["commandName"] as? String ?? "?"))
            }
        }
        walk(try #require(dump["command"] as? [String: Any]), path: "iwotch")
        #expect(seen > 20, "the dump lists the options")
        #expect(missing.isEmpty, "Manuals/iwotch.1 does not document: \(missing.joined(separator: ", "))")
    }
}

/// A mistyped command is named, with the nearest command when one is close, and exit status 2.
@Suite struct UnknownCommandTests {
    @Test func aMistypedCommandSuggestsTheNearest() throws {
        let run = try BuiltBinary.run(["reprot", "fidelity"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: iwotch has no command 'reprot'. Did you mean 'report'?\n"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aWordFarFromEveryCommandListsThem() throws {
        let run = try BuiltBinary.run(["xyzzy"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("Error: iwotch has no command 'xyzzy'.\nThe commands: run, rehearse, browse, content, journal, report,"), "\(run.stderr)")
    }
}
