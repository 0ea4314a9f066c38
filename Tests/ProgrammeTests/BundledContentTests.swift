import Foundation
import Testing
@testable import Programme

/// The I-WOTCH pack that ships in Content/i-wotch.
@Suite struct BundledContentTests {
    static let path = Fixtures.repository.appendingPathComponent("Content/i-wotch").path

    func programme() throws -> Programme {
        let check = ProgrammeLoader.load(path: Self.path)
        #expect(check.diagnostics.isEmpty, "\(check.diagnostics.map(\.description).joined())")
        return try #require(check.programme)
    }

    @Test func loadsWithoutAnyProblem() throws {
        let programme = try programme()
        #expect(programme.id == "i-wotch")
        #expect(programme.roles.map(\.id) == ["nurse", "lay"])
        #expect(programme.fidelityScale.map(\.score) == [2, 1, 0, nil])
        #expect(programme.dose.sessions == ["day-1", "day-2", "day-3"])
    }

    @Test func hasThreeGroupDaysAndFourNurseConsultations() throws {
        let sessions = try programme().sessions
        let group = sessions.filter { $0.kind == .group }
        let individual = sessions.filter { $0.kind == .oneToOne }
        #expect(group.map(\.id) == ["day-1", "day-2", "day-3"])
        #expect(individual.filter { $0.mode == .faceToFace }.count == 2)
        #expect(individual.filter { $0.mode == .telephone }.count == 2)
        for session in individual {
            #expect(session.activities.allSatisfy { $0.lead == ["nurse"] }, "\(session.id) is led by the nurse")
        }
    }

    @Test func groupDaysFillADayWithArrivalBreaksAndLunch() throws {
        for day in try programme().sessions where day.kind == .group {
            #expect((240...420).contains(day.plannedMinutes), "\(day.id): \(day.plannedMinutes) minutes")
            let kinds = day.agenda.map(\.kind)
            #expect(kinds.first == .arrival)
            #expect(kinds.contains(.lunch))
            #expect(kinds.filter { $0 == .break }.count >= 2)
        }
    }

    @Test func everyActivityHasTwoToFiveFidelityItemsAndALead() throws {
        for session in try programme().sessions {
            for activity in session.activities {
                #expect((2...5).contains(activity.fidelity.count), "\(activity.id)")
                #expect(!activity.lead.isEmpty && !activity.aims.isEmpty && !activity.steps.isEmpty && !activity.keyMessages.isEmpty)
            }
        }
    }

    /// Only the titles and aims of Day 1's first eight sessions are published (Table 2), so they are
    /// outlines; everything else is our reconstruction. Nothing in the pack is published in full,
    /// and each must say so, so trainers never mistake it for the official manual.
    @Test func provenanceIsMarked() throws {
        let programme = try programme()
        let activities = programme.sessions.flatMap(\.activities)
        #expect(!activities.contains { $0.source?.kind == .published })
        let outlines = activities.filter { $0.source?.kind == .outline }
        #expect(outlines.map(\.id) == ["d1-introductions", "d1-what-causes-pain", "d1-opioid-education-1", "d1-acceptance",
                                       "d1-attention-control", "d1-drawing", "d1-good-bad-days", "d1-pain-cycle"])
        #expect(activities.filter { $0.source?.kind == .reconstructed }.count == activities.count - 8)
        #expect(programme.provenance.contains("not the official"))
        #expect(programme.provenance.contains("Reconstructed"))
        #expect(programme.provenance.contains("outline"))
    }

    /// The consultations say themselves how their length compares with the trial's support.
    @Test func consultationsSayTheyEndBeforeTheTrialsTwelveMonths() throws {
        for session in try programme().sessions where session.kind == .oneToOne {
            #expect(session.summary.contains("8 to 10 weeks"), "\(session.id)")
            #expect(session.summary.contains("12 months"), "\(session.id)")
        }
    }

    /// Issue 17's safety points, on every group day and not only in the one-to-ones: the
    /// prescriber agrees a change before it starts, tolerance falls after reducing, alcohol and
    /// other sedatives, low mood and self-harm, where to get help, and worries about addiction.
    @Test func everyGroupDayCarriesTheSafetyMessages() throws {
        for day in try programme().sessions where day.kind == .group {
            let text = day.activities.flatMap { $0.steps + $0.keyMessages }.joined(separator: "\n")
            for phrase in ["prescriber", "tolerance", "alcohol", "self-harm", "Samaritans (116 123)", "NHS 111",
                           "999 in an emergency", "addicted to your medicine"] {
                #expect(text.contains(phrase), "\(day.id) lacks \"\(phrase)\"")
            }
        }
    }

    /// The lay facilitator gives no advice about doses, and lived-experience accounts carry a boundary.
    @Test func layLedActivitiesGiveNoDoseAdvice() throws {
        let programme = try programme()
        for activity in programme.sessions.flatMap(\.activities) where activity.lead == ["lay"] {
            let text = (activity.steps + activity.keyMessages).joined(separator: "\n")
            #expect(!text.contains("extra dose"), "\(activity.id)")
        }
        for id in ["d2-withdrawal", "d3-stories"] {
            let activity = try #require(programme.sessions.flatMap(\.activities).first { $0.id == id })
            #expect(activity.steps.map { $0.lowercased() }.contains { $0.contains("never") && $0.contains("doses") && $0.contains("schedule") }, "\(id)")
        }
    }
}
