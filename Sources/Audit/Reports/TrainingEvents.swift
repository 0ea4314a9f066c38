import DeliveryFacts
import Foundation
import Journal

/// Training events for `iwotch report training`: the live deliveries of a facilitator-training
/// course (a programme whose content says which programme it `trains`), grouped by their site and
/// group code. Per event: its dates and sessions; per trainee (a participant of the course): the
/// sessions attended, whether the course's own dose rule is met, and the sessions of the programme
/// they will deliver that a trainer has signed them off for (from rehearsal assessments).
enum TrainingEvents {
    /// `signedOff` gives a trainee code's signed-off sessions, as the trainees table says them.
    static func sections(_ input: ReportInput, signedOff: (String) -> String) -> (events: ReportDocument.Section, attendance: ReportDocument.Section, count: Int) {
        let courses = Set(input.programmes.filter { $0.trains != nil }.map(\.id))
        let live = input.deliveries.filter { $0.mode == .live && courses.contains($0.opened.programme.id) }
        let events = Dictionary(grouping: live) { GroupKey(site: $0.site, group: $0.group) }

        var eventTable = Table(columns: [
            .init("site", "Site"), .init("group", "Group"), .init("programme", "Course"), .init("first_date", "From"), .init("last_date", "To"),
            .init("sessions", "Sessions held"), .init("trainees", "Trainees", numeric: true), .init("completed", "Completed", numeric: true),
        ])
        var traineeTable = Table(columns: [
            .init("site", "Site"), .init("group", "Group"), .init("trainee", "Trainee"), .init("attended", "Attended", numeric: true),
            .init("held", "Held", numeric: true), .init("sessions_attended", "Sessions attended"), .init("course", "Course"),
            .init("signed_off", "Signed off to deliver"),
        ])
        for key in events.keys.sorted() {
            let records = events[key]!.sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) }
            let held = Set(records.map(\.sessionID))
            // The rule of the newest delivery: a rule changed later never re-decides the past.
            let rule = records.last!.opened.dose
            var attended: [String: (code: String, sessions: Set<String>)] = [:]
            for record in records {
                for code in record.roster {
                    let canonical = Code.canonical(code)
                    var entry = attended[canonical] ?? (code, [])
                    if record.attendance[code]?.attended ?? false { entry.sessions.insert(record.sessionID) }
                    attended[canonical] = entry
                }
            }
            var completed = 0
            for canonical in attended.keys.sorted() {
                let trainee = attended[canonical]!
                let status = DoseStatus(rule: rule, attended: trainee.sessions, held: held)
                if status == .met { completed += 1 }
                let ordered = records.map(\.sessionID).filter { trainee.sessions.contains($0) }
                traineeTable.rows.append([
                    .text(records[0].site), .text(records[0].group), .text(trainee.code), .integer(trainee.sessions.count), .integer(held.count),
                    .text(ordered.isEmpty ? "none" : ordered.joined(separator: ", ")),
                    .text(status == .met ? "completed" : status == .notYet ? "not yet" : "not completed"),
                    .text(signedOff(trainee.code)),
                ])
            }
            eventTable.rows.append([
                .text(records[0].site), .text(records[0].group), .text(records[0].opened.programme.id),
                .text(records.map(\.date).min()!), .text(records.map(\.date).max()!),
                .text(records.map(\.sessionID).joined(separator: ", ")), .integer(attended.count), .integer(completed),
            ])
        }
        let eventNote = "A training event is a training course's live deliveries to one group (site and group code); its trainees are their participants. Completed counts trainees who met the course's attendance rule. Courses are the programmes whose content names the programme they train for (trains)."
        let traineeNote = "Attended counts the event's sessions each trainee came to (present, late or left early), of those held. Course says whether the course's attendance rule is met, not yet met, or can no longer be. Signed off to deliver comes from trainers' assessments of the trainee's rehearsals, matched by code without case."
        return (.init(id: "events", title: "Training events", note: eventNote, table: eventTable),
                .init(id: "event_trainees", title: "Trainees at each event", note: traineeNote, table: traineeTable),
                events.count)
    }
}
