import Foundation
import Journal
import Programme

/// Setting up a delivery: session, group, site, the facilitators and the roster. The facilitator
/// slots are the chosen session's facilitator roles (content, `facilitators:`), one code each. A
/// group's site, facilitators (by role) and roster are carried over from its earlier deliveries;
/// a one-to-one takes no roster from the group, and its group code may be left empty.
public struct SetupForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable, Hashable {
        /// `facilitator(n)`: the code of the session's n-th facilitator role (0-based).
        case session, group, site, facilitator(Int), participants, start
    }

    /// The group a one-to-one is recorded under when no group code is entered: a participant
    /// seen outside any group. Digits keep it from reading as a name or a participant code.
    public static let noGroup = "1TO1"

    public var focus: Field = .session
    public var sessionIndex = 0
    public var group = TextInput(limit: 12)
    public var site = TextInput(limit: 12)
    /// One code per facilitator slot of the chosen session, in the order of `slotRoles`.
    public var facilitators: [TextInput] = []
    public var participants = TextInput(limit: 400)
    public var problem: String?
    public var groups: [String: GroupHistory]
    /// A rehearsal's form: sample codes filled in, fitted to the chosen session's kind.
    public internal(set) var rehearsal: Bool
    private(set) var sessionIDs: [String]
    private(set) var sessionKinds: [Session.Kind]
    private(set) var sessionRoles: [[String]]
    /// The masks the content declares for participant codes (nil: the default shape).
    private(set) var participantCodes: ParticipantCodeShape?

    init(programme: Programme, groups: [String: GroupHistory], rehearsal: Bool = false) {
        self.groups = groups
        self.rehearsal = rehearsal
        sessionIDs = programme.sessions.map(\.id)
        sessionKinds = programme.sessions.map(\.kind)
        sessionRoles = programme.sessions.map(\.facilitators)
        participantCodes = programme.participantCodes
        fitSlots()
        if rehearsal { fitRehearsalSample() }
    }

    /// Takes up a reloaded programme: the same session stays chosen when it still exists, and
    /// codes stay with their roles.
    mutating func follow(_ programme: Programme) {
        let session = sessionID
        sessionIDs = programme.sessions.map(\.id)
        sessionKinds = programme.sessions.map(\.kind)
        sessionRoles = programme.sessions.map(\.facilitators)
        participantCodes = programme.participantCodes
        sessionIndex = sessionIDs.firstIndex(of: session) ?? min(sessionIndex, max(0, sessionIDs.count - 1))
        fitSlots()
    }

    /// The chosen session's facilitator roles, one slot each.
    public private(set) var slotRoles: [String] = []

    /// The form's fields in order, for the chosen session.
    public var fields: [Field] {
        [.session, .group, .site] + slotRoles.indices.map(Field.facilitator) + [.participants, .start]
    }

    public var sessionKind: Session.Kind { sessionKinds.indices.contains(sessionIndex) ? sessionKinds[sessionIndex] : .group }

    /// Fits the slots to the chosen session's roles: a code typed for a role stays with that role.
    mutating func fitSlots() {
        let roles = sessionRoles.indices.contains(sessionIndex) ? sessionRoles[sessionIndex] : []
        var byRole: [String: TextInput] = [:]
        for (role, input) in zip(slotRoles, facilitators) where byRole[role] == nil { byRole[role] = input }
        facilitators = roles.map { byRole[$0] ?? TextInput(limit: 12) }
        slotRoles = roles
        if case .facilitator(let slot) = focus, slot >= roles.count { focus = roles.isEmpty ? .participants : .facilitator(roles.count - 1) }
    }

    /// Chooses the next (or previous) session and fits the slots and samples to it.
    mutating func stepSession(_ step: Int) {
        guard !sessionIDs.isEmpty else { return }
        sessionIndex = (sessionIndex + step + sessionIDs.count) % sessionIDs.count
        fitSlots()
        fitRehearsalSample()
    }

    /// Fills in the rehearsal's sample codes for the chosen session's kind. A field the trainer
    /// has typed into keeps what was typed; one still holding a sample (or empty) takes the sample.
    mutating func fitRehearsalSample() {
        guard rehearsal else { return }
        let sample = RehearsalSample.codes(for: sessionKind, slots: slotRoles.count, shape: participantCodes)
        func fit(_ field: inout TextInput, _ value: String, samples: [String]) {
            if field.text.isEmpty || samples.contains(field.text) { field = TextInput(value, limit: field.limit) }
        }
        fit(&group, sample.group, samples: [RehearsalSample.group])
        fit(&site, sample.site, samples: [RehearsalSample.site])
        for slot in facilitators.indices {
            fit(&facilitators[slot], sample.facilitators[slot], samples: RehearsalSample.facilitatorCodes(max(slot + 1, facilitators.count)))
        }
        fit(&participants, sample.participants.joined(separator: " "), samples: RehearsalSample.rosters(participantCodes))
    }

    public var sessionID: String { sessionIDs.indices.contains(sessionIndex) ? sessionIDs[sessionIndex] : "" }

    public mutating func choose(session id: String) {
        if let index = sessionIDs.firstIndex(of: id) { sessionIndex = index }
        fitSlots()
        fitRehearsalSample()
    }

    /// The text field `field` names (nil for the session choice and the start button).
    public func input(_ field: Field) -> TextInput? {
        switch field {
        case .group: group
        case .site: site
        case .facilitator(let slot): facilitators.indices.contains(slot) ? facilitators[slot] : nil
        case .participants: participants
        case .session, .start: nil
        }
    }

    mutating func setInput(_ field: Field, _ input: TextInput) {
        switch field {
        case .group: group = input
        case .site: site = input
        case .facilitator(let slot) where facilitators.indices.contains(slot): facilitators[slot] = input
        case .participants: participants = input
        default: break
        }
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

    /// When the group is known, fill in what its earlier deliveries used, unless already typed:
    /// the site, each slot's code from the facilitator who held that role, and (for a group
    /// session only) the roster.
    public mutating func carryOver() {
        guard let history = groups[Code.canonical(group.text)] else { return }
        if site.text.isEmpty { site = TextInput(history.site, limit: 12) }
        var used = Set(facilitators.map { Code.canonical($0.text) })
        for (slot, role) in slotRoles.enumerated() where facilitators[slot].text.isEmpty {
            guard let earlier = history.facilitators.first(where: { $0.role == role && !used.contains(Code.canonical($0.code)) }) else { continue }
            facilitators[slot] = TextInput(earlier.code, limit: 12)
            used.insert(Code.canonical(earlier.code))
        }
        if sessionKind == .group, participants.text.isEmpty { participants = TextInput(history.roster.joined(separator: " "), limit: 400) }
    }

    /// The facilitators as entered, or why they cannot be used.
    func validated(session: Session, roleTitle: (String) -> String = { $0 }) -> Result<(group: String, site: String, facilitators: [DeliveryOpened.Facilitator], roster: [String]), SetupProblem> {
        let oneToOne = session.isOneToOne
        // A one-to-one may be recorded without a group: under the placeholder group.
        let groupText = oneToOne && group.text.trimmingCharacters(in: .whitespaces).isEmpty ? Self.noGroup : group.text
        // An empty field is asked for by name, not refused as "not a code".
        if groupText.isEmpty { return .failure(SetupProblem(field: .group, message: "Enter the group's code (for example G03).")) }
        if site.text.isEmpty { return .failure(SetupProblem(field: .site, message: "Enter the site's code (for example S01).")) }
        if let problem = Privacy.refusal(forCode: groupText, what: "The group code") {
            return .failure(SetupProblem(field: .group, message: problem))
        }
        if let problem = Privacy.refusal(forCode: site.text, what: "The site code") { return .failure(SetupProblem(field: .site, message: problem)) }
        // Codes are stored in their canonical form (`Code`), whatever case they were typed in.
        var entered: [DeliveryOpened.Facilitator] = []
        for (slot, role) in slotRoles.enumerated() {
            let text = facilitators[slot].text
            if text.isEmpty {
                return .failure(SetupProblem(field: .facilitator(slot), message: "Enter the code of the \(roleTitle(role)) (for example F01)."))
            }
            let what = slotRoles.count == 1 ? "The facilitator's code" : "The \(Self.ordinal(slot + 1)) facilitator's code"
            if let problem = Privacy.refusal(forCode: text, what: what) {
                return .failure(SetupProblem(field: .facilitator(slot), message: problem))
            }
            if entered.contains(where: { Code.same($0.code, text) }) {
                return .failure(SetupProblem(field: .facilitator(slot), message: slotRoles.count == 2
                    ? "The two facilitators need different codes." : "Each facilitator needs a different code."))
            }
            entered.append(.init(code: Code.canonical(text), role: role))
        }
        let roster = self.roster
        for code in roster {
            if let problem = Privacy.refusal(forParticipantCode: code, shape: participantCodes) {
                return .failure(SetupProblem(field: .participants, message: problem))
            }
        }
        if oneToOne && roster.count != 1 {
            return .failure(SetupProblem(field: .participants, message: "A one-to-one session has exactly one participant code."))
        }
        return .success((Code.canonical(groupText), Code.canonical(site.text), entered, roster.map(Code.canonical)))
    }

    static func ordinal(_ number: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
        return number >= 1 && number <= words.count ? words[number - 1] : "number \(number)"
    }
}

struct SetupProblem: Error {
    var field: SetupForm.Field
    var message: String
}
