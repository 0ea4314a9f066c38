import Foundation
import Testing
@testable import SessionEngine
import Journal

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
        driver.press(.character("f"), .character("1"), .character("2"))
        let count = try driver.events().count
        driver.press(.character("m")); driver.type("P02 asked for jo(at)example.org"); driver.press(.enter)
        #expect(driver.state.status?.text == "This reason looks like it holds an email address. Reasons must not identify anyone: remove it and save again.")
        #expect(try driver.events().count == count)
        #expect(driver.delivery?.ratings["g1-welcome-2"]?.adaptation == nil)
    }
}
