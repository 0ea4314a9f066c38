import Foundation
import Testing
@testable import SessionEngine
import Journal
import Programme

/// Codes and free text typed into the console's dialogs go through the journal's privacy rules:
/// a refusal is a message, and nothing is written.
@Suite struct PrivacyFlowTests {
    @Test func aWalkInThatReadsAsANameOrNumberIsRefused() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        let count = try driver.events().count
        driver.press(.character("a"))
        for typed in ["Margaret1", "9434765919", "1955-03-12"] {
            driver.press(.character("w")); driver.type(typed); driver.press(.enter)
            #expect(driver.state.status?.kind == .problem, "\(typed)")
            driver.press(.escape)
        }
        #expect(try driver.events().count == count)
        #expect(driver.delivery?.roster == ["P01", "P02", "P03"])
    }

    @Test func anAdaptationReasonWithAnIdentifierIsRefused() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession()
        driver.wait(minutes: 5)
        driver.press(.pageDown, .pageDown)
        driver.wait(minutes: 18)
        driver.press(.character("f"), .character("2"), .character("1"))
        let count = try driver.events().count
        driver.press(.character("m")); driver.type("P02 asked for jo(at)example.org"); driver.press(.enter)
        #expect(driver.state.status?.text == "This reason looks like it holds an email address. Reasons must not identify anyone: remove it and save again.")
        #expect(try driver.events().count == count)
        #expect(driver.delivery?.ratings["g1-welcome-2"]?.adaptation == nil)
    }
}

/// Content that declares participant code masks (`participant_codes`): the set-up form, the
/// walk-in dialog and a rehearsal's sample roster follow them.
@Suite struct DeclaredCodeShapeFlowTests {
    func programme() throws -> Programme {
        var programme = try Fixture.programme()
        programme.participantCodes = ParticipantCodeShape(masks: ["P##", "S##-P##"])
        return programme
    }

    @Test func theSetUpRefusesARosterCodeOutsideTheMasks() throws {
        let driver = try Driver(programme: programme())
        defer { driver.cleanUp() }
        // JB and P7 pass the default shape; these masks want P and two digits.
        driver.startGroupSession(participants: "P01 JB")
        guard case .setup = driver.state.screen else { Issue.record("left the set-up: \(driver.state.screen)"); return }
        #expect(driver.state.setup.problem == "The participant code \"JB\" is not a participant code of this programme: use P## or S##-P## (# a digit).")
        #expect(driver.delivery == nil)
    }

    @Test func theOpeningPinsTheMasksAndAWalkInFollowsThem() throws {
        let driver = try Driver(programme: programme())
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 s02-p03")
        #expect(driver.delivery?.roster == ["P01", "S02-P03"])
        #expect(driver.delivery?.opened?.participantCodes == ["P##", "S##-P##"])
        let count = try driver.events().count
        driver.press(.character("a"))
        driver.press(.character("w")); driver.type("P7"); driver.press(.enter)
        #expect(driver.state.status?.text == "The code \"P7\" is not a participant code of this programme: use P## or S##-P## (# a digit).")
        driver.press(.escape)
        #expect(try driver.events().count == count)
        driver.press(.character("w")); driver.type("P09"); driver.press(.enter)
        #expect(driver.delivery?.roster == ["P01", "S02-P03", "P09"])
    }

    @Test func aRehearsalSamplesCodesThatFitTheMasks() throws {
        var programme = try Fixture.programme()
        programme.participantCodes = ParticipantCodeShape(masks: ["S##-P##"])
        let driver = try Driver(programme: programme, mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        // R01..R08 do not fit S##-P##, so the sample is the mask's own examples.
        #expect(driver.delivery?.roster == ["S00-P01", "S00-P02", "S00-P03", "S00-P04", "S00-P05", "S00-P06", "S00-P07", "S00-P08"])
    }
}
