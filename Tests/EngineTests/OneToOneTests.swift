import Foundation
import Testing
@testable import Journal
import Programme
@testable import SessionEngine
import Views

/// A one-to-one (the mini programme's telephone call, led by the nurse alone): one participant,
/// no walk-ins, the call's own facilitator only, no group roster, and its outcome in the singular.
@Suite struct OneToOneTests {
    static func marks(_ driver: Driver) throws -> [AttendanceMarked] {
        try driver.events().compactMap { if case .attendanceMarked(let data) = $0.body { data } else { nil } }
    }

    @Test func theSetUpAsksForTheNurseAloneAndOneParticipant() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.press(.enter, .right)
        #expect(driver.state.setup.sessionID == "call-1")
        #expect(driver.state.setup.fields == [.session, .group, .site, .facilitator(0), .participants, .start])
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        driver.type("S01"); driver.press(.tab)
        driver.type("N01"); driver.press(.tab)
        driver.type("P01")
        expectGolden(driver.frame(), "setup-one-to-one")
    }

    @Test func theRegisterHasNoWalkInsAndRecordsEachOutcome() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startCall()
        #expect(driver.delivery?.opened?.facilitators == [.init(code: "N01", role: "nurse")])
        driver.press(.character("a"))
        expectGolden(driver.frame(), "register-one-to-one")
        #expect(!driver.frame().plainText.contains("walk-in"))
        driver.press(.character("w"))
        #expect(driver.state.dialog == nil, "no walk-in question")
        driver.press(.character("u"))
        #expect(driver.frame().plainText.contains("Contact with P01: not answered"))
        driver.press(.character("r"))
        #expect(driver.frame().plainText.contains("Contact with P01: rearranged"))
        driver.press(.character("x"))
        #expect(driver.state.dialog == nil, "a one-to-one's did not attend asks nothing")
        #expect(driver.frame().plainText.contains("Contact with P01: did not attend"))
        driver.press(.character("p"))
        #expect(driver.frame().plainText.contains("Contact with P01: attended"))
        #expect(try Self.marks(driver).map { [$0.status.rawValue, $0.outcome?.rawValue ?? "-", $0.notified.map(String.init) ?? "-"] } == [
            ["absent", "not-answered", "false"], ["absent", "rearranged", "true"], ["absent", "-", "false"], ["present", "-", "-"],
        ])
        #expect(driver.delivery?.roster == ["P01"])
    }

    @Test func theCloseIsInTheSingularAndOnlyTheNurseSignsOff() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startCall()
        driver.press(.character("a"), .character("u"), .escape)
        driver.press(.character("c"))
        let text = driver.frame().plainText
        #expect(text.contains("Contact with P01: not answered"), "\(text)")
        #expect(!text.contains("0 present"))
        driver.press(.character("1"), .enter)
        #expect(try driver.events().contains { if case .deliveryClosed(let data) = $0.body { data.signoffs.map(\.code) == ["N01"] } else { false } })
    }

    @Test func aGroupsRosterIsNotCarriedIntoACall() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 P02 P07")
        driver.press(.character("q"), .character("y"))
        driver.restart()
        driver.press(.down, .enter, .right)           // Run; the call
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        #expect(driver.state.setup.site.text == "S01")
        #expect(driver.state.setup.facilitators.map(\.text) == ["N01"], "the nurse of the group, by role")
        #expect(driver.state.setup.participants.text.isEmpty)
    }
}

extension OneToOneTests {
    /// After a call with one of the group's participants, the group's next day still opens with
    /// the whole group's roster, and with the call's site and nurse.
    @Test func aCallDoesNotShrinkTheGroupsRosterForItsNextDay() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 P02 P07")
        driver.press(.character("q"), .character("y"))
        driver.restart()
        driver.wait(minutes: 60)                      // the call comes after the day
        driver.press(.down, .enter, .right)           // Run; the call
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        driver.press(.tab, .tab); driver.type("P02"); driver.press(.tab, .enter)
        #expect(driver.delivery?.opened?.session.id == "call-1")
        driver.press(.character("q"), .character("y"))
        driver.restart()
        driver.press(.down, .down, .enter)            // Run, below the two deliveries to resume
        driver.press(.tab); driver.type("G01"); driver.press(.tab)
        #expect(driver.state.setup.sessionID == "group-1")
        // The nurse from the call, the lay facilitator from the day (the call had none).
        #expect(driver.state.setup.facilitators.map(\.text) == ["N01", "L01"])
        #expect(driver.state.setup.roster == ["P01", "P02", "P07"])
    }
}
