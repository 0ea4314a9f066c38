import DisplayText

/// A one-line text field: characters (accents, CJK, emoji) inserted at a cursor, deleted with
/// Backspace/Delete, moved with arrows, Home and End.
public struct TextInput: Sendable, Equatable {
    public var characters: [Character]
    public var cursor: Int
    public var limit: Int

    public init(_ text: String = "", limit: Int = 200) {
        characters = Array(text)
        cursor = characters.count
        self.limit = limit
    }

    public var text: String { String(characters) }

    /// Handles an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard characters.count < limit, !character.unicodeScalars.allSatisfy(DisplayText.isControl) else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return false
        }
        return true
    }

    /// Cells from the start of the text to the cursor, where the hardware cursor goes.
    public var cursorColumn: Int { DisplayText.width(String(characters.prefix(cursor))) }
}
