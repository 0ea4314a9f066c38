/// What each attendance mark means, written once; every count of attendance (the register line,
/// the close screen, the closing record, the reports, the REDCap export) is built on these.
///
/// - Attended: present, late, left early, or late and left early.
/// - Someone late *and* leaving early is one mark of its own; when counting arrivals and
///   departures (the closing record's `late` and `left_early`, a participant's days late or
///   leaving early) it counts as late and as leaving early.
/// - Someone on the roster never marked is neither attended nor absent: they are "not marked".
extension AttendanceMarked.Status {
    public var attended: Bool { self != .absent }
    public var arrivedLate: Bool { self == .late || self == .lateAndLeftEarly }
    public var leftBeforeEnd: Bool { self == .leftEarly || self == .lateAndLeftEarly }
}
