import Journal

/// The checklist's key for each level of the fidelity scale the delivery pinned: a level with a
/// score is rated with its score's digit (2 for a level scored 2), so the keys say what the
/// scale says; a level without a score (one excluded from adherence) takes a letter of its label
/// (`n` for "Not applicable"). The levels come from the content: nothing here names them.
public enum RatingKeys {
    /// Letters the checklist uses for itself, which a level cannot take.
    static let reserved: Set<Character> = ["b", "m", "f", "q"]

    /// One key for each level of `scale`, in its order. A score of 10 or more, or a digit two
    /// levels share, falls back to the first free digit from 1; a label with no free letter
    /// falls back the same way.
    public static func keys(_ scale: [DeliveryOpened.ScaleLevel]) -> [Character] {
        var taken = reserved
        var keys: [Character?] = Array(repeating: nil, count: scale.count)
        // Scores first, so a letter never takes a digit a score needs.
        for (index, level) in scale.enumerated() {
            guard let score = level.score, (0...9).contains(score) else { continue }
            let digit = Character(String(score))
            if taken.insert(digit).inserted { keys[index] = digit }
        }
        for (index, level) in scale.enumerated() where keys[index] == nil && level.score == nil {
            if let letter = level.label.lowercased().first(where: { $0.isASCII && $0.isLetter && !taken.contains($0) }) {
                taken.insert(letter)
                keys[index] = letter
            }
        }
        for index in scale.indices where keys[index] == nil {
            let digit = "123456789".first { !taken.contains($0) } ?? "?"
            taken.insert(digit)
            keys[index] = digit
        }
        return keys.map { $0! }
    }

    /// The level `key` rates, if it is one of the scale's keys.
    public static func level(for key: Character, in scale: [DeliveryOpened.ScaleLevel]) -> DeliveryOpened.ScaleLevel? {
        zip(keys(scale), scale).first { $0.0 == key }?.1
    }

    /// The key of the level with id `id`.
    public static func key(of id: String, in scale: [DeliveryOpened.ScaleLevel]) -> Character? {
        zip(keys(scale), scale).first { $0.1.id == id }?.0
    }

    /// "Fully delivered (2)", "Not applicable (no score)": a level with its score, as the checklist shows it.
    public static func describe(_ level: DeliveryOpened.ScaleLevel) -> String {
        level.label + " (" + (level.score.map(String.init) ?? "no score") + ")"
    }

    /// Whether a rating at this level says something was delivered, so that who delivered it
    /// means something: not for a score of 0 or a level without a score.
    public static func meansDelivered(_ level: DeliveryOpened.ScaleLevel?) -> Bool { (level?.score ?? 0) > 0 }
}
