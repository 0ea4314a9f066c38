import DeliveryFacts
import Journal

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
        var dose: DeliveryOpened.Dose
        /// Dose sessions the group has had so far (delivered to it, whoever attended).
        var held = Set<String>()

        var doseAttended: Int { attended.intersection(dose.sessions).count }
        var status: DoseStatus { DoseStatus(rule: dose, attended: attended, held: held) }
    }

    static func participants(_ input: ReportInput) -> [Participant] {
        var people: [ParticipantKey: Participant] = [:]
        var held: [GroupKey: Set<String>] = [:]
        for record in input.deliveries where record.opened.session.kind == "group" {
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
            .init("not_marked", "Not marked", numeric: true), .init("dose", "Dose"),
        ])
        for person in people {
            table.rows.append([.text(person.site), .text(person.group), .text(person.code), .integer(person.doseAttended),
                               .integer(person.dose.sessions.count), .integer(person.late), .integer(person.leftEarly),
                               .integer(person.absent), .integer(person.unmarked), .text(person.status.rawValue)])
        }
        let perParticipant = ReportDocument.Section(
            id: "participants", title: "Group days per participant",
            note: "A participant is site, group and code (codes compared without case). Days attended counts the dose rule's group days a participant came to (present, late or leaving early); planned is the number of those days. Late and left early count the days a participant arrived late or left early (someone who did both counts in each). Absent counts days marked absent; not marked counts days they were on the roster but never marked, which are neither attended nor absent. Dose: met, not met, or not yet (the group still has enough days to come).",
            table: table)
        return ReportDocument(title: "Attendance and dose", facts: input.facts(extra: [
            .init("Dose rule", rule.map { "at least \($0.minimum) of \($0.sessions.joined(separator: ", ")): \($0.description)" } ?? "none"),
        ]), sections: [perParticipant, groupShares(people), siteShares(people)], sources: input.sources)
    }

    static func groupShares(_ people: [Participant]) -> ReportDocument.Section {
        var table = Table(columns: [.init("site", "Site"), .init("group", "Group"), .init("participants", "Participants", numeric: true),
                                    .init("met", "Dose met", numeric: true), .init("share", "Share reaching dose"),
                                    .init("not_yet", "Not yet", numeric: true)])
        let grouped = Dictionary(grouping: people) { GroupKey(site: $0.site, group: $0.group) }
        for key in grouped.keys.sorted() {
            let (members, met, notYet) = tally(grouped[key]!)
            table.rows.append([.text(key.site), .text(key.group), .integer(members), .integer(met), .text(Format.share(met, of: members)), .integer(notYet)])
        }
        return .init(id: "groups", title: "Dose reached per group",
                     note: "A group is site and group code: the same code at two sites is two groups. The denominator is every participant on the group's rosters, including those who never came.", table: table)
    }

    static func siteShares(_ people: [Participant]) -> ReportDocument.Section {
        var table = Table(columns: [.init("site", "Site"), .init("participants", "Participants", numeric: true),
                                    .init("met", "Dose met", numeric: true), .init("share", "Share reaching dose"),
                                    .init("not_yet", "Not yet", numeric: true)])
        let grouped = Dictionary(grouping: people, by: \.site)
        for site in grouped.keys.sorted() {
            let (members, met, notYet) = tally(grouped[site]!)
            table.rows.append([.text(site), .integer(members), .integer(met), .text(Format.share(met, of: members)), .integer(notYet)])
        }
        return .init(id: "sites", title: "Dose reached per site",
                     note: "The denominator is every participant on the site's rosters, including those who never came.", table: table)
    }

    static func tally(_ members: [Participant]) -> (members: Int, met: Int, notYet: Int) {
        (members.count, members.filter { $0.status == .met }.count, members.filter { $0.status == .notYet }.count)
    }
}
