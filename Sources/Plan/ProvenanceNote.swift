import Programme

/// The sentence at the top of every printed plan saying how much of the session is reconstructed.
/// A printed page travels without the console, so it must carry this itself: a facilitator or a
/// supervisor holding it should never mistake reconstructed content for the official manual.
enum ProvenanceNote {
    static func sentence(for activities: [Activity]) -> String {
        let total = activities.count
        let reconstructed = activities.filter { $0.source?.kind == .reconstructed }.count
        let published = activities.filter { $0.source?.kind == .published }.count
        switch (total, reconstructed, published) {
        case (0, _, _):
            return "This session has no activities, only arrival, breaks or lunch."
        case (1, 1, _):
            return "The only activity of this session is reconstructed content, written for this pack from the sources named under it, not taken from an official manual."
        case (_, total, _):
            return "All \(total) activities of this session are reconstructed content, written for this pack from the sources named under each, not taken from an official manual."
        case (1, _, 1):
            return "The only activity of this session follows the published source named under it."
        case (_, 0, total):
            return "All \(total) activities of this session follow the published source named under each."
        default:
            return "\(reconstructed) of the \(total) activities of this session \(reconstructed == 1 ? "is" : "are") reconstructed content, written for this pack, not taken from an official manual; \(published) \(published == 1 ? "follows" : "follow") a published source. Each activity names its source."
        }
    }
}
