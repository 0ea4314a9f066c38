/// Participant, facilitator, group and site codes are compared without case, and new ones are
/// stored in one canonical form, upper case: `p02` typed where `P02` exists is the same person.
/// A journal keeps what it stored; only the comparison is canonical, so old journals read the same.
public enum Code {
    /// Codes are ASCII letters, digits and hyphens (`Privacy`): upper-casing ASCII is the whole fold.
    public static func canonical(_ code: String) -> String {
        guard code.utf8.contains(where: { (0x61...0x7A).contains($0) }) else { return code }
        return String(decoding: code.utf8.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    public static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && canonical(a) == canonical(b)
    }
}
