import DeliveryFacts
import Foundation
import Journal

/// `iwotch report training`: trainees' rehearsals and their trainers' assessments, read from the
/// rehearsal journals and the assessments beside them (never from live records). Per rehearsal:
/// when, which session and content version, the time against the plan and the items left
/// unrated; per assessment: who assessed, the competence and the decision; per trainee: what they
/// rehearsed and which sessions a trainer has signed them off to deliver (the latest decision on
/// that session is "ready").
public enum TrainingReport {
    public static func make(_ input: ReportInput) -> ReportDocument {
        let rehearsals = input.deliveries.filter { $0.mode == .rehearsal }
        var rehearsalTable = Table(columns: [
            .init("date", "Date"), .init("session", "Session"), .init("trainees", "Trainees"), .init("content_version", "Content"),
            .init("planned_minutes", "Planned", numeric: true), .init("actual_minutes", "Actual", numeric: true),
            .init("unrated", "Unrated", numeric: true), .init("assessments", "Assessed", numeric: true), .init("decision", "Decision"),
            .init("delivery", "Rehearsal"),
        ])
        var assessmentTable = Table(columns: [
            .init("date", "Date"), .init("session", "Session"), .init("trainees", "Trainees"), .init("rater", "Trainer"),
            .init("competence", "Competence", numeric: true), .init("competence_label", "Level"), .init("decision", "Decision"),
            .init("to_practise", "To practise"), .init("delivery", "Rehearsal"),
        ])
        // Per trainee (codes compared without case) and session: rehearsals, and the latest decision.
        struct Trainee { var code: String; var rehearsed: [String: Int] = [:]; var decisions: [String: (Date, SupervisorReview.Decision)] = [:]; var assessed = 0 }
        var trainees: [String: Trainee] = [:]
        for record in rehearsals {
            let codes = record.facilitators.map(\.code)
            let assessments = record.reviews.filter { $0.review.isAssessment }.sorted { $0.at < $1.at }
            let latest = assessments.last?.review.decision
            rehearsalTable.rows.append([
                .text(record.date), .text(record.sessionID), .text(codes.joined(separator: ", ")), .text(record.programmeVersion),
                .integer(record.opened.session.plannedMinutes), .number(record.sessionSeconds / 60), .integer(record.adherence.unratedItems),
                .integer(assessments.count), .text(latest?.words ?? "not assessed"), .text(record.id),
            ])
            for assessment in assessments {
                let review = assessment.review
                assessmentTable.rows.append([
                    .text(DeliveryID.localDate(assessment.at, offsetMinutes: record.openingOffset)), .text(record.sessionID),
                    .text(codes.joined(separator: ", ")), .text(assessment.rater), .integer(review.competence),
                    .text(review.competenceLabel ?? ""), .text(review.decision?.words ?? ""), .text(review.toPractise ?? ""), .text(record.id),
                ])
            }
            for code in codes {
                var trainee = trainees[Code.canonical(code)] ?? Trainee(code: code)
                trainee.rehearsed[record.sessionID, default: 0] += 1
                trainee.assessed += assessments.count
                for assessment in assessments {
                    guard let decision = assessment.review.decision else { continue }
                    if trainee.decisions[record.sessionID].map({ $0.0 <= assessment.at }) ?? true {
                        trainee.decisions[record.sessionID] = (assessment.at, decision)
                    }
                }
                trainees[Code.canonical(code)] = trainee
            }
        }
        var traineeTable = Table(columns: [
            .init("trainee", "Trainee"), .init("rehearsals", "Rehearsals", numeric: true), .init("sessions", "Sessions rehearsed"),
            .init("assessments", "Assessments", numeric: true), .init("signed_off", "Signed off to deliver"), .init("needs_practice", "Needs practice"),
        ])
        for key in trainees.keys.sorted() {
            let trainee = trainees[key]!
            let sessions = trainee.rehearsed.keys.sorted()
            let ready = sessions.filter { trainee.decisions[$0]?.1 == .ready }
            let practice = sessions.filter { trainee.decisions[$0]?.1 == .needsPractice }
            traineeTable.rows.append([
                .text(trainee.code), .integer(trainee.rehearsed.values.reduce(0, +)), .text(sessions.map { "\($0) (\(trainee.rehearsed[$0]!))" }.joined(separator: ", ")),
                .integer(trainee.assessed), .text(ready.isEmpty ? "none" : ready.joined(separator: ", ")),
                .text(practice.isEmpty ? "none" : practice.joined(separator: ", ")),
            ])
        }
        let events = TrainingEvents.sections(input) { code in
            guard let trainee = trainees[Code.canonical(code)] else { return "none (no rehearsal read)" }
            let ready = trainee.rehearsed.keys.sorted().filter { trainee.decisions[$0]?.1 == .ready }
            return ready.isEmpty ? "none" : ready.joined(separator: ", ")
        }
        return ReportDocument(title: "Training: rehearsals, assessments and sign-offs", facts: input.facts(bands: false, extra: [
            .init("Rehearsals", "\(rehearsals.count) rehearsals by \(trainees.count) trainees; \(assessmentTable.rows.count) assessments; rehearsals never count in live reports"),
            .init("Training events", "\(events.count) \(events.count == 1 ? "event" : "events") with \(events.attendance.table.rows.count) trainees"),
        ]), sections: [
            .init(id: "trainees", title: "Trainees",
                  note: "A trainee is signed off to deliver a session when the latest assessment of their rehearsals of it says ready; needs practice when it says so. Codes are compared without case.",
                  table: traineeTable),
            .init(id: "rehearsals", title: "Rehearsals",
                  note: "Actual is the rehearsal's length in minutes, pauses left out; Unrated counts fidelity items left unrated; Decision is the latest assessment's.",
                  table: rehearsalTable),
            .init(id: "assessments", title: "Assessments", note: "Each trainer's assessment, in the order made.", table: assessmentTable),
            events.events, events.attendance,
        ], sources: input.sources)
    }
}
