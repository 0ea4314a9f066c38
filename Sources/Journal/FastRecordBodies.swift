import Foundation

/// The larger bodies for `FastLineDecoder`: the opening and closing records and a supervisor's
/// review, with the keys their Codable conformances declare: each body's `CodingKeys`, in their
/// order, which a reader's member indices follow.
private extension KeyNames {
    static let opened = KeyNames(DeliveryOpened.CodingKeys.self)
    static let programme = KeyNames(DeliveryOpened.ProgrammeRef.CodingKeys.self)
    static let session = KeyNames(DeliveryOpened.SessionSnapshot.CodingKeys.self)
    static let agendaItem = KeyNames(DeliveryOpened.AgendaItem.CodingKeys.self)
    static let facilitator = KeyNames(DeliveryOpened.Facilitator.CodingKeys.self)
    static let dose = KeyNames(DeliveryOpened.Dose.CodingKeys.self)
    static let scaleLevel = KeyNames(DeliveryOpened.ScaleLevel.CodingKeys.self)
    static let bands = KeyNames(DeliveryOpened.Bands.CodingKeys.self)
    static let closed = KeyNames(DeliveryClosed.CodingKeys.self)
    static let summary = KeyNames(DeliveryClosed.Summary.CodingKeys.self)
    static let signoff = KeyNames(DeliveryClosed.Signoff.CodingKeys.self)
    static let review = KeyNames(SupervisorReview.CodingKeys.self)
    static let competenceLevel = KeyNames(SupervisorReview.CompetenceLevel.CodingKeys.self)
    static let rating = KeyNames(SupervisorReview.Rating.CodingKeys.self)
}

private let methods = RawValues<SupervisorReview.Method>()
private let decisions = RawValues<SupervisorReview.Decision>()

extension JSONBytes {
    /// An array of objects, each read by `read`.
    mutating func array<T>(of read: (inout JSONBytes) -> T?) -> [T]? {
        var values: [T] = []
        guard elements({ json in
            guard let value = read(&json) else { return false }
            values.append(value)
            return true
        }) else { return nil }
        return values
    }

    mutating func deliveryOpened() -> DeliveryOpened? {
        var programme: DeliveryOpened.ProgrammeRef?, session: DeliveryOpened.SessionSnapshot?, group: String?, site: String?
        var facilitators: [DeliveryOpened.Facilitator]?, dose: DeliveryOpened.Dose?, scale: [DeliveryOpened.ScaleLevel]?
        var bands: DeliveryOpened.Bands?, participantCodes: [String]?
        guard members(.opened, { json, index in
            switch index {
            case 0: programme = PinnedParts.programmes.read(&json) { $0.programmeRef() }; return programme != nil
            case 1: session = PinnedParts.sessions.read(&json) { $0.sessionSnapshot() }; return session != nil
            case 2: group = json.string(); return group != nil
            case 3: site = json.string(); return site != nil
            case 4: facilitators = json.array { $0.facilitator() }; return facilitators != nil
            case 5: dose = PinnedParts.doses.read(&json) { $0.dose() }; return dose != nil
            case 6: scale = PinnedParts.scales.read(&json) { $0.array { $0.scaleLevel() } }; return scale != nil
            case 7: bands = json.bands(); return bands != nil
            default: participantCodes = json.strings(); return participantCodes != nil
            }
        }), let programme, let session, let group, let site, let facilitators, let dose, let scale, let bands else { return nil }
        return DeliveryOpened(programme: programme, session: session, group: group, site: site, facilitators: facilitators,
                              dose: dose, fidelityScale: scale, bands: bands, participantCodes: participantCodes)
    }

    mutating func programmeRef() -> DeliveryOpened.ProgrammeRef? {
        var id: String?, version: String?, fingerprint: String?, unreleased: Bool?
        guard members(.programme, { json, index in
            switch index {
            case 0: id = json.string(); return id != nil
            case 1: version = json.string(); return version != nil
            case 2: fingerprint = json.string(); return fingerprint != nil
            default: unreleased = json.bool(); return unreleased != nil
            }
        }), let id, let version, let fingerprint else { return nil }
        return DeliveryOpened.ProgrammeRef(id: id, version: version, fingerprint: fingerprint, unreleased: unreleased)
    }

    mutating func sessionSnapshot() -> DeliveryOpened.SessionSnapshot? {
        var id: String?, title: String?, kind: String?, mode: String?, planned: Int?, agenda: [DeliveryOpened.AgendaItem]?
        guard members(.session, { json, index in
            switch index {
            case 0: id = json.string(); return id != nil
            case 1: title = json.string(); return title != nil
            case 2: kind = json.string(); return kind != nil
            case 3: mode = json.string(); return mode != nil
            case 4: planned = json.int(); return planned != nil
            default: agenda = json.array { $0.agendaItem() }; return agenda != nil
            }
        }), let id, let title, let kind, let mode, let planned, let agenda else { return nil }
        return DeliveryOpened.SessionSnapshot(id: id, title: title, kind: kind, mode: mode, plannedMinutes: planned, agenda: agenda)
    }

    mutating func agendaItem() -> DeliveryOpened.AgendaItem? {
        var id: String?, kind: String?, title: String?, minutes: Int?, lead: [String]?, fidelity: [String]?
        guard members(.agendaItem, { json, index in
            switch index {
            case 0: id = json.string(); return id != nil
            case 1: kind = json.string(); return kind != nil
            case 2: title = json.string(); return title != nil
            case 3: minutes = json.int(); return minutes != nil
            case 4: lead = json.strings(); return lead != nil
            default: fidelity = json.strings(); return fidelity != nil
            }
        }), let id, let kind, let title, let minutes, let lead, let fidelity else { return nil }
        return DeliveryOpened.AgendaItem(id: id, kind: kind, title: title, minutes: minutes, lead: lead, fidelity: fidelity)
    }

    mutating func facilitator() -> DeliveryOpened.Facilitator? {
        var code: String?, role: String?
        guard members(.facilitator, { json, index in
            switch index {
            case 0: code = json.string(); return code != nil
            default: role = json.string(); return role != nil
            }
        }), let code, let role else { return nil }
        return DeliveryOpened.Facilitator(code: code, role: role)
    }

    mutating func dose() -> DeliveryOpened.Dose? {
        var sessions: [String]?, minimum: Int?, description: String?, counts: String?
        guard members(.dose, { json, index in
            switch index {
            case 0: sessions = json.strings(); return sessions != nil
            case 1: minimum = json.int(); return minimum != nil
            case 2: description = json.string(); return description != nil
            default: guard let value = json.optional({ $0.string() }) else { return false }; counts = value; return true
            }
        }), let sessions, let minimum, let description else { return nil }
        return DeliveryOpened.Dose(sessions: sessions, minimum: minimum, description: description, counts: counts)
    }

    mutating func scaleLevel() -> DeliveryOpened.ScaleLevel? {
        var id: String?, label: String?, score: Int?
        guard members(.scaleLevel, { json, index in
            switch index {
            case 0: id = json.string(); return id != nil
            case 1: label = json.string(); return label != nil
            default: guard let value = json.optional({ $0.int() }) else { return false }; score = value; return true
            }
        }), let id, let label else { return nil }
        return DeliveryOpened.ScaleLevel(id: id, label: label, score: score)
    }

    mutating func bands() -> DeliveryOpened.Bands? {
        var high: Int?, low: Int?
        guard members(.bands, { json, index in
            switch index {
            case 0: high = json.int(); return high != nil
            default: low = json.int(); return low != nil
            }
        }), let high, let low else { return nil }
        return DeliveryOpened.Bands(high: high, low: low)
    }

    mutating func deliveryClosed() -> DeliveryClosed? {
        var summary: DeliveryClosed.Summary?, signoffs: [DeliveryClosed.Signoff]?
        guard members(.closed, { json, index in
            switch index {
            case 0: summary = json.summary(); return summary != nil
            default: signoffs = json.array { $0.signoff() }; return signoffs != nil
            }
        }), let summary, let signoffs else { return nil }
        return DeliveryClosed(summary: summary, signoffs: signoffs)
    }

    mutating func summary() -> DeliveryClosed.Summary? {
        var counts = [Int?](repeating: nil, count: KeyNames.summary.count)
        guard members(.summary, { json, index in
            counts[index] = json.int()
            return counts[index] != nil
        }) else { return nil }
        let found = counts.compactMap { $0 }
        guard found.count == 8 else { return nil }
        return DeliveryClosed.Summary(participants: found[0], present: found[1], late: found[2], leftEarly: found[3], absent: found[4],
                                      activitiesDelivered: found[5], itemsRated: found[6], itemsUnrated: found[7])
    }

    mutating func signoff() -> DeliveryClosed.Signoff? {
        var code: String?, role: String?, at: Date?, meaning: String?
        guard members(.signoff, { json, index in
            switch index {
            case 0: code = json.string(); return code != nil
            case 1: role = json.string(); return role != nil
            case 2: at = json.date(); return at != nil
            default: meaning = json.string(); return meaning != nil
            }
        }), let code, let role, let at, let meaning else { return nil }
        return DeliveryClosed.Signoff(code: code, role: role, at: at, meaning: meaning)
    }

    mutating func supervisorReview() -> SupervisorReview? {
        var method: SupervisorReview.Method?, competence: Int?, scale: [SupervisorReview.CompetenceLevel]?
        var ratings: [SupervisorReview.Rating]?, comment: String?, decision: SupervisorReview.Decision?, toPractise: String?
        guard members(.review, { json, index in
            switch index {
            case 0: method = json.value(of: methods); return method != nil
            case 1: competence = json.int(); return competence != nil
            case 2: scale = json.array { $0.competenceLevel() }; return scale != nil
            case 3: ratings = json.array { $0.rating() }; return ratings != nil
            case 4: guard let value = json.optional({ $0.string() }) else { return false }; comment = value; return true
            case 5: guard let value = json.optional({ $0.value(of: decisions) }) else { return false }; decision = value; return true
            default: guard let value = json.optional({ $0.string() }) else { return false }; toPractise = value; return true
            }
        }), let method, let competence, let scale, let ratings else { return nil }
        return SupervisorReview(method: method, competence: competence, competenceScale: scale, ratings: ratings, comment: comment,
                                decision: decision, toPractise: toPractise)
    }

    mutating func competenceLevel() -> SupervisorReview.CompetenceLevel? {
        var score: Int?, label: String?
        guard members(.competenceLevel, { json, index in
            switch index {
            case 0: score = json.int(); return score != nil
            default: label = json.string(); return label != nil
            }
        }), let score, let label else { return nil }
        return SupervisorReview.CompetenceLevel(score: score, label: label)
    }

    mutating func rating() -> SupervisorReview.Rating? {
        var activity: String?, item: String?, level: String?
        guard members(.rating, { json, index in
            switch index {
            case 0: activity = json.string(); return activity != nil
            case 1: item = json.string(); return item != nil
            default: level = json.string(); return level != nil
            }
        }), let activity, let item, let level else { return nil }
        return SupervisorReview.Rating(activity: activity, item: item, level: level)
    }
}
