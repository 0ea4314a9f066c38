import Programme

/// The sentence at the top of every printed plan saying how much of the session is reconstructed.
/// A printed page travels without the console, so it must carry this itself: a facilitator or a
/// supervisor holding it should never mistake reconstructed content for the official manual.
enum ProvenanceNote {
    static func sentence(for activities: [Activity]) -> String {
        let total = activities.count
        let reconstructed = activities.filter { $0.source?.kind == .reconstructed }.count
        let published = total - reconstructed
        let activityWord = total == 1 ? "activity" : "activities"
        if total == 0 {
            return "This session has no activities, only arrival, breaks or lunch."
        }
        if reconstructed == total {
            let all = total == 1 ? "The only activity" : "All \(total) activities"
            return "\(all) of this session \(total == 1 ? "is" : "are") reconstructed content, written for this pack from the sources named under each, not taken from an official manual."
        }
        if reconstructed == 0 {
            return total == 1 ? "The only activity of this session follows the published source named under it."
                : "All \(total) \(activityWord) of this session follow the published source named under each."
        }
        return "\(reconstructed) of the \(total) activities of this session \(reconstructed == 1 ? "is" : "are") reconstructed content, written for this pack, not taken from an official manual; \(published) \(published == 1 ? "follows" : "follow") a published source. Each activity names its source."
    }
}
