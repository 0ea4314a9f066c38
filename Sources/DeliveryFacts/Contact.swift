import Journal

/// What became of a one-to-one contact (a consultation in person, by telephone or by video): the
/// one participant attended, did not attend, did not answer the call, or the contact was
/// rearranged; or nobody has marked it yet. Worked out here once, from the latest attendance mark,
/// for the register, the close screen, the audit screen and the reports.
public enum ContactOutcome: String, Sendable, Equatable, CaseIterable {
    case attended
    case didNotAttend = "did not attend"
    case notAnswered = "not answered"
    case rearranged
    case notMarked = "not marked"

    /// Present, late or leaving early is attended; an absence is "did not attend" unless its
    /// outcome says the call was not answered or the contact was rearranged.
    public init(status: AttendanceMarked.Status?, outcome: AttendanceMarked.Outcome?) {
        switch (status, outcome) {
        case (nil, _): self = .notMarked
        case (let status?, _) where status.attended: self = .attended
        case (_, .notAnswered?): self = .notAnswered
        case (_, .rearranged?): self = .rearranged
        default: self = .didNotAttend
        }
    }

    /// "Contact with P01: not answered", the singular a one-to-one's register and close show.
    public func words(_ code: String?) -> String {
        guard let code else { return "No participant on the register" }
        return "Contact with \(code): \(rawValue)"
    }
}

extension DeliveryState {
    /// The contact's outcome for `code`, by its latest mark.
    public func contactOutcome(of code: String) -> ContactOutcome {
        ContactOutcome(status: attendance[code]?.status, outcome: attendance[code]?.outcome)
    }

    /// The one-to-one's register in one line: its participant and what became of the contact.
    public var contactWords: String { (roster.first.map(contactOutcome(of:)) ?? .notMarked).words(roster.first) }
}

extension DeliveryRecord {
    public func contactOutcome(of code: String) -> ContactOutcome {
        ContactOutcome(status: attendance[code], outcome: outcomes[code])
    }

    public var contactWords: String { (roster.first.map(contactOutcome(of:)) ?? .notMarked).words(roster.first) }

    /// The register in words: a group's counts, or a one-to-one's single contact.
    public var registerWords: String { opened.session.isOneToOne ? contactWords : attendanceCounts.words }
}
