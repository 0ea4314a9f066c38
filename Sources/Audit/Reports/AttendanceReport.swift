import DeliveryFacts
import Journal
import Programme

/// `iwotch report attendance`: who came to the group days, how often late or leaving early, and
/// who reached the programme's dose, per participant and as shares per group and site. A person
/// is site + group + code (`ParticipantKey`), so equal group codes at two sites stay apart.
public enum AttendanceReport {
    /// One participant of one group, across that group's deliveries.
    struct Participant {
        var site: String
        var group: String
        var code: String
        var attended = Set<String>()
        var late = 0
        var leftEarly = 0
        var absent = 0
        var unmarked = 0
        /// Group days read from a journal that failed the check.
        var failed = 0
        var dose: DeliveryOpened.Dose
        /// Dose sessions the group has had so far (delivered to it, whoever attended).
        var held = Set<String>()
        /// Deliveries of the rule's sessions attended (group days and one-to-ones alike), for a
        /// rule that counts contacts.
        var contacts = 0

        var doseAttended: Int { DoseStatus.counted(rule: dose, attended: attended, contacts: contacts) }
        var status: DoseStatus { DoseStatus(rule: dose, attended: attended, held: held, contacts: contacts) }
        /// What the rule plans: its sessions, or for contacts its minimum.
        var planned: Int { dose.countsContacts ? dose.minimum : dose.sessions.count }
    }

    static func participants(_ input: ReportInput) -> [Participant] {
        var people: [ParticipantKey: Participant] = [:]
        var held: [GroupKey: Set<String>] = [:]
        for record in input.deliveries {
            // A rule that counts contacts counts one-to-ones too: each attended delivery of its sessions.
            if record.opened.dose.countsContacts, record.opened.dose.sessions.contains(record.sessionID) {
                for code in record.roster where record.attendance[code]?.attended == true {
                    let key = ParticipantKey(site: record.site, group: record.group, code: code)
                    var person = people[key] ?? Participant(site: key.site, group: key.group, code: key.code, dose: record.opened.dose)
                    person.contacts += 1
                    people[key] = person
                }
            }
            guard record.opened.session.kind == "group" else { continue }
            held[GroupKey(site: record.site, group: record.group), default: []].insert(record.sessionID)
            for code in record.roster {
                let key = ParticipantKey(site: record.site, group: record.group, code: code)
                // Codes are shown in their canonical form: P02 and p02 are one person, one row.
                var person = people[key] ?? Participant(site: key.site, group: key.group, code: key.code, dose: record.opened.dose)
                // The newest delivery's rule stands: a rule is pinned per delivery, and a later one supersedes.
                person.dose = record.opened.dose
                if let status = record.attendance[code] {
                    if status.attended { person.attended.insert(record.sessionID) } else { person.absent += 1 }
                    if status.arrivedLate { person.late += 1 }
                    if status.leftBeforeEnd { person.leftEarly += 1 }
                } else {
                    person.unmarked += 1
                }
                if input.readFromFailedFile(record) { person.failed += 1 }
                people[key] = person
            }
        }
        return people.map { key, person in
            var person = person
            person.held = held[GroupKey(site: key.site, group: key.group)] ?? []
            return person
        }.sorted { ($0.site, $0.group, $0.code) < ($1.site, $1.group, $1.code) }
    }

    public static func make(_ input: ReportInput) -> ReportDocument {
        let people = participants(input)
        let rule = input.deliveries.last?.opened.dose
        var table = Table(columns: [
            .init("site", "Site"), .init("group", "Group"), .init("participant", "Participant"),
            .init("attended", "Days attended", numeric: true), .init("planned", "Planned", numeric: true),
            .init("late", "Late", numeric: true), .init("left_early", "Left early", numeric: true), .init("absent", "Absent", numeric: true),
            .init("not_marked", "Not marked", numeric: true), .init("dose", "Dose"), .init("failed_check", "From failed files", numeric: true),
        ])
        for person in people {
            table.rows.append([.text(person.site), .text(person.group), .text(person.code), .integer(person.doseAttended),
                               .integer(person.planned), .integer(person.late), .integer(person.leftEarly),
                               .integer(person.absent), .integer(person.unmarked), .text(person.status.rawValue), .integer(person.failed)])
        }
        let perParticipant = ReportDocument.Section(
            id: "participants", title: "Group days per participant",
            note: "A participant is site, group and code (codes compared without case). Days attended counts the dose rule's group days a participant came to (present, late or leaving early); planned is the number of those days. Where the rule counts contacts, days attended counts every delivery of the rule's sessions they came to (group days and one-to-ones alike) and planned is the rule's minimum. Late and left early count the days a participant arrived late or left early (someone who did both counts in each). Absent counts days marked absent; not marked counts days they were on the roster but never marked, which are neither attended nor absent. Dose: met, not met, or not yet (the group still has enough days to come). From failed files counts the group days read from a journal that failed the check. One-to-one and telephone contacts are in the last table.",
            table: table)
        return ReportDocument(title: "Attendance and dose", facts: input.facts(bands: false, extra: [
            .init("Dose rule", rule.map { "at least \($0.minimum) \($0.countsContacts ? "contacts" : "") of \($0.sessions.joined(separator: ", ")): \($0.description)".replacingOccurrences(of: "  ", with: " ") } ?? "none"),
        ]), sections: [perParticipant, groupShares(people), siteShares(people), contacts(input), plannedContacts(input)],
           sources: input.sources)
    }

    /// Sessions that are not group days (one-to-one calls and visits, in person or by telephone):
    /// they count toward no dose rule of group days, but they are contacts, and a participant's
    /// contacts are reported here, one row per participant and session.
    static func contacts(_ input: ReportInput) -> ReportDocument.Section {
        struct Tally { var kind = "", mode = "", offered = 0, failed = 0, outcomes: [ContactOutcome: Int] = [:] }
        var tallies: [ParticipantKey: [String: Tally]] = [:]
        for record in input.deliveries where record.opened.session.isOneToOne {
            for code in record.roster {
                let key = ParticipantKey(site: record.site, group: record.group, code: code)
                var tally = tallies[key]?[record.sessionID] ?? Tally(kind: record.opened.session.kind, mode: record.opened.session.mode)
                tally.offered += 1
                tally.outcomes[record.contactOutcome(of: code), default: 0] += 1
                if input.readFromFailedFile(record) { tally.failed += 1 }
                tallies[key, default: [:]][record.sessionID] = tally
            }
        }
        var table = Table(columns: [
            .init("site", "Site"), .init("group", "Group"), .init("participant", "Participant"), .init("session", "Session"),
            .init("kind", "Kind"), .init("mode", "Mode"), .init("contacts", "Contacts", numeric: true),
            .init("attended", "Attended", numeric: true), .init("did_not_attend", "Did not attend", numeric: true),
            .init("not_answered", "Not answered", numeric: true), .init("rearranged", "Rearranged", numeric: true),
            .init("not_marked", "Not marked", numeric: true), .init("failed_check", "From failed files", numeric: true),
        ])
        for key in tallies.keys.sorted() {
            for (session, tally) in tallies[key]!.sorted(by: { $0.key < $1.key }) {
                table.rows.append([.text(key.site), .text(key.group), .text(key.code), .text(session), .text(tally.kind), .text(tally.mode),
                                   .integer(tally.offered)] + ContactOutcome.allCases.map { .integer(tally.outcomes[$0] ?? 0) }
                                   + [.integer(tally.failed)])
            }
        }
        return .init(id: "contacts", title: "Other contacts per participant",
                     note: "Deliveries of sessions that are not group days (one-to-one, in person or by telephone), per participant and session: contacts is how many such deliveries had them on the roster; each contact is attended (present, late or leaving early), did not attend, not answered, rearranged, or not marked. They count toward no group-day dose rule. From failed files counts contacts read from a journal that failed the check.",
                     table: table)
    }

    /// Each participant's one-to-one contacts against the plan: the programme's one-to-one
    /// sessions (its content, as loaded), each planned once per participant, and which of them
    /// they attended. Everyone on any roster of the programme is planned its contacts.
    static func plannedContacts(_ input: ReportInput) -> ReportDocument.Section {
        struct Person { var programme: Programme?; var attended: Set<String> = [] }
        var people: [ParticipantKey: Person] = [:]
        for record in input.deliveries {
            let programme = input.programme(of: record)
            for code in record.roster {
                let key = ParticipantKey(site: record.site, group: record.group, code: code)
                var person = people[key] ?? Person(programme: programme)
                if person.programme == nil { person.programme = programme }
                if record.opened.session.isOneToOne, record.contactOutcome(of: code) == .attended { person.attended.insert(record.sessionID) }
                people[key] = person
            }
        }
        var table = Table(columns: [
            .init("site", "Site"), .init("group", "Group"), .init("participant", "Participant"),
            .init("planned", "Planned", numeric: true), .init("attended", "Attended", numeric: true), .init("still_to_attend", "Not yet attended"),
        ])
        for key in people.keys.sorted() {
            guard let programme = people[key]!.programme else { continue }
            let planned = programme.sessions.filter(\.isOneToOne).map(\.id)
            guard !planned.isEmpty else { continue }
            let attended = planned.filter(people[key]!.attended.contains)
            let missing = planned.filter { !attended.contains($0) }
            table.rows.append([.text(key.site), .text(key.group), .text(key.code), .integer(planned.count), .integer(attended.count),
                               .text(missing.isEmpty ? "–" : missing.joined(separator: ", "))])
        }
        return .init(id: "plan", title: "One-to-one contacts against the plan",
                     note: "Each one-to-one session of the programme (in person, by telephone or by video) is planned once for everyone on a roster of that programme's deliveries. Attended counts the planned sessions they attended at least once (present, late or leaving early); not yet attended names the rest, in the programme's order. The plan is read from the programme's content as loaded (the delivery's own version when present): participants whose programme is not loaded, or has no one-to-one sessions, are not listed.",
                     table: table)
    }

    static func groupShares(_ people: [Participant]) -> ReportDocument.Section {
        var table = Table(columns: [.init("site", "Site"), .init("group", "Group"), .init("participants", "Participants", numeric: true),
                                    .init("met", "Dose met", numeric: true), .init("share", "Share reaching dose", numeric: true),
                                    .init("not_yet", "Not yet", numeric: true)])
        let grouped = Dictionary(grouping: people) { GroupKey(site: $0.site, group: $0.group) }
        for key in grouped.keys.sorted() {
            let (members, met, notYet) = tally(grouped[key]!)
            table.rows.append([.text(key.site), .text(key.group), .integer(members), .integer(met), share(met, of: members), .integer(notYet)])
        }
        return .init(id: "groups", title: "Dose reached per group",
                     note: "A group is site and group code: the same code at two sites is two groups. Share is dose met over participants: the denominator is every participant on the group's rosters, including those who never came.", table: table)
    }

    static func siteShares(_ people: [Participant]) -> ReportDocument.Section {
        var table = Table(columns: [.init("site", "Site"), .init("participants", "Participants", numeric: true),
                                    .init("met", "Dose met", numeric: true), .init("share", "Share reaching dose", numeric: true),
                                    .init("not_yet", "Not yet", numeric: true)])
        let grouped = Dictionary(grouping: people, by: \.site)
        for site in grouped.keys.sorted() {
            let (members, met, notYet) = tally(grouped[site]!)
            table.rows.append([.text(site), .integer(members), .integer(met), share(met, of: members), .integer(notYet)])
        }
        return .init(id: "sites", title: "Dose reached per site",
                     note: "Share is dose met over participants: the denominator is every participant on the site's rosters, including those who never came.", table: table)
    }

    /// Dose met over participants as a percentage; its count and denominator are columns beside it.
    static func share(_ met: Int, of members: Int) -> Cell {
        .percent(members > 0 ? Double(met) * 100 / Double(members) : nil, bands: nil)
    }

    static func tally(_ members: [Participant]) -> (members: Int, met: Int, notYet: Int) {
        (members.count, members.filter { $0.status == .met }.count, members.filter { $0.status == .notYet }.count)
    }
}
