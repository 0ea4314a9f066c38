import Journal

/// `iwotch report attendance`: who came to the group days, how often late or leaving early, and
/// who reached the programme's dose, per participant and as shares per group and site.
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
        var dose: DeliveryOpened.Dose
        /// Dose sessions the group has had so far (delivered to it, whoever attended).
        var held = Set<String>()

        var doseAttended: Int { attended.intersection(dose.sessions).count }
        var status: String {
            if doseAttended >= dose.minimum { return "met" }
            let remaining = Set(dose.sessions).subtracting(held).count
            return doseAttended + remaining >= dose.minimum ? "not yet" : "not met"
        }
    }

    static func participants(_ input: ReportInput) -> [Participant] {
        var people: [String: Participant] = [:]
        var held: [String: Set<String>] = [:]
        for record in input.deliveries where record.opened.session.kind == "group" {
            held[record.group, default: []].insert(record.sessionID)
            for code in record.roster {
                let key = record.group + "\u{0}" + code
                var person = people[key] ?? Participant(site: record.site, group: record.group, code: code, dose: record.opened.dose)
                // The newest delivery's rule and site stand: a rule is pinned per delivery, and a later one supersedes.
                person.dose = record.opened.dose
                person.site = record.site
                switch record.attendance[code] {
                case .present?: person.attended.insert(record.sessionID)
                case .late?: person.attended.insert(record.sessionID); person.late += 1
                case .leftEarly?: person.attended.insert(record.sessionID); person.leftEarly += 1
                case .lateAndLeftEarly?: person.attended.insert(record.sessionID); person.late += 1; person.leftEarly += 1
                case .absent?, nil: person.absent += 1
                }
                people[key] = person
            }
        }
        return people.values.map { person in
            var person = person
            person.held = held[person.group] ?? []
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
            .init("dose", "Dose"),
        ])
        for person in people {
            table.rows.append([.text(person.site), .text(person.group), .text(person.code), .integer(person.doseAttended),
                               .integer(person.dose.sessions.count), .integer(person.late), .integer(person.leftEarly),
                               .integer(person.absent), .text(person.status)])
        }
        let perParticipant = ReportDocument.Section(
            id: "participants", title: "Group days per participant",
            note: "Days attended counts the dose rule's group days a participant came to (present, late or leaving early); planned is the number of those days. Dose: met, not met, or not yet (the group still has enough days to come).",
            table: table)
        return ReportDocument(title: "Attendance and dose", facts: input.facts(extra: [
            .init("Dose rule", rule.map { "at least \($0.minimum) of \($0.sessions.joined(separator: ", ")): \($0.description)" } ?? "none"),
        ]), sections: [perParticipant, shares(people, id: "groups", title: "Dose reached per group", key: "group", heading: "Group") { $0.group },
                       shares(people, id: "sites", title: "Dose reached per site", key: "site", heading: "Site") { $0.site }],
           sources: input.sources)
    }

    static func shares(_ people: [Participant], id: String, title: String, key: String, heading: String,
                       by: (Participant) -> String) -> ReportDocument.Section {
        var table = Table(columns: [.init(key, heading), .init("participants", "Participants", numeric: true),
                                    .init("met", "Dose met", numeric: true), .init("share", "Share reaching dose"),
                                    .init("not_yet", "Not yet", numeric: true)])
        let grouped = Dictionary(grouping: people, by: by)
        for name in grouped.keys.sorted() {
            let members = grouped[name]!
            let met = members.filter { $0.status == "met" }.count
            table.rows.append([.text(name), .integer(members.count), .integer(met), .text(Format.share(met, of: members.count)),
                               .integer(members.filter { $0.status == "not yet" }.count)])
        }
        return .init(id: id, title: title,
                     note: "The denominator is every participant on the \(key)'s rosters, including those who never came.", table: table)
    }
}
