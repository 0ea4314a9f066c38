import ArgumentParser

/// `iwotch reprot`: the first word names no command. Without this the word would reach the default
/// command (the console) as an unexpected argument; instead it is named, with the nearest command
/// when one is close (as git and cargo do).
enum CommandSuggestion {
    /// The message for an unknown first word, or nil when the arguments start with an option or a command.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        var names = ["help"], visible: [String] = []
        for command in IWotch.configuration.subcommands {
            let configuration = command.configuration
            let name = configuration.commandName ?? command._commandName
            names.append(name)
            names += configuration.aliases
            if configuration.shouldDisplay { visible.append(name) }
        }
        guard !names.contains(first) else { return nil }
        let nearest = names.map { ($0, distance(first.lowercased(), $0)) }.min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= max(1, nearest.0.count / 3) {
            return "Error: iwotch has no command '\(first)'. Did you mean '\(nearest.0)'?\nThe commands: \(visible.joined(separator: ", ")). See 'iwotch --help'."
        }
        return "Error: iwotch has no command '\(first)'.\nThe commands: \(visible.joined(separator: ", ")). See 'iwotch --help'."
    }

    /// Edit distance with adjacent swaps (reprot -> report is one), on short words only.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1) }
            }
        }
        return rows[a.count][b.count]
    }
}
