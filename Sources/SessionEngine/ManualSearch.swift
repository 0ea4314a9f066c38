import Foundation
import Programme

/// Which text of the manual a line is: what a search hit points at, and what the detail pane
/// marks when it shows the hit.
public enum ManualField: Sendable, Equatable, Hashable {
    case sessionTitle, title, aim(Int), step(Int), keyMessage(Int), material(Int), fidelity(Int)

    /// How a result names the line, counting from 1 as the screen does.
    public var label: String {
        switch self {
        case .sessionTitle: "session title"
        case .title: "title"
        case .aim(let index): "aim \(index + 1)"
        case .step(let index): "step \(index + 1)"
        case .keyMessage(let index): "key message \(index + 1)"
        case .material(let index): "material \(index + 1)"
        case .fidelity(let index): "fidelity item \(index + 1)"
        }
    }
}

/// One line of the manual that holds the search text.
public struct ManualHit: Sendable, Equatable {
    public var session: String
    public var sessionTitle: String
    /// The agenda item, or nil when the hit is the session's own title.
    public var activity: String?
    public var activityTitle: String?
    public var field: ManualField
    /// The whole line as the content has it.
    public var text: String
    /// Where the search text is in `text`, counted in characters.
    public var match: Range<Int>
}

/// Substring search over titles, aims, steps, key messages, materials and fidelity items,
/// ignoring case and accents, so "cafe" finds "Café" and "WITHDRAWAL" finds "withdrawal".
public enum ManualSearch {
    public static func hits(in programme: Programme, for query: String) -> [ManualHit] {
        let needle = Array(Folded(query.trimmingCharacters(in: .whitespaces)).characters)
        guard !needle.isEmpty else { return [] }
        var hits: [ManualHit] = []
        for session in programme.sessions {
            func look(_ text: String, _ field: ManualField, _ activity: Activity?) {
                guard let match = Folded(text).firstMatch(of: needle) else { return }
                hits.append(ManualHit(session: session.id, sessionTitle: session.title, activity: activity?.id,
                                      activityTitle: activity?.title, field: field, text: text, match: match))
            }
            look(session.title, .sessionTitle, nil)
            for activity in session.agenda {
                look(activity.title, .title, activity)
                for (index, text) in activity.aims.enumerated() { look(text, .aim(index), activity) }
                for (index, text) in activity.steps.enumerated() { look(text, .step(index), activity) }
                for (index, text) in activity.keyMessages.enumerated() { look(text, .keyMessage(index), activity) }
                for (index, text) in activity.materials.enumerated() { look(text, .material(index), activity) }
                for (index, item) in activity.fidelity.enumerated() { look(item.behaviour, .fidelity(index), activity) }
            }
        }
        return hits
    }
}

/// Text folded for matching (lowercase, accents removed), remembering which character of the
/// original each folded character came from, so a match can be shown in the original.
struct Folded {
    private(set) var characters: [Character] = []
    private var owners: [Int] = []

    init(_ text: String) {
        characters.reserveCapacity(text.utf8.count)
        for (index, character) in text.enumerated() {
            // Most content is plain ASCII: fold it without Foundation's per-character cost.
            if let ascii = character.asciiValue {
                characters.append(Character(Unicode.Scalar((65...90).contains(ascii) ? ascii + 32 : ascii)))
                owners.append(index)
                continue
            }
            for folded in String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) {
                characters.append(folded)
                owners.append(index)
            }
        }
    }

    /// The first place `needle` (already folded) occurs, as a range of the original's characters.
    func firstMatch(of needle: [Character]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= characters.count else { return nil }
        outer: for start in 0...(characters.count - needle.count) {
            for offset in 0..<needle.count where characters[start + offset] != needle[offset] { continue outer }
            return owners[start]..<(owners[start + needle.count - 1] + 1)
        }
        return nil
    }
}
