import Crypto

/// The content fingerprint: SHA-256 over the canonical JSON of the whole programme. Comments, key
/// order and layout in the YAML do not change it; any text or number does. Every journal pins it,
/// so a supervisor knows exactly which words a session followed.
extension Programme {
    public var fingerprint: String {
        let digest = SHA256.hash(data: Array(canonical.text.utf8))
        return "sha256:" + digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The programme as canonical JSON; the field names are those of the YAML files.
    public var canonical: CanonicalJSON {
        var fields: [String: CanonicalJSON] = [
            "id": .string(id), "title": .string(title), "version": .string(version),
            "summary": .string(summary), "provenance": .string(provenance),
            "roles": .array(roles.map { .object(["id": .string($0.id), "title": .string($0.title)]) }),
            "fidelity_scale": .array(fidelityScale.map { level in
                .object(["id": .string(level.id), "label": .string(level.label),
                         "score": level.score.map(CanonicalJSON.integer) ?? .null])
            }),
            "competence_scale": .array(competenceScale.map { .object(["score": .integer($0.score), "label": .string($0.label)]) }),
            "dose": .object(["sessions": .array(dose.sessions.map(CanonicalJSON.string)),
                             "minimum": .integer(dose.minimum), "description": .string(dose.description)]
                            // Only when not the default, so content without it keeps its fingerprint.
                            .merging(dose.counts == .sessions ? [:] : ["counts": .string(dose.counts.rawValue)]) { $1 }),
            "bands": .object(["high": .integer(bands.high), "low": .integer(bands.low)]),
            "warning_minutes": .integer(warningMinutes),
            "sessions": .array(sessions.map(\.canonical)),
        ]
        // Present only when declared, so content without it keeps the fingerprint it always had.
        if let participantCodes { fields["participant_codes"] = .array(participantCodes.masks.map(CanonicalJSON.string)) }
        if let trains { fields["trains"] = .string(trains) }
        return .object(fields)
    }
}

extension Session {
    var canonical: CanonicalJSON {
        var fields: [String: CanonicalJSON] = [
            "id": .string(id), "title": .string(title), "kind": .string(kind.rawValue), "mode": .string(mode.rawValue),
            "week": week.map(CanonicalJSON.integer) ?? .null, "planned_minutes": .integer(plannedMinutes),
            "summary": .string(summary), "agenda": .array(agenda.map(\.canonical)),
        ]
        // Only when set: content scheduled by week keeps the fingerprint it was released with.
        if let day { fields["day"] = .integer(day) }
        // Present only when declared: the default follows from the agenda, already fingerprinted.
        if declaresFacilitators { fields["facilitators"] = .array(facilitators.map(CanonicalJSON.string)) }
        return .object(fields)
    }
}

extension Activity {
    var canonical: CanonicalJSON {
        let strings = { (list: [String]) in CanonicalJSON.array(list.map(CanonicalJSON.string)) }
        return .object([
            "id": .string(id), "kind": .string(kind.rawValue), "title": .string(title), "minutes": .integer(minutes),
            "lead": strings(lead),
            "source": source.map { .object(["kind": .string($0.kind.rawValue), "reference": .string($0.reference)]) } ?? .null,
            "aims": strings(aims), "steps": strings(steps), "key_messages": strings(keyMessages),
            "materials": strings(materials),
            "fidelity": .array(fidelity.map { .object(["id": .string($0.id), "behaviour": .string($0.behaviour)]) }),
        ])
    }
}
