/// The ranges the journal's whole numbers must fall in (Manuals/journal-format.md, and `minimum` and
/// `maximum` in Manuals/journal-schema.json). iwotch never writes a number outside them; a line
/// that has one was edited or damaged, and is reported as unreadable rather than read. Within them,
/// no sum, count or `seq + 1` made from a journal's numbers can overflow.
public enum JournalRange {
    /// `seq`: a journal of a trillion events is far beyond any delivery.
    public static let seq: ClosedRange<Int> = 1...1_000_000_000_000
    /// `schema`: the versions there are (a newer one is reported as such).
    public static let schema: ClosedRange<Int> = 1...Int(Int32.max)
    /// Minutes of a session or an agenda item: at most a day.
    public static let minutes: ClosedRange<Int> = 1...1440
    /// A fidelity or competence score.
    public static let score: ClosedRange<Int> = 0...100
    /// The report bands, in percent: high above low.
    public static let highBand: ClosedRange<Int> = 1...100
    public static let lowBand: ClosedRange<Int> = 0...99
    /// The dose: how many sessions make it.
    public static let doseMinimum: ClosedRange<Int> = 1...1000
    /// A step of an activity, counted from 0.
    public static let step: ClosedRange<Int> = 0...10_000
    /// Seconds a console was stopped before it resumed a delivery: at most about a century.
    public static let gapSeconds: ClosedRange<Int> = 0...3_153_600_000
    /// The closing record's counts (participants, activities, items).
    public static let count: ClosedRange<Int> = 0...1_000_000
    /// Line numbers a damage-found event names.
    public static let line: ClosedRange<Int> = 1...1_000_000_000_000
    /// A journal file's bytes: a delivery's journal is tens of KB, and a million events (far past
    /// any delivery) about 360 MB. A larger file (a sparse file of a terabyte, say) is refused
    /// from its size, before any of it is read.
    public static let fileBytes = 1 << 30
}

extension JournalEvent {
    /// The first whole number outside its range, said as the line's reader says a problem
    /// ("field `seq` is …; it must be from 1 to …"), or nil when every one is in range.
    func outOfRange() -> String? {
        // The field's name is only written out for a value out of range: an opening's agenda names dozens.
        func check(_ value: Int, _ range: ClosedRange<Int>, _ field: @autoclosure () -> String) -> String? {
            range.contains(value) ? nil : "field `\(field())` is \(value); it must be from \(range.lowerBound) to \(range.upperBound)"
        }
        if schema <= JournalEvent.schemaVersion, let problem = check(schema, JournalRange.schema, "schema") { return problem }
        if let problem = check(seq, JournalRange.seq, "seq") { return problem }
        switch body {
        case .deliveryOpened(let opened):
            if let problem = check(opened.session.plannedMinutes, JournalRange.minutes, "data.session.planned_minutes") { return problem }
            for (index, item) in opened.session.agenda.enumerated() {
                if let problem = check(item.minutes, JournalRange.minutes, "data.session.agenda[\(index)].minutes") { return problem }
            }
            if let problem = check(opened.dose.minimum, JournalRange.doseMinimum, "data.dose.minimum") { return problem }
            for (index, level) in opened.fidelityScale.enumerated() {
                if let score = level.score, let problem = check(score, JournalRange.score, "data.fidelity_scale[\(index)].score") { return problem }
            }
            if let problem = check(opened.bands.high, JournalRange.highBand, "data.bands.high") { return problem }
            if let problem = check(opened.bands.low, JournalRange.lowBand, "data.bands.low") { return problem }
        case .stepShown(let shown):
            if let problem = check(shown.step, JournalRange.step, "data.step") { return problem }
        case .consoleResumed(let resumed):
            if let problem = check(resumed.gapSeconds, JournalRange.gapSeconds, "data.gap_seconds") { return problem }
        case .damageFound(let damage):
            for (index, line) in damage.lines.enumerated() {
                if let problem = check(line, JournalRange.line, "data.lines[\(index)]") { return problem }
            }
        case .deliveryClosed(let closed):
            let s = closed.summary
            let counts = [("participants", s.participants), ("present", s.present), ("late", s.late), ("left_early", s.leftEarly),
                          ("absent", s.absent), ("activities_delivered", s.activitiesDelivered), ("items_rated", s.itemsRated),
                          ("items_unrated", s.itemsUnrated)]
            for (name, value) in counts {
                if let problem = check(value, JournalRange.count, "data.summary.\(name)") { return problem }
            }
        case .supervisorReview(let review):
            if let problem = check(review.competence, JournalRange.score, "data.competence") { return problem }
            for (index, level) in review.competenceScale.enumerated() {
                if let problem = check(level.score, JournalRange.score, "data.competence_scale[\(index)].score") { return problem }
            }
        case .participantEnrolled, .attendanceMarked, .activityStarted, .activityEnded, .timerPaused, .timerResumed,
             .fidelityRated, .noteAdded, .correction:
            break
        }
        return nil
    }
}
