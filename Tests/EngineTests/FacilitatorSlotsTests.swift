import Foundation
import Testing
@testable import Journal
import Programme
@testable import SessionEngine

/// The set-up form has one code per facilitator slot of the chosen session (its content's
/// `facilitators:`), and the delivery opens and closes with exactly those facilitators.
@Suite struct FacilitatorSlotsTests {
    static func programme(_ name: String) throws -> Programme {
        try #require(ProgrammeLoader.load(path: Fixture.repository.appendingPathComponent("Tests/ProgrammeTests/Fixtures/\(name)").path).programme)
    }

    /// The codes that signed the close, from the journal (nil: not closed).
    static func signoffs(_ driver: Driver) throws -> [String]? {
        try driver.events().compactMap { if case .deliveryClosed(let data) = $0.body { data } else { nil } }.first?.signoffs.map(\.code)
    }

    @Test func aOneFacilitatorProgrammeSetsUpDeliversAndClosesWithOneSignOff() throws {
        let driver = try Driver(programme: try Self.programme("solo"))
        defer { driver.cleanUp() }
        driver.press(.enter)                                   // Run a live session
        #expect(driver.state.setup.fields == [.session, .group, .site, .facilitator(0), .participants, .start])
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("C01"); driver.press(.tab)                 // the coach
        driver.type("P01 P02"); driver.press(.tab, .enter)
        #expect(driver.delivery?.opened?.facilitators == [.init(code: "C01", role: "coach")])
        driver.press(.character("c"))
        driver.press(.enter)                                   // not yet: the coach has not signed off
        #expect(driver.delivery?.isClosed == false)
        driver.press(.character("1"), .enter)
        #expect(try Self.signoffs(driver) == ["C01"])
    }

    @Test func aThreeFacilitatorSessionTakesThreeCodesInRoleOrder() throws {
        let driver = try Driver(programme: try Self.programme("trio"))
        defer { driver.cleanUp() }
        driver.press(.enter)
        #expect(driver.state.setup.slotRoles == ["physio", "psych", "peer"])
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("F01"); driver.press(.tab)
        driver.type("F02"); driver.press(.tab)
        driver.type("f01"); driver.press(.tab)                 // the same code as the physiotherapist's
        driver.type("P01"); driver.press(.tab, .enter)
        #expect(driver.state.setup.problem == "Each facilitator needs a different code.")
        #expect(driver.state.setup.focus == .facilitator(2))
        driver.press(.control("u")); driver.type("F03"); driver.press(.tab, .tab, .enter)
        #expect(driver.delivery?.opened?.facilitators == [.init(code: "F01", role: "physio"), .init(code: "F02", role: "psych"),
                                                          .init(code: "F03", role: "peer")])
        driver.press(.character("c"), .character("1"), .character("2"), .enter)
        #expect(driver.delivery?.isClosed == false, "three sign off")
        driver.press(.character("3"), .enter)
        #expect(try Self.signoffs(driver) == ["F01", "F02", "F03"])
    }

    @Test func carryOverFillsEachSlotFromTheFacilitatorWhoHeldItsRole() throws {
        let driver = try Driver(programme: try Self.programme("trio"))
        defer { driver.cleanUp() }
        driver.press(.enter)
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("F01"); driver.press(.tab); driver.type("F02"); driver.press(.tab); driver.type("F03"); driver.press(.tab)
        driver.type("P01 P02"); driver.press(.tab, .enter)
        driver.press(.character("q"), .character("y"))
        driver.restart()
        driver.press(.down, .enter)                            // Run (below the delivery to resume)
        driver.press(.right)                                   // the telephone check-in: the psychologist only
        #expect(driver.state.setup.slotRoles == ["psych"])
        driver.press(.tab); driver.type("g01"); driver.press(.tab)
        #expect(driver.state.setup.site.text == "S01")
        #expect(driver.state.setup.facilitators.map(\.text) == ["F02"])
        #expect(driver.state.setup.participants.text.isEmpty, "a one-to-one takes no group roster")
        driver.press(.left, .left, .left)                      // back up to the session: group day A again
        driver.press(.up, .up, .right)
        #expect(driver.state.setup.slotRoles == ["physio", "psych", "peer"])
        // The psychologist's code stays with the role; the others come back from the group.
        driver.press(.tab, .tab)
        #expect(driver.state.setup.facilitators.map(\.text) == ["F01", "F02", "F03"])
        #expect(driver.state.setup.roster == ["P01", "P02"])
    }

    @Test func aOneToOneMayLeaveTheGroupEmptyAndIsRecordedUnderTheNoGroupCode() throws {
        let driver = try Driver(programme: try Self.programme("trio"))
        defer { driver.cleanUp() }
        driver.press(.enter, .right)                           // the check-in
        driver.press(.tab, .tab); driver.type("S01"); driver.press(.tab)
        driver.type("F02"); driver.press(.tab)
        driver.type("P01 P02"); driver.press(.tab, .enter)
        #expect(driver.state.setup.problem == "A one-to-one session has exactly one participant code.")
        driver.press(.control("u")); driver.type("P01"); driver.press(.tab, .enter)
        #expect(driver.delivery?.opened?.group == "1TO1")
        #expect(driver.delivery?.opened?.facilitators == [.init(code: "F02", role: "psych")])
        #expect(driver.journalURL?.lastPathComponent.contains("-1TO1-check-in-") == true)
    }
}

extension FacilitatorSlotsTests {
    /// With three facilitators, b steps through each role, then all three together.
    @Test func threeFacilitatorsCanDeliverAnItemTogether() throws {
        let driver = try Driver(programme: try Self.programme("trio"))
        defer { driver.cleanUp() }
        driver.press(.enter, .tab); driver.type("G01"); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("F01"); driver.press(.tab); driver.type("F02"); driver.press(.tab); driver.type("F03"); driver.press(.tab)
        driver.type("P01"); driver.press(.tab, .enter)
        driver.press(.character("f"), .character("2"))            // the peer's story, fully: by its lead, the peer
        #expect(driver.delivery?.ratings["da-story-1"]?.deliveredBy == ["peer"])
        driver.press(.up, .character("b"))                         // after peer: all three
        #expect(driver.delivery?.ratings["da-story-1"]?.deliveredBy == ["physio", "psych", "peer"])
        #expect(driver.frame().plainText.contains("by all 3"))
        driver.press(.character("b"))                              // and round to the first role
        #expect(driver.delivery?.ratings["da-story-1"]?.deliveredBy == ["physio"])
    }
}
