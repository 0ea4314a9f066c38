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

    /// Day 1's first eight sessions are published (Table 2); everything else is our reconstruction
    /// and must say so, so trainers never mistake it for the official manual.
    @Test func provenanceIsMarked() throws {
        let programme = try programme()
        let published = programme.sessions.flatMap(\.activities).filter { $0.source?.kind == .published }
        #expect(published.count == 8)
        #expect(published.allSatisfy { $0.id.hasPrefix("d1-") })
        for session in programme.sessions where session.id != "day-1" {
            #expect(session.activities.allSatisfy { $0.source?.kind == .reconstructed }, "\(session.id)")
        }
        #expect(programme.provenance.contains("not the official"))
        #expect(programme.provenance.contains("Reconstructed"))
    }
}
