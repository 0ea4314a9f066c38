/// What happened to one entry of a list of text (steps, aims, key messages, materials, the
/// sentences of a summary) between two versions.
public enum TextEdit: Sendable, Equatable {
    case reworded(old: String, new: String)
    case added(String)
    case removed(String)
    /// The same words at another place in the list.
    case moved(String)
}

/// The differences between two lists of text, entry by entry. Entries kept unchanged are matched
/// first (the longest common subsequence), so one inserted step reads as one step added rather
/// than every later step reworded; within each stretch of differences, removed and added entries
/// are paired in order as rewordings.
public struct TextListChange: Sendable, Equatable {
    public var edits: [TextEdit]

    public init?(old: [String], new: [String]) {
        guard old != new else { return nil }
        var edits: [TextEdit] = []
        var removed: [String] = [], added: [String] = []
        // An entry that left one place and appears at another, as often in both lists, was moved,
        // not reworded. (Counting keeps a duplicated entry dropped once from reading as moved.)
        let oldCounts = Dictionary(old.map { ($0, 1) }, uniquingKeysWith: +)
        let newCounts = Dictionary(new.map { ($0, 1) }, uniquingKeysWith: +)
        let isMoved = { (entry: String) in oldCounts[entry] == newCounts[entry] }
        func flush() {
            edits += added.filter(isMoved).map(TextEdit.moved)
            removed = removed.filter { !isMoved($0) }
            added = added.filter { !isMoved($0) }
            let paired = min(removed.count, added.count)
            for index in 0..<paired { edits.append(.reworded(old: removed[index], new: added[index])) }
            edits += removed.dropFirst(paired).map(TextEdit.removed)
            edits += added.dropFirst(paired).map(TextEdit.added)
            removed = []
            added = []
        }
        for step in Alignment.steps(old, new) {
            switch step {
            case .kept: flush()
            case .removed(let index): removed.append(old[index])
            case .added(let index): added.append(new[index])
            }
        }
        flush()
        self.edits = edits
    }

    /// Prose compared sentence by sentence. When every sentence is the same but the text is not,
    /// only spacing or line breaks changed: still a change (the fingerprint moved), with no words
    /// to show.
    public init?(prose old: String, _ new: String) {
        guard old != new else { return nil }
        self = TextListChange(old: Sentences.split(old), new: Sentences.split(new)) ?? TextListChange(edits: [])
    }

    private init(edits: [TextEdit]) { self.edits = edits }

    /// True when the prose differs only in spacing or line breaks.
    public var isLayoutOnly: Bool { edits.isEmpty }

    public var reworded: Int { edits.filter { if case .reworded = $0 { return true } else { return false } }.count }
    public var added: Int { edits.filter { if case .added = $0 { return true } else { return false } }.count }
    public var removed: Int { edits.filter { if case .removed = $0 { return true } else { return false } }.count }
    public var moved: Int { edits.filter { if case .moved = $0 { return true } else { return false } }.count }
}

/// The longest common subsequence of two lists, as a walk through both: each entry of the old
/// list is kept or removed, each of the new list kept or added. Lists here are short (at most a
/// few dozen entries), so the quadratic table is cheap.
enum Alignment {
    enum Step: Equatable { case kept(old: Int, new: Int), removed(Int), added(Int) }

    static func steps<T: Equatable>(_ old: [T], _ new: [T]) -> [Step] {
        let n = old.count, m = new.count
        // table[i][j]: the length of the longest common subsequence of old[i...] and new[j...].
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                steps.append(.kept(old: i, new: j)); i += 1; j += 1
            } else if j < m, i == n || table[i][j + 1] > table[i + 1][j] {
                steps.append(.added(j)); j += 1
            } else {
                steps.append(.removed(i)); i += 1
            }
        }
        return steps
    }

    /// The entries present in both lists that are out of their old order: those the longest
    /// common subsequence of the shared entries leaves out.
    static func moved<T: Hashable>(_ old: [T], _ new: [T]) -> [T] {
        let shared = Set(old).intersection(new)
        let oldShared = old.filter(shared.contains), newShared = new.filter(shared.contains)
        var kept: Set<T> = []
        for step in steps(oldShared, newShared) {
            if case .kept(let index, _) = step { kept.insert(oldShared[index]) }
        }
        return newShared.filter { !kept.contains($0) }
    }
}
