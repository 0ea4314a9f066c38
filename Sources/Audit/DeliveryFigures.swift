import Foundation
import Journal

/// Figures of one delivery that the audit screen shows beside the reports' own: worked out from
/// the same `DeliveryRecord` by the same rules, so a supervisor sees one number in both places.
extension DeliveryRecord {
    /// The bands this delivery pinned when it opened.
    public var bands: BandMarks { BandMarks(high: opened.bands.high, low: opened.bands.low) }

    /// The delivery's band, or nil while no applicable item is rated.
    public var band: BandMarks.Band? { adherence.percent.map(bands.band(of:)) }

    /// One agenda activity's items pooled as the reports pool them (`Pool`): score over maximum
    /// of the rated items that apply; not-applicable ratings in neither part; unrated apart.
    public func adherence(ofActivity activity: String) -> Adherence {
        var pool = Pool()
        for item in items where item.activity == activity { pool.add(item, delivery: id) }
        return Adherence(score: pool.score, maximum: pool.maximum, ratedItems: pool.rated,
                         excludedItems: pool.excluded, unratedItems: pool.unrated)
    }

    /// How the roster's marks add up: everyone on the roster counts once, in their latest mark.
    public var attendanceCounts: AttendanceCounts {
        var counts = AttendanceCounts(roster: roster.count)
        for participant in roster {
            switch attendance[participant] {
            case .present: counts.present += 1
            case .late: counts.late += 1
            case .leftEarly: counts.leftEarly += 1
            case .lateAndLeftEarly: counts.lateAndLeftEarly += 1
            case .absent: counts.absent += 1; if notified[participant] == true { counts.absentNotified += 1 }
            case nil: counts.unmarked += 1
            }
        }
        return counts
    }

    /// The supervisor's level for an item, from the latest review that rated it.
    public func reviewedLevel(of item: String) -> (level: String, rater: String)? {
        for review in reviews.reversed() {
            if let rating = review.review.ratings.last(where: { $0.item == item }) { return (rating.level, review.rater) }
        }
        return nil
    }
}

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

    /// Present, late or leaving early: the same count as the sessions report's "Attended".
    public var attended: Int { present + late + leftEarly + lateAndLeftEarly }
}
