import Foundation
@testable import Journal
import Testing
import TestSupport

/// A trainer assesses a trainee's rehearsal with `iwotch review` (a decision, apart from every live
/// record), and `iwotch report training` shows the rehearsals, the assessments and the sign-offs.
@Suite(.serialized) struct TrainingCommandTests {
    static let first = "2026-03-02-REH-day-a-0000000a", second = "2026-03-09-REH-day-a-0000000b"

    /// Two rehearsals of day-a by trainee T1 (with TR2, the trainer as co-facilitator in the second):
    /// the first 20 minutes long against a 20-minute plan with its one item unrated, the second 25.
    static func rehearsals() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-training-\(UUID().uuidString.prefix(8))")
        let folder = JournalDirectory(root: root).folder(for: .rehearsal)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let session = DeliveryOpened.SessionSnapshot(id: "day-a", title: "Day A", kind: "group", mode: "face-to-face", plannedMinutes: 20, agenda: [
            .init(id: "act-1", kind: "activity", title: "Understanding pain", minutes: 20, lead: ["nurse"], fidelity: ["i1"]),
        ])
        for (index, (delivery, minutes)) in [(first, 20.0), (second, 25.0)].enumerated() {
            let opening = DeliveryOpened(
                programme: .init(id: "training", version: "1.0", fingerprint: "sha256:" + String(repeating: "ab", count: 32)),
                session: session, group: "REH", site: "TRN-1", facilitators: [.init(code: "T1", role: "nurse")] + (index == 1 ? [.init(code: "TR2", role: "lay")] : []),
                dose: .init(sessions: ["day-a"], minimum: 1, description: "One day."),
                fidelityScale: [.init(id: "fully", label: "Fully", score: 2), .init(id: "not-delivered", label: "Not delivered", score: 0)],
                bands: .init(high: 80, low: 50))
            let start = Date(timeIntervalSince1970: 1_772_442_000 + Double(index) * 7 * 86_400)
            let (writer, _) = try JournalWriter.create(in: folder, delivery: delivery, mode: .rehearsal, opening: opening, actor: "T1", at: start, utcOffsetMinutes: 0)
            try writer.append(.activityStarted(.init(activity: "act-1")), actor: "T1", at: start, utcOffsetMinutes: 0)
            if index == 1 {
                try writer.append(.fidelityRated(.init(activity: "act-1", item: "i1", level: "fully", deliveredBy: ["nurse"])), actor: "T1",
                                  at: start.addingTimeInterval(600), utcOffsetMinutes: 0)
            }
            try writer.append(.activityEnded(.init(activity: "act-1")), actor: "T1", at: start.addingTimeInterval(minutes * 60), utcOffsetMinutes: 0)
            writer.close()
        }
        return root
    }

    @Test func aTrainerAssessesRehearsalsAndTheReportShowsTheSignOff() throws {
        let root = try Self.rehearsals()
        defer { try? FileManager.default.removeItem(at: root) }
        let sheet = root.appendingPathComponent("sheet.txt")
        try Data("fully i1\n".utf8).write(to: sheet)
        // The fixture's programme is not bundled: the competence scale is I-WOTCH's, named.
        let assess = ["--journal", root.path, "--content", "Content/i-wotch", "--rater", "TR1", "--method", "live", "--competence", "3", "--ratings", sheet.path]
        // A rehearsal needs a decision, and needs-practice needs what to practise.
        let bare = try BuiltBinary.run(["review", Self.first] + assess)
        #expect(bare.status == 2)
        #expect(bare.stderr.hasPrefix("Error: \(Self.first) is a rehearsal: give --decision ready or --decision needs-practice"), "\(bare.stderr)")
        let vague = try BuiltBinary.run(["review", Self.first] + assess + ["--decision", "needs-practice"])
        #expect(vague.status == 2)
        let first = try BuiltBinary.run(["review", Self.first] + assess + ["--decision", "needs-practice", "--practise", "keeping to the timings"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Saved an assessment of rehearsal \(Self.first) (1 items, competence 3, needs more practice) in \(root.path)/assessments/"))
        let second = try BuiltBinary.run(["review", Self.second] + assess + ["--decision", "ready"])
        #expect(second.status == 0, "\(second.stderr)")
        // Nothing live was written: no reviews folder, and the live reports have nothing to read.
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("reviews").path))
        #expect(try BuiltBinary.run(["journal", "check", "--journal", root.path]).status == 0)
        // journal list names each delivery's programme and version, and lists the assessments too.
        let list = try BuiltBinary.run(["journal", "list", "--journal", root.path])
        #expect(list.stdout.hasPrefix("date        group  site   programme     session  mode       state       events  file\n"), "\(list.stdout)")
        #expect(list.stdout.contains("2026-03-02  REH    TRN-1  training 1.0  day-a    rehearsal  open        3       \(Self.first).jsonl"), "\(list.stdout)")
        // The assessments: rehearsal mode, said as such.
        #expect(list.stdout.components(separatedBy: "rehearsal  assessment  1       assessment-").count == 3, "\(list.stdout)")

        let trainees = try BuiltBinary.run(["report", "training", "--journal", root.path, "--format", "csv", "--table", "trainees"])
        #expect(trainees.status == 0, "\(trainees.stderr)")
        // T1 rehearsed day-a twice, both assessed; the latest (the second, ready) signs T1 off.
        // TR2 co-facilitated the second only: one rehearsal, one assessment, ready.
        // CSV lines end with CR LF (RFC 4180).
        #expect(trainees.stdout == [
            "trainee,rehearsals,sessions,assessments,signed_off,needs_practice",
            "T1,2,day-a (2),2,day-a,none",
            "TR2,1,day-a (1),1,day-a,none",
        ].map { $0 + "\r\n" }.joined(), "\(trainees.stdout)")
        let rehearsals = try BuiltBinary.run(["report", "training", "--journal", root.path, "--format", "csv", "--table", "rehearsals"])
        // The first: 20 minutes against 20 planned, i1 unrated; the second: 25 minutes, nothing unrated.
        #expect(rehearsals.stdout.contains("2026-03-02,day-a,T1,1.0,20,20.0,1,1,needs more practice,\(Self.first)"), "\(rehearsals.stdout)")
        #expect(rehearsals.stdout.contains("2026-03-09,day-a,\"T1, TR2\",1.0,20,25.0,0,1,ready to deliver this session,\(Self.second)"), "\(rehearsals.stdout)")
        let assessments = try BuiltBinary.run(["report", "training", "--journal", root.path, "--format", "csv", "--table", "assessments"])
        #expect(assessments.stdout.contains(",day-a,T1,TR1,3,Competent,needs more practice,keeping to the timings,\(Self.first)"), "\(assessments.stdout)")
    }

    /// Three live days of the bundled training course to group TC1 at S01, 2 to 4 March. T1 comes to
    /// all three; T3 to day 1, is absent on day 2 and late on day 3. The course's rule asks for all
    /// three days, so T1 completed it and T3 (2 of 3, none left to come) cannot.
    static func trainingEvent(in root: URL) throws {
        let folder = JournalDirectory(root: root).folder(for: .live)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let marks: [[AttendanceMarked.Status]] = [[.present, .present], [.present, .absent], [.present, .late]]
        for day in 1...3 {
            let session = DeliveryOpened.SessionSnapshot(id: "training-day-\(day)", title: "Training day \(day)", kind: "group",
                                                         mode: "face-to-face", plannedMinutes: 30, agenda: [
                .init(id: "t\(day)-a", kind: "activity", title: "Practice", minutes: 30, lead: ["lead-trainer"], fidelity: ["t\(day)-a-1"]),
            ])
            let opening = DeliveryOpened(
                programme: .init(id: "iwotch-training", version: "2026.1", fingerprint: "sha256:" + String(repeating: "cd", count: 32)),
                session: session, group: "TC1", site: "S01", facilitators: [.init(code: "TR1", role: "lead-trainer")],
                dose: .init(sessions: ["training-day-1", "training-day-2", "training-day-3"], minimum: 3, description: "All three days."),
                fidelityScale: [.init(id: "fully", label: "Fully", score: 2), .init(id: "not-delivered", label: "Not delivered", score: 0)],
                bands: .init(high: 80, low: 50))
            let start = Date(timeIntervalSince1970: 1_772_442_000 + Double(day - 1) * 86_400)
            let (writer, _) = try JournalWriter.create(in: folder, delivery: "2026-03-0\(day + 1)-TC1-training-day-\(day)-0000000\(day)", mode: .live,
                                                       opening: opening, actor: "TR1", at: start, utcOffsetMinutes: 0)
            for (index, code) in ["T1", "T3"].enumerated() {
                try writer.append(.participantEnrolled(.init(participant: code, walkIn: false)), actor: "TR1", at: start, utcOffsetMinutes: 0)
                try writer.append(.attendanceMarked(.init(participant: code, status: marks[day - 1][index])), actor: "TR1", at: start, utcOffsetMinutes: 0)
            }
            writer.close()
        }
    }

    @Test func aTrainingEventShowsEachTraineesAttendanceAndSignOffs() throws {
        let root = try Self.rehearsals()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.trainingEvent(in: root)
        let sheet = root.appendingPathComponent("sheet.txt")
        try Data("fully i1\n".utf8).write(to: sheet)
        let ready = try BuiltBinary.run(["review", Self.second, "--journal", root.path, "--content", "Content/i-wotch", "--rater", "TR1", "--method", "live",
                                         "--competence", "3", "--ratings", sheet.path, "--decision", "ready"])
        #expect(ready.status == 0, "\(ready.stderr)")
        let content = Repository.root.appendingPathComponent("Content/iwotch-training").path
        func table(_ name: String) throws -> String {
            let run = try BuiltBinary.run(["report", "training", "--journal", root.path, "--content", content, "--format", "csv", "--table", name])
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        #expect(try table("events") == [
            "site,group,programme,first_date,last_date,sessions,trainees,completed",
            "S01,TC1,iwotch-training,2026-03-02,2026-03-04,\"training-day-1, training-day-2, training-day-3\",2,1",
        ].map { $0 + "\r\n" }.joined())
        #expect(try table("event_trainees") == [
            "site,group,trainee,attended,held,sessions_attended,course,signed_off",
            "S01,TC1,T1,3,3,\"training-day-1, training-day-2, training-day-3\",completed,day-a",
            "S01,TC1,T3,2,3,\"training-day-1, training-day-3\",not completed,none (no rehearsal read)",
        ].map { $0 + "\r\n" }.joined())
        // The live reports keep to one programme when asked: the course's three days, or none of I-WOTCH's.
        func sessions(_ programme: String) throws -> [Substring] {
            let run = try BuiltBinary.run(["report", "sessions", "--journal", root.path, "--programme", programme, "--format", "csv"])
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: "\r\n").dropFirst().filter { $0.contains("TC1") }
        }
        #expect(try sessions("iwotch-training").count == 3)
        #expect(try sessions("i-wotch").isEmpty)
        // Without the course's content nothing says these deliveries train anyone: no events.
        let mini = Repository.root.appendingPathComponent("Tests/ProgrammeTests/Fixtures/mini").path
        let bare = try BuiltBinary.run(["report", "training", "--journal", root.path, "--content", mini, "--format", "csv", "--table", "events"])
        #expect(bare.stdout == "site,group,programme,first_date,last_date,sessions,trainees,completed\r\n", "\(bare.stdout)")
    }
}
