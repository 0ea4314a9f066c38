import Programme

/// The sentence at the top of every printed plan saying how much of the session is reconstructed.
/// A printed page travels without the console, so it must carry this itself: a facilitator or a
/// supervisor holding it should never mistake reconstructed content for the official manual, nor
/// an activity whose title and aims alone are published (an outline) for one published in full.
enum ProvenanceNote {
    static func sentence(for activities: [Activity]) -> String {
        let total = activities.count
        let reconstructed = activities.filter { $0.source?.kind == .reconstructed }.count
        let outline = activities.filter { $0.source?.kind == .outline }.count
        let published = activities.filter { $0.source?.kind == .published }.count
        let original = activities.filter { $0.source?.kind == .original }.count
        if total > 0 && original == total {
            return total == 1 ? "The only activity of this session is original to this programme, written by its authors."
                              : "All \(total) activities of this session are original to this programme, written by its authors."
        }
        switch (total, reconstructed, outline, published) {
        case (0, _, _, _):
            return "This session has no activities, only arrival, breaks or lunch."
        case (1, 1, _, _):
            return "The only activity of this session is reconstructed content, written for this pack from the sources named under it, not taken from an official manual."
        case (_, total, _, _):
            return "All \(total) activities of this session are reconstructed content, written for this pack from the sources named under each, not taken from an official manual."
        case (1, _, 1, _):
            return "The only activity of this session follows a published outline: its title and aims are published, but its steps, timings and fidelity items are reconstructed for this pack, not taken from an official manual."
        case (_, _, total, _):
            return "All \(total) activities of this session follow a published outline: their titles and aims are published, but their steps, timings and fidelity items are reconstructed for this pack, not taken from an official manual."
        case (1, _, _, 1):
            return "The only activity of this session follows the published source named under it."
        case (_, _, _, total):
            return "All \(total) activities of this session follow the published source named under each."
        default:
            // A mix: each kind present as a clause, reconstructed first; the first names the whole.
            var clauses: [(count: Int, says: String)] = []
            if reconstructed > 0 {
                clauses.append((reconstructed, "\(reconstructed == 1 ? "is" : "are") reconstructed content, written for this pack, not taken from an official manual"))
            }
            if outline > 0 {
                clauses.append((outline, outline == 1
                    ? "follows a published outline, with only its title and aims published and its steps, timings and fidelity items reconstructed"
                    : "follow a published outline, with only their titles and aims published and their steps, timings and fidelity items reconstructed"))
            }
            if published > 0 {
                clauses.append((published, "\(published == 1 ? "follows" : "follow") a published source"))
            }
            if original > 0 {
                clauses.append((original, "\(original == 1 ? "is" : "are") original to this programme, written by its authors"))
            }
            // Content read from files always names a source; content built in code may not.
            guard !clauses.isEmpty else { return "No activity of this session names its source." }
            let words = clauses.enumerated().map { index, clause in
                index == 0 ? "\(clause.count) of the \(total) activities of this session \(clause.says)" : "\(clause.count) \(clause.says)"
            }
            return words.joined(separator: "; ") + ". Each activity names its source."
        }
    }
}
