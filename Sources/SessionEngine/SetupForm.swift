import Foundation
import Journal
import Programme

/// Setting up a delivery: session, group, site, the facilitators and the roster. A group's
/// site, facilitators and roster are carried over from its earlier deliveries.
public struct SetupForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable {
        case session, group, site, facilitator1, role1, facilitator2, role2, participants, start
    }

    public var focus: Field = .session
    public var sessionIndex = 0
    public var group = TextInput(limit: 12)
    public var site = TextInput(limit: 12)
    public var facilitator1 = TextInput(limit: 12)
    public var facilitator2 = TextInput(limit: 12)
    public var role1 = 0
    public var role2 = 1
    public var participants = TextInput(limit: 400)
    public var problem: String?
    public var groups: [String: GroupHistory]
    /// A rehearsal's form: sample codes filled in, fitted to the chosen session's kind.
    public internal(set) var rehearsal: Bool
    private(set) var sessionIDs: [String]
    private(set) var sessionKinds: [Session.Kind]
    private(set) var roleIDs: [String]
    /// The masks the content declares for participant codes (nil: the default shape).
    private(set) var participantCodes: ParticipantCodeShape?

    init(programme: Programme, groups: [String: GroupHistory], rehearsal: Bool = false) {
        self.groups = groups
        self.rehearsal = rehearsal
        sessionIDs = programme.sessions.map(\.id)
        sessionKinds = programme.sessions.map(\.kind)
        roleIDs = programme.roles.map(\.id)
        participantCodes = programme.participantCodes
        role2 = min(1, max(0, roleIDs.count - 1))
        if rehearsal { fitRehearsalSample() }
    }

    /// Takes up a reloaded programme: the same session and roles stay chosen when they still exist.
    mutating func follow(_ programme: Programme) {
        let session = sessionID, first = role1ID, second = role2ID
        sessionIDs = programme.sessions.map(\.id)
        sessionKinds = programme.sessions.map(\.kind)
        roleIDs = programme.roles.map(\.id)
        participantCodes = programme.participantCodes
        sessionIndex = sessionIDs.firstIndex(of: session) ?? min(sessionIndex, max(0, sessionIDs.count - 1))
        role1 = roleIDs.firstIndex(of: first) ?? 0
        role2 = roleIDs.firstIndex(of: second) ?? min(1, max(0, roleIDs.count - 1))
    }

    /// Fills in the rehearsal's sample codes for the chosen session's kind. A field the trainer
    /// has typed into keeps what was typed; one still holding a sample (or empty) takes the sample.
    mutating func fitRehearsalSample() {
        guard rehearsal else { return }
        let sample = RehearsalSample.codes(for: sessionKinds.indices.contains(sessionIndex) ? sessionKinds[sessionIndex] : .group,
                                           shape: participantCodes)
        func fit(_ field: inout TextInput, _ value: String, samples: [String]) {
            if field.text.isEmpty || samples.contains(field.text) { field = TextInput(value, limit: field.limit) }
        }
        fit(&group, sample.group, samples: [RehearsalSample.group])
        fit(&site, sample.site, samples: [RehearsalSample.site])
        fit(&facilitator1, sample.facilitators[0], samples: RehearsalSample.facilitators)
        fit(&facilitator2, sample.facilitators.count > 1 ? sample.facilitators[1] : "", samples: RehearsalSample.facilitators)
        fit(&participants, sample.participants.joined(separator: " "), samples: RehearsalSample.rosters(participantCodes))
    }

    public var role1ID: String { roleIDs.isEmpty ? "" : roleIDs[role1 % roleIDs.count] }
    public var role2ID: String { roleIDs.isEmpty ? "" : roleIDs[role2 % roleIDs.count] }
    public var sessionID: String { sessionIDs.indices.contains(sessionIndex) ? sessionIDs[sessionIndex] : "" }

    public mutating func choose(session id: String) {
        if let index = sessionIDs.firstIndex(of: id) { sessionIndex = index }
        fitRehearsalSample()
    }

    /// Participant codes as typed: separated by spaces or commas, duplicates dropped (p02 after
    /// P02 is the same code: `Code` compares without case).
    public var roster: [String] {
        var seen: [String] = []
        var canonical = Set<String>()
        for code in participants.text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        where canonical.insert(Code.canonical(code)).inserted {
            seen.append(code)
        }
        return seen
    }

    /// When the group is known, fill in what its earlier deliveries used, unless already typed.
    public mutating func carryOver() {
        guard let history = groups[Code.canonical(group.text)] else { return }
        if site.text.isEmpty { site = TextInput(history.site, limit: 12) }
        if facilitator1.text.isEmpty, let first = history.facilitators.first {
            facilitator1 = TextInput(first.code, limit: 12)
            role1 = roleIDs.firstIndex(of: first.role) ?? role1
        }
        if facilitator2.text.isEmpty, history.facilitators.count > 1 {
            facilitator2 = TextInput(history.facilitators[1].code, limit: 12)
            role2 = roleIDs.firstIndex(of: history.facilitators[1].role) ?? role2
        }
        if participants.text.isEmpty { participants = TextInput(history.roster.joined(separator: " "), limit: 400) }
    }

    /// The facilitators as entered, or why they cannot be used.
    func validated(kind: Session.Kind) -> Result<(group: String, site: String, facilitators: [DeliveryOpened.Facilitator], roster: [String]), SetupProblem> {
        if let problem = Privacy.refusal(forCode: group.text, what: "The group code") { return .failure(SetupProblem(field: .group, message: problem)) }
        if let problem = Privacy.refusal(forCode: site.text, what: "The site code") { return .failure(SetupProblem(field: .site, message: problem)) }
        if let problem = Privacy.refusal(forCode: facilitator1.text, what: "The first facilitator's code") {
            return .failure(SetupProblem(field: .facilitator1, message: problem))
        }
        // Codes are stored in their canonical form (`Code`), whatever case they were typed in.
        var facilitators = [DeliveryOpened.Facilitator(code: Code.canonical(facilitator1.text), role: role1ID)]
        if !facilitator2.text.isEmpty {
            if let problem = Privacy.refusal(forCode: facilitator2.text, what: "The second facilitator's code") {
                return .failure(SetupProblem(field: .facilitator2, message: problem))
            }
            if Code.same(facilitator2.text, facilitator1.text) {
                return .failure(SetupProblem(field: .facilitator2, message: "The two facilitators need different codes."))
            }
            facilitators.append(.init(code: Code.canonical(facilitator2.text), role: role2ID))
        } else if kind == .group {
            return .failure(SetupProblem(field: .facilitator2, message: "A group session has two facilitators: enter the second one's code."))
        }
        let roster = self.roster
        for code in roster {
            if let problem = Privacy.refusal(forParticipantCode: code, shape: participantCodes) {
                return .failure(SetupProblem(field: .participants, message: problem))
            }
        }
        if kind == .oneToOne && roster.count != 1 {
            return .failure(SetupProblem(field: .participants, message: "A one-to-one session has exactly one participant code."))
        }
        return .success((Code.canonical(group.text), Code.canonical(site.text), facilitators, roster.map(Code.canonical)))
    }
}

struct SetupProblem: Error {
    var field: SetupForm.Field
    var message: String
}
