import Foundation
import Journal
import Programme

/// A facilitator's own keys, from `keys.yaml` (`$XDG_CONFIG_HOME/iwotch/keys.yaml`): for a
/// screen, an action and the keys that do it, in place of the standard ones. The tables (and so
/// the key bar, the help and the manuals' words) show the keys as mapped; the engine reads a
/// mapped key as the standard key of its action, so the handlers stay as they are.
public struct KeyMap: Sendable, Equatable {
    /// Screen name -> action name -> keys.
    public var screens: [String: [String: [Key]]]

    public init(_ screens: [String: [String: [Key]]] = [:]) { self.screens = screens }

    public static let standard = KeyMap()
    public var isEmpty: Bool { screens.isEmpty }

    /// The screen name a table answers to in the file: the first word of its id ("walkthrough"
    /// for both modes, "browse" for every level). Questions and the help screen have none.
    public static func screen(of table: KeyTable) -> String? {
        if table.id == "help" || table.id.hasSuffix("question") { return nil }
        return table.id.split(separator: " ").first.map(String.init)
    }

    /// The action name a binding answers to: its words, lower case, with a hyphen for each run
    /// of other characters ("pause/resume" is `pause-resume`). Typing and "any key" have none.
    public static func action(of binding: KeyBinding) -> String? {
        if binding.typed || binding.anyKey || binding.keys.isEmpty { return nil }
        // A rating's keys come from the content's scale and a sign-off's from the number of
        // facilitators: each key carries its own meaning, so they are not the facilitator's to move.
        if binding.action == "rate" || binding.action == "sign off" { return nil }
        return words(binding.action)
    }

    /// An action's words as the file writes them: lower case, hyphens between.
    static func words(_ action: String) -> String {
        var name = ""
        for character in action.lowercased() {
            if character.isLetter || character.isNumber { name.append(character) } else if !name.hasSuffix("-") { name.append("-") }
        }
        return name.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// `table` with this map's keys in place of the standard ones.
    public func apply(_ table: KeyTable) -> KeyTable {
        guard let screen = Self.screen(of: table), let actions = screens[screen] else { return table }
        var table = table
        for index in table.all.indices {
            guard let name = Self.action(of: table.all[index]), let keys = actions[name] else { continue }
            table.all[index].keys = keys
            if table.all[index].bar != nil {
                table.all[index].bar?.label = keys.prefix(2).map(KeyBinding.shortName).joined(separator: "/")
            }
        }
        return table
    }

    /// What `key` means on a screen whose standard table is `standard`: the standard key in the
    /// same place in its action's list (the first of `choose: [k, j]` does what ↑ does, the second
    /// what ↓ does; keys past the end of the standard list do what its last does); itself where
    /// nothing is mapped; nil where its action has been given other keys.
    public func translate(_ key: Key, standard: KeyTable) -> Key? {
        let mapped = apply(standard)
        guard mapped != standard else { return key }
        let live = mapped.bindings, original = standard.bindings
        if let index = live.firstIndex(where: { $0.keys.contains(key) }), let place = live[index].keys.firstIndex(of: key) {
            let keys = original[index].keys
            return keys.isEmpty ? key : keys[min(place, keys.count - 1)]
        }
        if original.contains(where: { $0.keys.contains(key) }) { return nil }
        return key
    }
}

/// What is wrong with a keys file, in the order of its lines.
public struct KeyMapProblems: Error, Sendable, Equatable {
    public var all: [Diagnostic]
}

/// Reading `keys.yaml`: two levels, a screen and under it `action: key` or `action: [key, key]`,
/// one per line, `#` comments. Every problem is reported with the file, the line and what to do.
public enum KeyMapFile {
    /// The screens and the actions each can map, as the key tables give them.
    public static func known() -> [String: Set<String>] {
        var known: [String: Set<String>] = [:]
        for table in KeyTables.all(scale: []) {
            guard let screen = KeyMap.screen(of: table) else { continue }
            for binding in table.all { if let name = KeyMap.action(of: binding) { known[screen, default: []].insert(name) } }
        }
        return known
    }

    /// `scale` is the content's rating scale, whose keys (and the sign-off digits 1 to 9) a
    /// mapped key may not take on the checklist and close screens; without it they are not checked.
    public static func parse(_ text: String, path: String, scale: [DeliveryOpened.ScaleLevel] = []) -> Result<KeyMap, KeyMapProblems> {
        let known = known()
        var problems: [Diagnostic] = []
        var map: [String: [String: [Key]]] = [:]
        var lines: [String: [String: Int]] = [:]
        var screen: String?
        // Under a screen name already reported, its actions are not reported again.
        var skipping = false
        func problem(_ number: Int, _ line: String, _ column: Int, _ message: String, _ help: String, span: Int = 1) {
            problems.append(Diagnostic(path: path, line: number, column: column, message: message, excerpt: line, span: span, help: help))
        }
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingOccurrences(of: "\r", with: "") }
        for (offset, line) in rows.enumerated() {
            let number = offset + 1
            let content = stripComment(line)
            if content.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let indent = content.prefix { $0 == " " }.count
            if content.contains("\t") {
                problem(number, line, 1, "a tab in the indentation", "Indent with spaces, not tabs.")
                continue
            }
            guard let colon = content.firstIndex(of: ":") else {
                problem(number, line, indent + 1, "expected `name:` or `action: key`",
                        "Write a screen name on a line of its own (walkthrough:), then its actions indented under it (  next: PgDn).")
                continue
            }
            let name = content[..<colon].trimmingCharacters(in: .whitespaces)
            let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if indent == 0 {
                skipping = false
                guard value.isEmpty else {
                    problem(number, line, 1, "a screen name takes no value on its line",
                            "Put its actions on the lines below it, indented by two spaces.")
                    screen = nil
                    skipping = true
                    continue
                }
                guard known[name] != nil else {
                    problem(number, line, 1, "unknown screen `\(name)`",
                            "The screens are: " + known.keys.sorted().joined(separator: ", ") + ".")
                    screen = nil
                    skipping = true
                    continue
                }
                if map[name] != nil {
                    problem(number, line, 1, "the screen `\(name)` appears twice", "Put all of its actions under one `\(name):` line.")
                }
                screen = name
                map[name, default: [:]] = map[name] ?? [:]
                continue
            }
            if skipping { continue }
            guard let current = screen else {
                problem(number, line, indent + 1, "an action outside any screen",
                        "Put it under a screen name with no indentation, such as walkthrough:.")
                continue
            }
            guard known[current]?.contains(name) == true else {
                let actions = (known[current] ?? []).sorted().joined(separator: ", ")
                problem(number, line, indent + 1, "unknown action `\(name)` on the \(current) screen", "Its actions are: \(actions).")
                continue
            }
            if let earlier = lines[current]?[name] {
                problem(number, line, indent + 1, "the action `\(name)` is given keys twice (first on line \(earlier))",
                        "Give each action its keys once, as a list: \(name): [PgDn, Space].")
                continue
            }
            lines[current, default: [:]][name] = number
            let afterColon = line.index(after: line.firstIndex(of: ":")!)
            var keys: [Key] = []
            var bad = false
            for word in words(value) {
                guard let key = Self.key(named: word) else {
                    // The caret goes under the name itself.
                    let place = line.range(of: word, range: afterColon..<line.endIndex)
                    let scalars = line.unicodeScalars
                    let column = place.map { scalars.distance(from: scalars.startIndex, to: $0.lowerBound) + 1 }
                        ?? scalars.distance(from: scalars.startIndex, to: afterColon) + 2
                    problem(number, line, column, "unknown key name `\(word)`",
                            "Use a single character (quote # , [ ] and space) or one of: Up, Down, Left, Right, PgUp, PgDn, Home, End, Enter, Esc, Space, Tab, Shift-Tab, Backspace, Delete, F1-F12, Ctrl-A to Ctrl-Z.",
                            span: max(1, word.count))
                    bad = true
                    continue
                }
                if !keys.contains(key) { keys.append(key) }
            }
            if bad { continue }
            if keys.isEmpty {
                problem(number, line, indent + 1, "the action `\(name)` is left with no key",
                        "Give it at least one key, or leave it out of the file to keep its standard keys.")
                continue
            }
            map[current, default: [:]][name] = keys
        }
        let result = KeyMap(map.filter { !$0.value.isEmpty })
        // A key may do one thing on a screen: look at each table as mapped.
        for table in KeyTables.all(scale: scale, facilitators: 9) {
            guard let screen = KeyMap.screen(of: table), let actions = result.screens[screen] else { continue }
            let bindings = result.apply(table).bindings
            for (name, keys) in actions.sorted(by: { $0.key < $1.key }) {
                for key in keys {
                    if case .character = key, bindings.contains(where: \.typed), let number = lines[screen]?[name] {
                        let message = "the key \(key.names.short) is typed as text on the \(screen) screen"
                        if !problems.contains(where: { $0.message == message }) {
                            problem(number, rows[number - 1], 1, message, "Choose a key that is not a character, such as F2 or Ctrl-N, for `\(name)`.")
                        }
                        continue
                    }
                    // Every holder counts, a rating or sign-off key too (named in the file's words).
                    let holders = bindings.filter { $0.keys.contains(key) }.map { KeyMap.action(of: $0) ?? KeyMap.words($0.action) }
                    let others = Set(holders).subtracting([name]).sorted()
                    guard let other = others.first, let number = lines[screen]?[name] else { continue }
                    let message = "the key \(key.names.short) is bound twice on the \(screen) screen: to `\(name)` and to `\(other)`"
                    if problems.contains(where: { $0.message == message || $0.message.hasPrefix("the key \(key.names.short) is bound twice on the \(screen) screen: to `\(other)`") }) { continue }
                    problem(number, rows[number - 1], 1, message,
                            "Give `\(other)` other keys in the file too, or choose another key for `\(name)`.")
                }
            }
        }
        return problems.isEmpty ? .success(result) : .failure(KeyMapProblems(all: problems))
    }

    /// The line without a `#` comment (a # inside quotes is kept).
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var out = ""
        for character in line {
            if let open = quote { if character == open { quote = nil } } else if character == "\"" || character == "'" { quote = character }
            else if character == "#" && (out.isEmpty || out.last == " ") { break }
            out.append(character)
        }
        return out
    }

    /// The key names of a value: one name, or a [list], quotes removed.
    static func words(_ value: String) -> [String] {
        var text = value
        if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var words: [String] = []
        var current = ""
        var quote: Character?
        var quoted = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                quoted = true
            } else if character == "," {
                let word = quoted ? current : current.trimmingCharacters(in: .whitespaces)
                if !word.isEmpty { words.append(word) }
                current = ""
                quoted = false
            } else if !(character == " " && !quoted && current.isEmpty) {
                current.append(character)
            }
        }
        let word = quoted ? current : current.trimmingCharacters(in: .whitespaces)
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// A key from its name: a single character, or a key's name as the key bar, the keys check
    /// or a presenter's manual writes it, in any case.
    public static func key(named name: String) -> Key? {
        if name.count == 1, let character = name.first, !character.isWhitespace || character == " " { return .character(character) }
        let folded = name.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "-")
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right,
            "uparrow": .up, "downarrow": .down, "leftarrow": .left, "rightarrow": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "space": .space, "tab": .tab,
            "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "delete": .delete, "del": .delete,
        ]
        if let key = named[folded] { return key }
        if folded.hasPrefix("f"), let number = Int(folded.dropFirst()), (1...12).contains(number) { return .function(number) }
        if folded.hasPrefix("ctrl-"), folded.count == 6, let letter = folded.last, letter.isASCII, letter.isLetter { return .control(letter) }
        return nil
    }
}
