import Journal

/// Whether a participant has received the programme, by the dose rule their delivery pinned:
/// attended at least `minimum` of the rule's sessions.
public enum DoseStatus: String, Sendable, Equatable {
    /// Attended enough of the rule's sessions.
    case met
    /// Not yet, but the group still has enough of the rule's sessions to come.
    case notYet = "not yet"
    /// Can no longer be met: too few of the rule's sessions are left to come.
    case notMet = "not met"

    /// `attended`: the rule's sessions the participant came to; `held`: the rule's sessions the
    /// group has had (whoever came).
    public init(rule: DeliveryOpened.Dose, attended: Set<String>, held: Set<String>) {
        let counted = attended.intersection(rule.sessions).count
        if counted >= rule.minimum { self = .met; return }
        let remaining = Set(rule.sessions).subtracting(held).count
        self = counted + remaining >= rule.minimum ? .notYet : .notMet
    }
}
