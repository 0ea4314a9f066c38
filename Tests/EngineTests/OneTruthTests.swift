import DeliveryFacts
import Foundation
import Testing
import Audit
@testable import Journal
@testable import SessionEngine
import Views

/// The close screen and every report read the same figures: a session is delivered through the
/// engine, and the close screen's figures are compared with the reports on its journal, each
/// against a value worked out by hand.
@Suite struct OneTruthTests {
    /// Next agenda item: "next" until the walk-through moves on (a last step arms first).
    func next(_ driver: Driver) {
        let from = driver.delivery?.currentActivity
        for _ in 0..<10 where driver.delivery?.currentActivity == from { driver.press(.pageDown) }
    }

    @Test func theCloseScreenAndTheReportsAgreeOnEveryFigure() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 P02 P03 P04 P05")

        // Register: P01 present, P02 late, P03 late then left early, P04 absent (notified), P05 never marked.
        driver.press(.character("a"))
        driver.press(.character("p"), .character("l"), .character("l"), .character("x"), .character("y"))
        driver.press(.up, .up, .character("e"), .escape)
        #expect(driver.delivery?.attendance["P03"]?.status == .lateAndLeftEarly)
        #expect(driver.delivery?.attendance["P05"] == nil)

        // Arrival 10:00; welcome 20:20 against 20 (not over: under half a minute past the plan);
        // break 10:00; practice 35 s (1 min on screens, 0.6 in reports).
        driver.wait(minutes: 10); next(driver)
        #expect(driver.delivery?.currentActivity == "g1-welcome")
        driver.press(.character("f"), .character("2"), .character("1"), .escape)     // fully 2, partly 1
        driver.wait(minutes: 20 + 20.0 / 60)
        #expect(Timing(driver.state, now: driver.now).state == .warning)
        #expect(Timing(driver.state, now: driver.now).words == "⚠ time up")
        next(driver)
        #expect(driver.delivery?.currentActivity == "g1-break")
        driver.wait(minutes: 10); next(driver)
        #expect(driver.delivery?.currentActivity == "g1-practice")
        driver.press(.character("f"), .character("1"), .escape)                       // partly 1
        driver.wait(minutes: 35.0 / 60)

        // Adherence 2 + 1 + 1 = 4 of 6 points: 66.666…% shows as 66.7%, moderate on bands 80/50.
        driver.press(.character("c"))
        let close = driver.frame(120, 40).plainText
        #expect(close.contains("Register: 3 of 5 attended, 1 not marked: 1 present, 1 late, 1 late and left early, 1 absent (1 notified)"))
        #expect(close.contains("Adherence: 66.7%: 4 of 6 points, 3 rated (0 N/A), 0 unrated  ▽ moderate band"))
        #expect(close.contains(" 20 of  20 min  on time"))                             // welcome, 20:20
        #expect(close.contains("  1 of  20 min  -19 min so far"))                      // practice, 35 s and running
        #expect(close.contains(" 20 of  20 min  on time"))                             // arrival and break together
        #expect(close.contains("✓ Every fidelity item is rated."))

        driver.press(.character("1"), .character("2"), .enter)
        let journal = try #require(driver.journalURL)
        let input = ReportInput(set: AuditSet.read([journal]), filters: Filters(), programmes: [driver.programme])

        let fidelity = FidelityReport.make(input).sections.first { $0.id == "deliveries" }!.table.rows[0].map(\.display)
        #expect(Array(fidelity[5...10]) == ["4", "6", "66.7% ▽", "3", "0", "0"])

        let sessions = SessionsReport.make(input, sample: .init(seed: 1)).sections.first { $0.id == "deliveries" }!.table.rows[0].map(\.display)
        // Attended and roster in their own columns: 3 of the 5 came.
        #expect(sessions[5] == "3" && sessions[6] == "5" && sessions[7] == "66.7% ▽")

        // Days attended, planned, late, left early, absent, not marked, dose (one group day, minimum 1).
        let attendance = AttendanceReport.make(input).sections.first { $0.id == "participants" }!.table.rows.map { $0.map(\.display)[2...9].joined(separator: " ") }
        #expect(attendance == ["P01 1 1 0 0 0 0 met", "P02 1 1 1 0 0 0 met", "P03 1 1 1 1 0 0 met",
                               "P04 0 1 0 0 1 0 not met", "P05 0 1 0 0 0 1 not met"])

        // Item, planned, ran in, not run, median, min, max, median over, overran, share overran (0 ÷ 1), from failed files.
        let timing = TimingReport.make(input).sections.first { $0.id == "items" }!.table.rows.map { $0.map(\.display)[1...].joined(separator: " ") }
        #expect(timing.contains("g1-welcome Welcome and aims 20 1 0 20.3 20.3 20.3 0.3 0 0.0% 0"))
        #expect(timing.contains("g1-practice Relaxation practice 20 1 0 0.6 0.6 0.6 -19.4 0 0.0% 0"))

        // The closing record's counts: late and left early counts in both late and left_early.
        guard case .deliveryClosed(let closed)? = try driver.events().last?.body else { Issue.record("not closed"); return }
        #expect(closed.summary.participants == 5 && closed.summary.present == 1 && closed.summary.late == 2
                && closed.summary.leftEarly == 1 && closed.summary.absent == 1)

        // The audit screen says the same in the same words.
        let audit = try Driver(folder: driver.folder)
        audit.runner.handle(.key(.character("u")), now: audit.now)
        let record = try #require(DeliveryRecord(state: ReadJournal.read(journal).state, files: []))
        audit.runner.handle(.auditLoaded(records: [record], sources: .init(files: 1, failed: [], copies: 0, reviews: 0)), now: audit.now)
        audit.press(.enter)
        let screen = audit.frame(120, 40).plainText
        #expect(screen.contains("Register   3 of 5 attended"))
        #expect(screen.contains("3 of 5 attended, 1 not marked: 1 present, 1 late, 1 late and left early, 1 absent (1 notified)"))
        #expect(screen.contains("66.7%: 4 of 6 points, 3 rated (0 N/A), 0 unrated  ▽ moderate band"))
    }
}

/// A participant typed in another case is the same person: never a second row.
@Suite struct CodeIdentityTests {
    @Test func aWalkInTypedInLowerCaseIsRefusedAsAlreadyOnTheRegister() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.startGroupSession(participants: "P01 p02 P02 n03")
        // Set-up drops p02's twin and stores every code in upper case.
        #expect(driver.delivery?.roster == ["P01", "P02", "N03"])
        #expect(driver.delivery?.opened?.group == "G01")
        driver.press(.character("a"), .character("w")); driver.type("p01"); driver.press(.enter)
        #expect(driver.delivery?.roster == ["P01", "P02", "N03"])
        #expect(driver.state.status?.text == "P01 is already on the register: mark them with p, l, e or x.")
        driver.press(.escape)
        driver.press(.character("w")); driver.type("w07"); driver.press(.enter)
        #expect(driver.delivery?.roster == ["P01", "P02", "N03", "W07"])
    }

    @Test func twoFacilitatorCodesThatDifferOnlyInCaseAreRefused() throws {
        let driver = try Driver()
        defer { driver.cleanUp() }
        driver.press(.enter, .tab)
        driver.type("g01"); driver.press(.tab)
        driver.type("s01"); driver.press(.tab)
        driver.type("n01"); driver.press(.tab)
        driver.type("N01"); driver.press(.tab)
        driver.type("P01"); driver.press(.tab, .enter)
        #expect(driver.state.setup.problem == "The two facilitators need different codes.")
        #expect(driver.delivery == nil)
    }
}
