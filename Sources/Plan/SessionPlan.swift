import Programme

/// Everything a printed plan for one session shows, gathered once so that the Markdown and HTML
/// pages cannot disagree about a time, a lead or a fidelity item.
public struct SessionPlan: Sendable {
    public let programmeTitle: String
    public let programmeVersion: String
    public let fingerprint: String
    /// The programme's own account of what is published and what is reconstructed.
    public let programmeProvenance: String
    /// One sentence on how much of this session is reconstructed, for the top of the page.
    public let provenanceNote: String
    public let session: Session
    public let fidelityScale: [FidelityLevel]
    public let timetable: Timetable
    /// Role titles leading each agenda item, by item id.
    private let leads: [String: [String]]

    public init(programme: Programme, session: Session, start: ClockTime = .defaultStart) {
        programmeTitle = programme.title
        programmeVersion = programme.version
        fingerprint = programme.fingerprint
        programmeProvenance = programme.provenance
        provenanceNote = ProvenanceNote.sentence(for: session.activities)
        self.session = session
        fidelityScale = programme.fidelityScale
        timetable = Timetable(agenda: session.agenda, start: start)
        var leads: [String: [String]] = [:]
        for item in session.agenda {
            // A role id the programme does not define can only come from content built in code;
            // showing the id beats dropping the lead.
            leads[item.id] = item.lead.map { programme.role($0)?.title ?? $0 }
        }
        self.leads = leads
    }

    /// The titles of the roles leading an item, in the order the content lists them.
    public func leadTitles(of item: Activity) -> [String] { leads[item.id] ?? [] }

    /// Every material across the session's activities, once each, in the order first needed.
    public var materials: [String] {
        var seen: Set<String> = []
        return session.agenda.flatMap(\.materials).filter { seen.insert($0).inserted }
    }

    /// The minutes spent on arrival, breaks and lunch.
    public var pauseMinutes: Int { timetable.totalMinutes - timetable.activityMinutes }
}

/// Words shared by both renderers, so the two pages say the same thing.
enum PlanWording {
    /// "Nurse facilitator and Lay facilitator": two or more roles lead together.
    static func joined(_ titles: [String]) -> String {
        switch titles.count {
        case 0: return ""
        case 1: return titles[0]
        default: return titles.dropLast().joined(separator: ", ") + " and " + titles[titles.count - 1]
        }
    }

    static func kindName(_ kind: Activity.Kind) -> String {
        switch kind {
        case .activity: return "Activity"
        case .arrival: return "Arrival"
        case .break: return "Break"
        case .lunch: return "Lunch"
        }
    }

    static func minutes(_ count: Int) -> String { count == 1 ? "1 minute" : "\(count) minutes" }

    /// "group, face-to-face, week 3"
    static func sessionFacts(_ session: Session) -> String {
        var facts = [session.kind.rawValue, session.mode.rawValue]
        if let scheduled = session.scheduled { facts.append(scheduled) }
        return facts.joined(separator: ", ")
    }

    /// "09:30–15:00, 330 minutes (240 of activities; 90 of arrival, breaks and lunch)"
    static func time(_ plan: SessionPlan) -> String {
        var text = "\(plan.timetable.start)–\(plan.timetable.end), \(minutes(plan.session.plannedMinutes))"
        if plan.pauseMinutes > 0 {
            text += " (\(plan.timetable.activityMinutes) of activities; \(plan.pauseMinutes) of arrival, breaks and lunch)"
        }
        return text
    }

    /// "Fully delivered (2), ..., Not applicable (not scored)"
    static func scale(_ levels: [FidelityLevel]) -> String {
        levels.map { level in "\(level.label) (\(level.score.map(String.init) ?? "not scored"))" }.joined(separator: ", ")
    }
}
