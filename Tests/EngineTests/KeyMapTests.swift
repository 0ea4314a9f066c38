import Foundation
import Testing
@testable import Journal
import Programme
@testable import SessionEngine
import TestSupport
import Views

/// keys.yaml: a facilitator's own keys, read with the file and line of every problem, and used by
/// the engine, the key bar and the help.
@Suite struct KeyMapTests {
    static func parse(_ text: String) -> Result<KeyMap, KeyMapProblems> { KeyMapFile.parse(text, path: "keys.yaml") }

    static func problems(_ text: String) -> [String] {
        switch parse(text) {
        case .success: return []
        case .failure(let problems): return problems.all.map { "\($0.line):\($0.column): \($0.message)" }
        }
    }

    @Test func aGoodFileMapsActionsToKeys() throws {
        let text = """
            # Clicker: the big button sends b.
            walkthrough:
              next: [PgDn, Right, "j"]   # a comment after the keys
              item-in-full: F2
              pause-resume: Ctrl-P
            agenda:
              choose: [k, j]
            """
        let map = try Self.parse(text).get()
        #expect(map.screens["walkthrough"]?["next"] == [.pageDown, .right, .character("j")])
        #expect(map.screens["walkthrough"]?["item-in-full"] == [.function(2)])
        #expect(map.screens["walkthrough"]?["pause-resume"] == [.control("p")])
        #expect(map.screens["agenda"]?["choose"] == [.character("k"), .character("j")])
    }

    @Test func eachProblemHasItsLineAndColumn() {
        #expect(Self.problems("walkthru:\n  next: j\n") == ["1:1: unknown screen `walkthru`"])
        #expect(Self.problems("walkthrough:\n  nxt: j\n") == ["2:3: unknown action `nxt` on the walkthrough screen"])
        #expect(Self.problems("walkthrough:\n  next: [PgDn, PageDwn]\n") == ["2:16: unknown key name `PageDwn`"])
        #expect(Self.problems("walkthrough:\n  next: []\n") == ["2:3: the action `next` is left with no key"])
        #expect(Self.problems("walkthrough:\n  next: j\n  next: k\n") == ["3:3: the action `next` is given keys twice (first on line 2)"])
        #expect(Self.problems("  next: j\n") == ["1:3: an action outside any screen"])
        #expect(Self.problems("walkthrough:\n\tnext: j\n") == ["2:1: a tab in the indentation"])
        // a is the register's key: binding it to the note leaves a doing two things.
        #expect(Self.problems("walkthrough:\n  note: a\n") == ["2:1: the key a is bound twice on the walkthrough screen: to `note` and to `register`"])
        // Moving the register off a first makes room.
        #expect(Self.problems("walkthrough:\n  note: a\n  register: F3\n") == [])
        // The note is typed: a letter there would be text, not a key.
        #expect(Self.problems("note:\n  save: s\n") == ["2:1: the key s is typed as text on the note screen"])
        // A rating's keys come from the scale: not the facilitator's to move.
        #expect(Self.problems("checklist:\n  rate: x\n") == ["2:3: unknown action `rate` on the checklist screen"])
        // Several problems: every one is reported, in order.
        #expect(Self.problems("walkthrough:\n  nxt: j\n  next: Foo\nhome: x\n").count == 3)
    }

    @Test func aKeyCannotTakeARatingOrSignOffKey() throws {
        let scale = try KeyTableTests.manualScale()               // 2, 1, 0 and n
        let problems: (String) -> [String] = { text in
            guard case .failure(let found) = KeyMapFile.parse(text, path: "keys.yaml", scale: scale) else { return [] }
            return found.all.map { "\($0.line):\($0.column): \($0.message)" }
        }
        #expect(problems("checklist:\n  adaptation: n\n") == ["2:1: the key n is bound twice on the checklist screen: to `adaptation` and to `rate`"])
        #expect(problems("close:\n  back: 3\n") == ["2:1: the key 3 is bound twice on the close screen: to `back` and to `sign-off`"])
        #expect(problems("checklist:\n  adaptation: x\n") == [])
    }

    /// The facilitator guide's table of keys-file problems, NAME, SCREEN, KEY, OTHER and N standing
    /// for what each message names: every problem the reader reports is in it.
    @Test func theGuideListsEveryProblem() throws {
        let guide = try String(contentsOf: Repository.root.appendingPathComponent("Manuals/facilitator-guide.md"), encoding: .utf8)
        let table = guide.components(separatedBy: "| message | what to do |")[1].components(separatedBy: "\n\n")[0]
        let patterns = table.split(separator: "\n").dropFirst().map { row -> String in
            let cell = row.split(separator: "|", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
            return "^" + NSRegularExpression.escapedPattern(for: cell)
                .replacingOccurrences(of: "NAME", with: ".+").replacingOccurrences(of: "SCREEN", with: ".+")
                .replacingOccurrences(of: "OTHER", with: ".+").replacingOccurrences(of: "KEY", with: ".+")
                .replacingOccurrences(of: " N\\)", with: " [0-9]+\\)") + "$"
        }
        let bad = ["walkthru:\n", "walkthrough:\n  nxt: j\n", "walkthrough:\n  next: Foo\n", "walkthrough:\n  next: []\n",
                   "walkthrough:\n  next: j\n  next: k\n", "walkthrough:\n  note: a\n", "note:\n  save: s\n",
                   "home:\n  choose: j\nhome:\n  open: k\n", "home: x\n", "  next: j\n", "walkthrough\n", "walkthrough:\n\tnext: j\n"]
        var seen = Set<String>()
        for text in bad {
            guard case .failure(let problems) = Self.parse(text) else { Issue.record("no problem in \(text)"); continue }
            for problem in problems.all {
                let match = patterns.firstIndex { problem.message.range(of: $0, options: .regularExpression) != nil }
                #expect(match != nil, "the guide's table has no row for “\(problem.message)”")
                if let match { seen.insert(patterns[match]) }
            }
        }
        #expect(seen.count == patterns.count, "rows no bad file produced: \(Set(patterns).subtracting(seen))")
    }

    @Test func theDiagnosticReadsLikeTheContentChecker() {
        guard case .failure(let problems) = Self.parse("walkthrough:\n  next: [PgDn, PageDwn]\n") else { Issue.record("no problem"); return }
        #expect(problems.all[0].description == """
            keys.yaml:2:16: error: unknown key name `PageDwn`
              |
            2 |   next: [PgDn, PageDwn]
              |                ^^^^^^^
            Use a single character (quote # , [ ] and space) or one of: Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc, Space, Tab, Shift-Tab, Backspace, Delete, F1-F12, Ctrl-A to Ctrl-Z.

            """)
    }

    @Test func theEngineTheBarAndTheHelpUseTheMappedKeys() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.runner.useKeys(try Self.parse("walkthrough:\n  next: [j, Space]\n  item-in-full: F2\n  help: h\n").get())
        driver.startGroupSession()
        // → no longer steps: its action has other keys now.
        driver.press(.right)
        #expect(driver.delivery?.currentStep == 0)
        #expect(!driver.state.advanceArmed)
        driver.press(.character("j"))
        #expect(driver.state.advanceArmed, "j is next: at the arrival's only step it arms the move on")
        driver.press(.function(2))
        #expect(driver.state.screen.kind == .itemText)
        driver.press(.escape)
        let bar = KeyTables.table(for: driver.state).bar
        #expect(bar.first! == ("j/Space", "step"))
        #expect(bar.contains { $0 == ("F2", "text") })
        #expect(bar.contains { $0 == ("h", "help") })
        driver.press(.character("?"))
        #expect(driver.state.screen.kind == .walkthrough, "? is no longer help")
        driver.press(.character("h"))
        #expect(driver.state.screen.kind == .help)
        let help = driver.frame().plainText
        #expect(help.contains("  j  Space "))
        #expect(help.contains("  F2 "))
    }

    /// A clicker's Esc on the walk-through says which key leaves: the facilitator's, once moved.
    @Test func theLeaveHintNamesTheMappedKey() throws {
        let standard = try Driver()
        defer { standard.cleanUp() }
        standard.startGroupSession()
        standard.press(.escape)
        #expect(standard.state.status?.text == "The session carries on. To leave, press q (everything is saved).")
        let mapped = try Driver()
        defer { mapped.cleanUp() }
        mapped.runner.useKeys(try Self.parse("walkthrough:\n  leave: x\n").get())
        mapped.startGroupSession()
        mapped.press(.escape)
        #expect(mapped.state.status?.text == "The session carries on. To leave, press x (everything is saved).")
    }

    @Test func aListOfKeysKeepsTheStandardOrder() throws {
        // The agenda's choose is ↑ ↓ PgUp PgDn Home End: k is ↑ and j is ↓.
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.runner.useKeys(try Self.parse("agenda:\n  choose: [k, j]\n").get())
        driver.startGroupSession()
        driver.press(.character("g"))
        driver.press(.character("j"), .character("j"))
        #expect(driver.state.agendaSelection == 2)
        driver.press(.character("k"))
        #expect(driver.state.agendaSelection == 1)
        driver.press(.down)
        #expect(driver.state.agendaSelection == 1, "↓ is given away")
    }
}
