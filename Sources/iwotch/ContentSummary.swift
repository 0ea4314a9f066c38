import DisplayText
import Programme

/// The summary `content check` prints for a clean programme: what was checked and how the time
/// of each session is spent.
struct ContentSummary {
    let programme: Programme
    let path: String
    let files: Int
    let warnings: Int

    func text(quiet: Bool) -> String {
        let fingerprint = "fingerprint \(programme.fingerprint)\n"
        if quiet { return fingerprint }
        let sessions = programme.sessions
        let activities = sessions.reduce(0) { $0 + $1.activities.count }
        let items = sessions.reduce(0) { $0 + $1.fidelityItems.count }
        var out = "\(path): \(programme.title) version \(programme.version): no errors"
        out += warnings > 0 ? ", \(warnings) \(warnings == 1 ? "warning" : "warnings")\n" : "\n"
        out += "checked \(files) files: \(sessions.count) sessions, \(activities) activities, \(items) fidelity items\n\n"
        out += "  " + pad("session", 16) + pad("kind", 12) + pad("mode", 14) + pad("minutes", 20) + pad("activities", 12) + "fidelity items\n"
        for session in sessions {
            let pauses = session.agenda.filter { $0.kind != .activity }.reduce(0) { $0 + $1.minutes }
            let minutes = "\(session.plannedMinutes)" + (pauses > 0 ? " (\(pauses) breaks)" : "")
            out += "  " + pad(session.id, 16) + pad(session.kind.rawValue, 12) + pad(session.mode.rawValue, 14)
            out += pad(minutes, 20) + pad(String(session.activities.count), 12) + String(session.fidelityItems.count) + "\n"
        }
        out += "\nparticipant codes: " + (programme.participantCodes.map(\.words) ?? "the default shape, such as P07 or S01-P07 (no `participant_codes`)") + "\n"
        out += "release: " + releaseWords + "\n"
        out += fingerprint
        return out
    }

    private var releaseWords: String {
        switch programme.release {
        case .released(let date): "version \(programme.version), released \(date) (\(ReleaseLock.fileName))"
        case .unreleased: "version \(programme.version) is NOT RELEASED: live deliveries are flagged (iwotch content release)"
        case .changed: "version \(programme.version) was released with other text (see the error above)"
        }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let shown = DisplayText.sanitised(text)
        return shown + String(repeating: " ", count: max(1, width - DisplayText.width(shown)))
    }
}
