import Foundation
import Journal

/// Figures of one delivery beyond its stored ones, worked out from the `DeliveryRecord` by the
/// rules of this module: the close screen, the audit screen and every report read these.
extension DeliveryRecord {
    /// The bands this delivery pinned when it opened.
    public var bands: BandMarks { BandMarks(high: opened.bands.high, low: opened.bands.low) }

    /// The delivery's band, or nil while no applicable item is rated.
    public var band: BandMarks.Band? { adherence.percent.map(bands.band(of:)) }

    /// One agenda activity's items pooled by the one rule (`Adherence.pooled`).
    public func adherence(ofActivity activity: String) -> Adherence {
        guard let first = items.indices.first(where: { items.activity(at: $0) == activity }) else { return Adherence() }
        let end = items.indices[first...].first { items.activity(at: $0) != activity } ?? items.endIndex
        return Adherence.pooled(items[first..<end])
    }

    /// How the roster's marks add up (`AttendanceCounts`).
    public var attendanceCounts: AttendanceCounts {
        AttendanceCounts(roster: roster) { code in attendance[code].map { ($0, notified[code]) } }
    }

    /// The supervisor's level for an item, from the latest review that rated it.
    public func reviewedLevel(of item: String) -> (level: String, rater: String)? {
        for review in reviews.reversed() {
            if let rating = review.review.ratings.last(where: { $0.item == item }) { return (rating.level, review.rater) }
        }
        return nil
    }
}
