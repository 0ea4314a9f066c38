import Foundation
import Testing
@testable import Journal
@testable import SessionEngine
import TestSupport
import Views

/// The key tables (SessionEngine/Keys) against what the handlers do and what the manuals say:
/// every key a table lists does something on its screen, every key that does something is in the
/// table, and every key table in the manuals is exactly a table.
@Suite struct KeyTableTests {
    /// A screen as a facilitator finds it, and the name to report it by.
    struct Situation {
        var name: String
        var state: ConsoleState
        var table: KeyTable { KeyTables.table(for: state) }
    }

    /// Every printable ASCII character, one beyond it, and the keys that are not characters.
    /// The scale the manuals describe: I-WOTCH's four levels, as the mini fixture has them too.
    static func manualScale() throws -> [DeliveryOpened.ScaleLevel] {
        try Fixture.programme().fidelityScale.map { DeliveryOpened.ScaleLevel(id: $0.id, label: $0.label, score: $0.score) }
    }

    static let probes: [Key] = (32...126).map { Key.character(Character(UnicodeScalar(UInt8($0)))) } + [.character("é")]
        + [.enter, .escape, .backspace, .delete, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
           .function(1), .function(5), .control("a"), .control("l"), .control("u")]

    static let fresh = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!

    /// Whether `key` changes the console: its state, or what it asks the runtime to do.
    static func doesSomething(_ key: Key, in state: ConsoleState, now: Date) -> Bool {
        // Every key clears an old message (not a problem): that alone is not the key doing something.
        var before = state
        if before.status?.kind != .problem { before.status = nil }
        let (next, effects) = Engine.reduce(before, .key(key), now: now, fresh: fresh)
        return next != before || !effects.isEmpty
    }

    /// A small window, so lists and pages have somewhere to scroll to.
    static func small(_ state: ConsoleState) -> ConsoleState {
        var state = state
        state.viewport = Viewport(width: 80, height: 8)
        return state
    }

    /// Each screen, in the states that between them let each of its keys act (a list's ↑ needs
    /// something above the selection, a text's ← a character before the cursor).
    func situations(_ drivers: inout [Driver]) throws -> [Situation] {
        var all: [Situation] = []
        func take(_ name: String, _ driver: Driver, small: Bool = false) {
            all.append(Situation(name: name, state: small ? Self.small(driver.state) : driver.state))
        }

        // Live: home, set-up, the walk-through and the screens it opens.
        let home = try Driver()
        drivers.append(home)
        take("home", home)
        home.press(.down); take("home, second line", home); home.press(.up)
        home.press(.enter); take("set-up, session", home)
        home.press(.tab); home.type("G01"); take("set-up, group typed", home)
        home.press(.home); take("set-up, group, cursor at the start", home)
        home.press(.tab, .tab, .tab); take("set-up, second facilitator", home)
        let live = try Driver()
        drivers.append(live)
        live.startGroupSession()
        take("walk-through", live)
        live.press(.character("?")); take("help", live); live.press(.escape)
        live.press(.character("b")); take("blanked", live); live.press(.escape)
        live.press(.character("i")); take("item in full", live)
        live.runner.handle(.viewport(width: 80, height: 8), now: live.now)
        take("item in full, small window", live, small: true)
        live.press(.down); take("item in full, scrolled", live, small: true)
        live.runner.handle(.viewport(width: 80, height: 24), now: live.now)
        live.press(.escape)
        live.press(.character("q")); take("leave question", live); live.press(.escape)
        live.press(.character("a")); take("register", live)
        live.press(.character("x")); take("absence question", live); live.press(.escape)
        live.press(.character("w")); take("walk-in question", live)
        live.type("ab"); live.press(.left); take("walk-in question, cursor inside", live); live.press(.escape)
        live.press(.down); take("register, second person", live); live.press(.escape)
        let call = try Driver()
        drivers.append(call)
        call.startCall()
        call.press(.character("a")); take("one-to-one register", call)
        live.press(.character("n")); take("note, empty", live)
        live.type("ab"); live.press(.left); take("note, cursor inside", live); live.press(.escape)
        live.press(.character("g")); take("agenda", live)
        live.press(.end); take("agenda, last item", live); live.press(.escape)
        live.press(.character("c")); take("close", live); live.press(.escape)
        // On to the welcome, an activity with fidelity items.
        live.press(.pageDown, .pageDown)
        live.press(.character("f")); take("checklist", live)
        live.press(.character("2")); take("checklist, second item", live)
        live.press(.up); take("checklist, rated item", live)
        live.press(.character("m")); take("adaptation question", live)
        live.type("ab"); live.press(.left); take("adaptation question, cursor inside", live); live.press(.escape)
        live.press(.escape)

        // A rehearsal: its walk-through, close and timing summary, before and after the close.
        let rehearsal = try Driver(mode: .rehearsal)
        drivers.append(rehearsal)
        rehearsal.startRehearsal()
        take("rehearsal walk-through", rehearsal)
        rehearsal.press(.character("c")); take("rehearsal close", rehearsal); rehearsal.press(.escape)
        rehearsal.press(.character("t")); take("timing", rehearsal, small: true)
        rehearsal.runner.handle(.viewport(width: 80, height: 8), now: rehearsal.now)
        rehearsal.press(.end); take("timing, scrolled to the end", rehearsal, small: true)
        rehearsal.runner.handle(.viewport(width: 80, height: 24), now: rehearsal.now)
        rehearsal.press(.escape, .character("c"), .character("1"), .character("2"), .enter)
        take("timing after the close", rehearsal, small: true)
        rehearsal.runner.handle(.viewport(width: 80, height: 8), now: rehearsal.now)
        rehearsal.press(.end); take("timing after the close, scrolled to the end", rehearsal, small: true)

        // The manual browser, at each level.
        let browser = try Driver()
        drivers.append(browser)
        browser.runner.handle(.viewport(width: 80, height: 8), now: browser.now)
        browser.press(.down, .down, .enter)               // Run, Rehearse, Browse
        #expect(browser.state.screen == .browse)
        take("browser, sessions", browser)
        browser.press(.down); take("browser, second session", browser); browser.press(.up)
        browser.press(.enter); take("browser, items", browser)
        browser.press(.down); take("browser, second item", browser)
        browser.press(.enter); take("browser, item", browser)
        browser.press(.down); take("browser, item scrolled", browser)
        browser.press(.character("/")); browser.type("ea"); take("browser, search", browser)
        browser.press(.left, .down); take("browser, search, cursor inside", browser)

        // The audit screen over two delivered sessions.
        let audit = try Driver()
        drivers.append(audit)
        AuditScreenTests.deliver(audit, group: "G01", welcome: ["2", "1"], practice: "n")
        AuditScreenTests.deliver(audit, group: "G02", welcome: ["1", "1"], practice: "2")
        try AuditScreenTests().openAudit(audit)
        take("audit, deliveries", audit)
        audit.press(.character("/")); take("audit, filter, first delivery", audit); audit.press(.escape)
        audit.press(.down); take("audit, second delivery", audit)
        audit.press(.character("/")); take("audit, filter", audit)
        audit.type("G0"); audit.press(.left); take("audit, filter, cursor inside", audit)
        audit.press(.enter); take("audit, filtered", audit)
        audit.press(.character("x"), .enter); take("audit, delivery", audit)
        audit.press(.down); take("audit, second activity", audit); audit.press(.up)
        audit.press(.enter); take("audit, activity", audit)
        audit.press(.right, .down); take("audit, second activity, scrolled", audit)
        return all
    }

    @Test func everyKeyATableListsDoesSomethingAndEveryKeyThatDoesSomethingIsListed() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        let situations = try situations(&drivers)
        let now = Fixture.start.addingTimeInterval(3600)
        var acted: [String: Set<Key>] = [:]
        var tables: [String: KeyTable] = [:]
        for situation in situations {
            let table = situation.table
            tables[table.id] = table
            for key in Self.probes where Self.doesSomething(key, in: situation.state, now: now) {
                acted[table.id, default: []].insert(key)
                if table.binding(for: key) == nil {
                    Issue.record("\(situation.name): \(KeyBinding.shortName(key)) does something but the \(table.id) table does not list it")
                }
            }
        }
        for table in tables.values {
            let keys = acted[table.id] ?? []
            for binding in table.bindings {
                for key in binding.keys where !keys.contains(key) {
                    Issue.record("\(table.id): \(KeyBinding.shortName(key)) (\(binding.action)) does nothing in any situation")
                }
                if (binding.typed || binding.anyKey) && !keys.contains(where: { if case .character = $0 { true } else { false } }) {
                    Issue.record("\(table.id): typing does nothing")
                }
            }
        }
        // Every table the console shows was visited.
        let visited = Set(tables.keys)
        for table in KeyTables.all(scale: try Self.manualScale(), facilitators: 2) {
            #expect(visited.contains(table.id), "no situation shows the \(table.id) table")
        }
    }

    @Test func theBarOfEachScreenIsItsTablesBarEntries() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        for situation in try situations(&drivers) {
            let rows = ConsoleView.render(situation.state, width: 120, height: 40, now: Fixture.start).plainText
                .split(separator: "\n", omittingEmptySubsequences: false)
            let bar = rows[39].trimmingCharacters(in: .whitespaces)
            let expected = situation.table.bar.map { $0.0 + " " + $0.1 }.joined(separator: "  ")
            #expect(bar == expected, "\(situation.name): the bar is “\(bar)”")
        }
    }

    @Test func theHelpScreenListsTheKeysOfTheScreenItWasOpenedFrom() throws {
        var drivers: [Driver] = []
        defer { drivers.forEach { $0.cleanUp() } }
        var shown = 0
        for situation in try situations(&drivers) where situation.state.dialog == nil {
            let help = Engine.reduce(situation.state, .key(.character("?")), now: Fixture.start, fresh: Self.fresh).state
            guard help.screen.kind == .help else { continue }
            shown += 1
            let table = KeyTables.table(for: situation.state)
            let text = ConsoleView.render(help, width: 80, height: 24, now: Fixture.start).plainText
            #expect(text.split(separator: "\n").first?.contains("Help › " + table.title) == true, "\(situation.name): \(text)")
            for binding in table.bindings {
                let rows = text.split(separator: "\n").map(String.init)
                let row = rows.first { $0.hasPrefix("  " + binding.keyText + " ") || $0 == "  " + binding.keyText }
                #expect(row != nil, "\(situation.name): the help has no row for \(binding.keyText)\n\(text)")
                let firstWord = String(binding.help.prefix { $0 != " " })
                #expect(text.contains(firstWord), "\(situation.name): the help does not say \(binding.help)")
            }
        }
        #expect(shown > 20)
    }

    // MARK: The manuals

    static let manuals = ["facilitator-guide.md", "trainer-guide.md", "supervisor-guide.md"]

    /// A key table in a manual, after its `<!-- keys: ID -->` marker.
    struct ManualTable {
        var manual: String
        var id: String
        var line: Int
        var rows: [(keys: String, action: String)]
    }

    static func manualTables() throws -> [ManualTable] {
        var found: [ManualTable] = []
        for manual in manuals {
            let text = try String(contentsOf: Repository.root.appendingPathComponent("Manuals/" + manual), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("<!-- keys:"), trimmed.hasSuffix("-->") else { continue }
                let id = trimmed.dropFirst("<!-- keys:".count).dropLast(3).trimmingCharacters(in: .whitespaces)
                var rows: [(String, String)] = []
                var row = index + 1
                while row < lines.count && lines[row].trimmingCharacters(in: .whitespaces).isEmpty { row += 1 }
                row += 2                                    // the heading and the |---| row
                while row < lines.count && lines[row].hasPrefix("|") {
                    let cells = lines[row].split(separator: "|", omittingEmptySubsequences: false)
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    if cells.count >= 4 { rows.append((cells[1], cells[2])) }
                    row += 1
                }
                found.append(ManualTable(manual: manual, id: id, line: index + 1, rows: rows))
            }
        }
        return found
    }

    /// The manuals' names for keys: `a` for a character, words for the rest.
    static let names: [String: Key] = [
        "↑": .up, "↓": .down, "←": .left, "→": .right, "Page Up": .pageUp, "Page Down": .pageDown, "Home": .home, "End": .end,
        "Enter": .enter, "Esc": .escape, "Space": .space, "Tab": .tab, "Shift-Tab": .backTab, "Backspace": .backspace, "Delete": .delete, "Ctrl-U": .control("u"),
        "F5": .function(5),
    ]

    static func manualName(_ key: Key) -> String {
        if key == .space { return "Space" }
        if case .character(let character) = key { return "`\(character)`" }
        return names.first { $0.value == key }?.key ?? KeyBinding.shortName(key)
    }

    /// A binding's key cell as the manuals write it: "→, ↓, Page Down, Space, Enter".
    static func manualKeys(_ binding: KeyBinding) -> String {
        if binding.anyKey { return "any key" }
        return ((binding.typed ? ["type"] : []) + binding.keys.map(manualName)).joined(separator: ", ")
    }

    /// The keys a manual's key cell names, with "type" and "any key" as themselves.
    static func parse(_ cell: String) -> (keys: Set<Key>, typed: Bool, anyKey: Bool)? {
        var keys = Set<Key>()
        var typed = false, anyKey = false
        for token in cell.components(separatedBy: ", ") {
            if token == "type" { typed = true } else if token == "any key" { anyKey = true } else if let key = names[token] {
                keys.insert(key)
            } else if token.count == 3, token.first == "`", token.last == "`" {
                keys.insert(.character(token.dropFirst().first!))
            } else {
                return nil
            }
        }
        return (keys, typed, anyKey)
    }

    /// A table as the manuals are to write it.
    static func markdown(_ table: KeyTable) -> String {
        (["<!-- keys: \(table.id) -->", "", "| key | what it does |", "|---|---|"]
            + table.bindings.map { "| \(manualKeys($0)) | \($0.help) |" }).joined(separator: "\n")
    }

    @Test func everyKeyTableInTheManualsIsExactlyItsScreensTable() throws {
        let tables = Dictionary(uniqueKeysWithValues: KeyTables.all(scale: try Self.manualScale(), facilitators: 2).map { ($0.id, $0) })
        let found = try Self.manualTables()
        #expect(!found.isEmpty)
        for manual in found {
            let place = "\(manual.manual):\(manual.line)"
            guard let table = tables[manual.id] else {
                Issue.record("\(place): no key table is called \(manual.id)")
                continue
            }
            let expected = "the manual should say:\n" + Self.markdown(table)
            var rows: [(keys: Set<Key>, typed: Bool, anyKey: Bool, action: String)] = []
            for row in manual.rows {
                guard let keys = Self.parse(row.keys) else {
                    Issue.record("\(place): the keys “\(row.keys)” are not written as the manuals write keys; \(expected)")
                    continue
                }
                rows.append((keys.keys, keys.typed, keys.anyKey, row.action))
            }
            let bindings = table.bindings
            #expect(rows.count == bindings.count, "\(place): \(rows.count) rows for \(bindings.count) bindings; \(expected)")
            for binding in bindings {
                let match = rows.contains {
                    $0.keys == Set(binding.keys) && $0.typed == binding.typed && $0.anyKey == binding.anyKey && $0.action == binding.help
                }
                #expect(match, "\(place): no row says \(Self.manualKeys(binding)) | \(binding.help); \(expected)")
            }
        }
        // Every screen's keys are in a manual (the help screen's one key is said in the text).
        let described = Set(found.map(\.id))
        for id in tables.keys where id != "help" {
            #expect(described.contains(id), "no manual has the \(id) key table; it would say:\n\(Self.markdown(tables[id]!))")
        }
    }
}
