import Journal

/// How a roster's marks add up: everyone on the roster counts once, in their latest mark, and
/// someone never marked is in neither the attended nor the absent column (see `AttendanceRule`).
public struct AttendanceCounts: Sendable, Equatable {
    public var roster: Int
    public var present = 0
    public var late = 0
    public var leftEarly = 0
    public var lateAndLeftEarly = 0
    public var absent = 0
    public var absentNotified = 0
    public var unmarked = 0

    public init(roster: Int) { self.roster = roster }

    /// Counts a roster from each participant's latest mark (nil: not marked) and, for an absence,
    /// whether they let the team know.
    public init(roster: [String], mark: (String) -> (status: AttendanceMarked.Status, notified: Bool?)?) {
        self.init(roster: roster.count)
        for participant in roster {
            guard let (status, notified) = mark(participant) else { unmarked += 1; continue }
            switch status {
            case .present: present += 1
            case .late: late += 1
            case .leftEarly: leftEarly += 1
            case .lateAndLeftEarly: lateAndLeftEarly += 1
            case .absent: absent += 1; if notified == true { absentNotified += 1 }
            }
        }
    }

    /// Present, late, leaving early, or both.
    public var attended: Int { present + late + leftEarly + lateAndLeftEarly }

    /// "3 of 5 attended, 1 not marked: 1 present, 1 late, 1 late and left early, 1 absent (1
    /// notified)": every number with its word, the same on the register, the close screen and the
    /// audit screen. Who is not yet marked comes first, so a narrow screen that cuts the line keeps
    /// it. Marks nobody has are left out, except present and absent.
    public var words: String {
        var parts = ["\(present) present"]
        if late > 0 { parts.append("\(late) late") }
        if leftEarly > 0 { parts.append("\(leftEarly) left early") }
        if lateAndLeftEarly > 0 { parts.append("\(lateAndLeftEarly) late and left early") }
        parts.append("\(absent) absent" + (absentNotified > 0 ? " (\(absentNotified) notified)" : ""))
        return "\(attended) of \(roster) attended" + (unmarked > 0 ? ", \(unmarked) not marked" : "") + ": " + parts.joined(separator: ", ")
    }
}

extension DeliveryState {
    /// The live register's counts, by the same rule as the reports'.
    public var attendanceCounts: AttendanceCounts {
        AttendanceCounts(roster: roster) { code in attendance[code].map { ($0.status, $0.notified) } }
    }
}
