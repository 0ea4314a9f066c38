import Foundation
import Testing
@testable import SessionEngine
import Journal
import Programme

/// Live work on content that is not a released version (`ReleaseLock`) carries UNRELEASED on
/// every screen, and the delivery's opening records the flag; released content and rehearsals
/// carry neither.
@Suite struct UnreleasedContentTests {
    func unreleased() throws -> Programme {
        var programme = try Fixture.programme()
        programme.release = .unreleased
        return programme
    }

    @Test func everyLiveScreenSaysUnreleasedAndTheOpeningIsFlagged() throws {
        let driver = try Driver(programme: unreleased())
        defer { driver.cleanUp() }
        #expect(driver.frame().plainText.hasPrefix(" UNRELEASED  iwotch › Mini programme 1.0"), "\(driver.frame().plainText)")
        driver.press(.enter)    // set-up
        let setup = driver.frame().plainText
        #expect(setup.hasPrefix(" UNRELEASED "))
        #expect(setup.contains("Content 1.0 is not a released\n  version: this delivery is flagged as unreleased in the journal and reports."), "\(setup)")
        driver.press(.escape)
        driver.startGroupSession()
        for keys in [[Key](), [.character("a")], [.escape, .character("g")], [.escape, .character("?")]] {
            for key in keys { driver.press(key) }
            #expect(driver.frame().plainText.hasPrefix(" LIVE   UNRELEASED  Mini programme › "), "after \(keys): \(driver.frame().plainText)")
        }
        let opened = try driver.events().first
        guard case .deliveryOpened(let data)? = opened?.body else { Issue.record("no opening"); return }
        #expect(data.programme.unreleased == true)
        #expect(try String(contentsOf: #require(driver.journalURL), encoding: .utf8).contains(#""unreleased":true"#))
    }

    @Test func releasedContentIsNotFlagged() throws {
        let driver = try Driver()   // the mini fixture, released in its releases.yaml
        defer { driver.cleanUp() }
        driver.startGroupSession()
        #expect(driver.frame().plainText.hasPrefix(" LIVE  Mini programme"), "\(driver.frame().plainText)")
        guard case .deliveryOpened(let data)? = try driver.events().first?.body else { Issue.record("no opening"); return }
        #expect(data.programme.unreleased == nil)
        #expect(try !String(contentsOf: #require(driver.journalURL), encoding: .utf8).contains("unreleased"))
    }

    @Test func aRehearsalOfUnreleasedContentIsNotFlagged() throws {
        let driver = try Driver(programme: unreleased(), mode: .rehearsal)
        defer { driver.cleanUp() }
        driver.startRehearsal()
        #expect(!driver.frame().plainText.contains("UNRELEASED"))
    }
}
