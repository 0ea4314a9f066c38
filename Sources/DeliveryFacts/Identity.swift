import Journal

/// Who a participant is across deliveries: site, group and code, codes compared without case
/// (`Code.same`). Two sites that both call a group G03 have two groups, and their P01s are two
/// people; P02 and p02 in one group are one person.
public struct ParticipantKey: Hashable, Sendable, Comparable {
    public let site: String
    public let group: String
    public let code: String

    /// Made from the codes as any journal stored them; compared in their canonical form.
    public init(site: String, group: String, code: String) {
        self.site = Code.canonical(site); self.group = Code.canonical(group); self.code = Code.canonical(code)
    }

    public static func < (a: ParticipantKey, b: ParticipantKey) -> Bool { (a.site, a.group, a.code) < (b.site, b.group, b.code) }
}

/// A group across deliveries: the same group code at two sites is two groups.
public struct GroupKey: Hashable, Sendable, Comparable {
    public let site: String
    public let group: String
    public init(site: String, group: String) { self.site = Code.canonical(site); self.group = Code.canonical(group) }
    public static func < (a: GroupKey, b: GroupKey) -> Bool { (a.site, a.group) < (b.site, b.group) }
}

/// A delivery's content version compared as numbers part by part, so 2026.10 comes after 2026.9;
/// parts that are not numbers compare as text.
public struct ContentVersion: Comparable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }

    public static func < (a: ContentVersion, b: ContentVersion) -> Bool {
        let left = a.text.split(separator: ".", omittingEmptySubsequences: false)
        let right = b.text.split(separator: ".", omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) where x != y {
            if let m = Int(x), let n = Int(y) { return m < n }
            return x < y
        }
        return left.count < right.count
    }

    public static func == (a: ContentVersion, b: ContentVersion) -> Bool { a.text == b.text }
}
