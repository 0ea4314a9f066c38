import Journal

/// Whether a participant has received the programme, by the dose rule their delivery pinned:
/// attended at least `minimum` of the rule's sessions, or, when the rule counts contacts, at
/// least `minimum` deliveries of them (a call held three times is three contacts).
public enum DoseStatus: String, Sendable, Equatable {
    /// Attended enough of the rule's sessions (or contacts).
    case met
    /// Not yet, but the group still has enough of the rule's sessions to come; for contacts,
    /// always until met, as more contacts can be booked.
    case notYet = "not yet"
    /// Can no longer be met: too few of the rule's sessions are left to come.
    case notMet = "not met"

    /// `attended`: the rule's sessions the participant came to; `held`: the rule's sessions the
    /// group has had (whoever came); `contacts`: deliveries of the rule's sessions they attended.
    public init(rule: DeliveryOpened.Dose, attended: Set<String>, held: Set<String>, contacts: Int = 0) {
        let counted = Self.counted(rule: rule, attended: attended, contacts: contacts)
        if counted >= rule.minimum { self = .met; return }
        if rule.countsContacts { self = .notYet; return }
        let remaining = Set(rule.sessions).subtracting(held).count
        self = counted + remaining >= rule.minimum ? .notYet : .notMet
    }

    /// What the rule counts for a participant: the rule's sessions attended, or their contacts.
    public static func counted(rule: DeliveryOpened.Dose, attended: Set<String>, contacts: Int) -> Int {
        rule.countsContacts ? contacts : attended.intersection(rule.sessions).count
    }
}
