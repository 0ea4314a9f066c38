import Foundation
import Testing
@testable import Programme

/// The facilitator-training course that ships in Content/iwotch-training: a second programme the
/// console runs with no code that knows it. The counts below are from reading its files by hand.
@Suite struct TrainingCourseTests {
    static let path = Fixtures.repository.appendingPathComponent("Content/iwotch-training").path

    func programme() throws -> Programme {
        let check = ProgrammeLoader.load(path: Self.path)
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map(\.description).joined())")
        return try #require(check.programme)
    }

    @Test func loadsWithTheCountsOfItsFiles() throws {
        let programme = try programme()
        #expect(programme.id == "iwotch-training" && programme.version == "2026.1")
        #expect(programme.roles.map(\.id) == ["lead-trainer", "co-trainer"])
        #expect(programme.roles.map(\.title) == ["Lead trainer", "Co-trainer"])
        #expect(programme.sessions.map(\.id) == ["training-day-1", "training-day-2", "training-day-3"])
        // Each day: arrival 15, two breaks of 15 and lunch 45 (90 minutes) and six activities, 330 in all.
        for day in programme.sessions {
            #expect(day.kind == .group && day.mode == .faceToFace && day.plannedMinutes == 330)
            #expect(day.agenda.count == 10 && day.activities.count == 6, "\(day.id)")
            #expect(day.agenda.filter { $0.kind != .activity }.reduce(0) { $0 + $1.minutes } == 90, "\(day.id)")
        }
        let activities = programme.sessions.flatMap(\.activities)
        #expect(activities.count == 18)
        #expect(activities.allSatisfy { $0.fidelity.count == 3 })
        #expect(activities.flatMap(\.fidelity).count == 54)
        #expect(programme.competenceScale.map(\.score) == [0, 1, 2, 3])
        #expect(programme.dose.sessions == ["training-day-1", "training-day-2", "training-day-3"] && programme.dose.minimum == 3)
        #expect(programme.trains == "i-wotch")
        // Its text is locked as released: a changed word fails content check until the version is raised.
        #expect(programme.release == .released(date: "2026-11-26"))
    }

    /// Both trainers lead something every day, and nobody else does.
    @Test func bothTrainersLeadActivitiesEachDay() throws {
        for day in try programme().sessions {
            let leads = Set(day.activities.flatMap(\.lead))
            #expect(leads == ["lead-trainer", "co-trainer"], "\(day.id)")
        }
    }

    /// No syllabus is published: nothing claims to be, and four activities name what they were
    /// rebuilt from (the model session, group skills, tapering and safety-netting).
    @Test func everyActivityIsOriginalOrReconstructed() throws {
        let activities = try programme().sessions.flatMap(\.activities)
        let reconstructed = activities.filter { $0.source?.kind == .reconstructed }.map(\.id)
        #expect(reconstructed == ["t1-model-session", "t2-group-skills", "t2-tapering", "t2-safety"])
        #expect(activities.filter { $0.source?.kind == .original }.count == 14)
        #expect(activities.allSatisfy { !($0.source?.reference ?? "").isEmpty })
    }

    @Test func coversWhatTheCourseIsFor() throws {
        let titles = try programme().sessions.flatMap(\.activities).map { $0.title.lowercased() }
        for topic in ["model session", "fidelity", "group skills", "tapering", "safety-netting", "console", "practice with feedback"] {
            #expect(titles.contains { $0.contains(topic) }, "\(topic)")
        }
    }
}

/// A session may be placed by `day` (days after the first session) instead of `week`.
@Suite struct DayScheduleTests {
    @Test func theTrainingDaysArePlacedByDay() throws {
        let programme = try #require(ProgrammeLoader.load(path: TrainingCourseTests.path).programme)
        #expect(programme.sessions.map(\.day) == [0, 1, 2])
        #expect(programme.sessions.allSatisfy { $0.week == nil })
        #expect(programme.sessions.map(\.scheduled) == ["the first day", "1 day after the first", "2 days after the first"])
    }

    @Test func aDayIsRangeCheckedAndNeverBesideAWeek() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("sessions/group-1.yaml", "week: 1\nplanned_minutes: 60", with: "day: 366\nplanned_minutes: 60")
        #expect(scratch.load().diagnostics.map(\.message) == ["the day is 366; it must be from 0 to 365"])
        let both = try ScratchProgramme()
        try both.replace("sessions/group-1.yaml", "week: 1\nplanned_minutes: 60", with: "week: 1\nday: 3\nplanned_minutes: 60")
        #expect(both.load().diagnostics.map(\.message) == ["the session has both `week` and `day`; it is scheduled by one of them"])
        let byDay = try ScratchProgramme()
        try byDay.replace("sessions/group-1.yaml", "week: 1\nplanned_minutes: 60", with: "day: 0\nplanned_minutes: 60")
        let loaded = try #require(byDay.load().programme)
        #expect(loaded.sessions[0].day == 0 && loaded.sessions[0].week == nil && loaded.sessions[0].scheduled == "the first day")
    }

    /// A day is part of the text: changing it changes the fingerprint; content without one keeps
    /// the fingerprint it was released with (the bundled I-WOTCH pack's lock still holds).
    @Test func aDayIsFingerprintedOnlyWhenSet() throws {
        let one = try ScratchProgramme(), two = try ScratchProgramme()
        try one.replace("sessions/group-1.yaml", "week: 1\nplanned_minutes: 60", with: "day: 1\nplanned_minutes: 60")
        try two.replace("sessions/group-1.yaml", "week: 1\nplanned_minutes: 60", with: "day: 2\nplanned_minutes: 60")
        #expect(try #require(one.load().programme).fingerprint != (try #require(two.load().programme)).fingerprint)
        let bundled = try #require(ProgrammeLoader.load(path: BundledContentTests.path).programme)
        guard case .released = bundled.release else { Issue.record("the I-WOTCH pack is no longer released: \(bundled.release)"); return }
    }
}
