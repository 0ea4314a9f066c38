import Foundation

/// A migration's SQL split into its statements. The client sends each statement by itself (the
/// extended protocol takes one at a time), so `;` ends a statement only outside quotes, dollar
/// quotes (function bodies) and comments.
enum SQLScript {
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        let characters = Array(sql)
        var index = 0
        var dollarTag: String?
        var inString = false
        while index < characters.count {
            let character = characters[index]
            if let tag = dollarTag {
                if character == "$", String(characters[index..<min(characters.count, index + tag.count)]) == tag {
                    current += tag
                    index += tag.count
                    dollarTag = nil
                    continue
                }
            } else if inString {
                if character == "'" { inString = false }
            } else if character == "-", index + 1 < characters.count, characters[index + 1] == "-" {
                // A comment, to the end of the line: left out.
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            } else if character == "'" {
                inString = true
            } else if character == "$", let tag = Self.dollarTag(characters, at: index) {
                dollarTag = tag
                current += tag
                index += tag.count
                continue
            } else if character == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
                index += 1
                continue
            }
            current.append(character)
            index += 1
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }

    /// `$$` or `$name$` starting at `index`.
    static func dollarTag(_ characters: [Character], at index: Int) -> String? {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end] == "_" { end += 1 }
        guard end < characters.count, characters[end] == "$" else { return nil }
        return String(characters[index...end])
    }
}
