import Foundation
import Programme

/// Naming and opening deliveries.
public enum DeliveryID {
    /// `2026-11-23-G03-SESSION-1a2b3c4d`: readable in a file listing (date, group, session) and
    /// unique (the first eight hex digits of `random`, a fresh random UUID the caller draws).
    public static func make(date: Date, offsetMinutes: Int, group: String, session: String, random: UUID) -> String {
        let random = random.uuidString.lowercased().prefix(8)
        return "\(localDate(date, offsetMinutes: offsetMinutes))-\(group)-\(session)-\(random)"
    }

    /// The local calendar date of a time, as YYYY-MM-DD.
    public static func localDate(_ date: Date, offsetMinutes: Int) -> String {
        String(Timestamp.format(date.addingTimeInterval(Double(offsetMinutes) * 60)).prefix(10))
    }
}

extension DeliveryOpened {
    /// The opening record of a delivery of `session`, pinning the content and rules in force.
    public init(programme: Programme, session: Session, group: String, site: String, facilitators: [Facilitator]) {
        self.init(
            programme: ProgrammeRef(id: programme.id, version: programme.version, fingerprint: programme.fingerprint,
                                    unreleased: programme.release.isReleased ? nil : true),
            session: SessionSnapshot(session),
            group: group, site: site, facilitators: facilitators,
            dose: Dose(sessions: programme.dose.sessions, minimum: programme.dose.minimum, description: programme.dose.description,
                       counts: programme.dose.counts == .sessions ? nil : programme.dose.counts.rawValue),
            fidelityScale: programme.fidelityScale.map { ScaleLevel(id: $0.id, label: $0.label, score: $0.score) },
            bands: Bands(high: programme.bands.high, low: programme.bands.low),
            participantCodes: programme.participantCodes?.masks)
    }

    /// Whether the pinned agenda is the one in `programme` (same ids, kinds, minutes, leads, items).
    public func matches(_ programme: Programme) -> Bool {
        guard let session = programme.session(self.session.id) else { return false }
        // The snapshot alone: a whole opening record would hash the programme for its fingerprint.
        return SessionSnapshot(session) == self.session
    }
}

extension DeliveryOpened.SessionSnapshot {
    /// What an opening record pins of a session.
    init(_ session: Session) {
        self.init(id: session.id, title: session.title, kind: session.kind.rawValue, mode: session.mode.rawValue,
                  plannedMinutes: session.plannedMinutes,
                  agenda: session.agenda.map {
                      DeliveryOpened.AgendaItem(id: $0.id, kind: $0.kind.rawValue, title: $0.title, minutes: $0.minutes, lead: $0.lead,
                                                fidelity: $0.fidelity.map(\.id))
                  })
    }
}

extension DeliveryOpened.SessionSnapshot {
    /// Whether the pinned session is a one-to-one: one participant, no walk-ins, one contact.
    public var isOneToOne: Bool { kind == Session.Kind.oneToOne.rawValue }
}
