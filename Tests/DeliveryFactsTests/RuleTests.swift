import DeliveryFacts
import Foundation
import Journal
import Testing

/// The written rules, at their edges, with values worked out by hand.
@Suite struct RuleTests {
    @Test func bandsJudgeTheFigureAsShownToOneDecimal() {
        let bands = BandMarks(high: 80, low: 50)
        #expect(bands.band(of: 50.04) == .low)          // shows 50.0%
        #expect(bands.band(of: 50.05) == .moderate)     // shows 50.1%
        #expect(bands.band(of: 50.9) == .moderate)
        #expect(bands.band(of: 79.94) == .moderate)     // shows 79.9%
        #expect(bands.band(of: 79.95) == .high)         // shows 80.0%
        #expect(bands.band(of: 200.0 / 3) == .moderate) // 66.7%
        #expect(bands.legend == "high ≥ 80.0%, ▽ moderate 50.1–79.9%, ▼ low ≤ 50.0%")
    }

    @Test func percentagesHaveOneDecimalHalvesAwayFromZero() {
        #expect(Format.percent(92.5) == "92.5%")
        #expect(Format.percent(12.25) == "12.3%")         // 12.25 is exact in binary: the half goes up
        #expect(Format.percent(2.0 / 3 * 100) == "66.7%")
        #expect(Format.percent(0.05) == "0.1%")
        #expect(Format.share(7, of: 9) == "7 of 9 (77.8%)")
        #expect(Format.share(0, of: 0) == "0 of 0")
    }

    @Test func wholeMinutesAreTheNearestAndOverrunStartsHalfAMinutePastThePlan() {
        #expect(Minutes.whole(35) == 1)
        #expect(Minutes.whole(29) == 0)
        #expect(Minutes.whole(89) == 1)
        #expect(Minutes.whole(90) == 2)
        #expect(Minutes.whole(-90) == -2)
        #expect(!Minutes.isOver(20 * 60 + 20, planned: 20))      // 20:20 against 20 min: on time
        #expect(!Minutes.isOver(20 * 60 + 29.9, planned: 20))
        #expect(Minutes.isOver(20 * 60 + 30, planned: 20))        // 20:30: over
        #expect(Minutes.difference(35, planned: 30) == -29)
    }

    @Test func contentVersionsCompareAsNumbers() {
        #expect(ContentVersion("2026.9") < ContentVersion("2026.10"))
        #expect(ContentVersion("2026.10") < ContentVersion("2027.1"))
        #expect(ContentVersion("1.0") < ContentVersion("1.0.1"))
        #expect(!(ContentVersion("2026.10") < ContentVersion("2026.9")))
        #expect(ContentVersion("1.0-beta") < ContentVersion("1.1"))
    }

    @Test func codesAreOneCanonicalFormAndCompareWithoutCase() {
        #expect(Code.canonical("p02") == "P02")
        #expect(Code.canonical("S01-p07") == "S01-P07")
        #expect(Code.same("nf1", "NF1") && !Code.same("NF1", "NF11"))
        #expect(ParticipantKey(site: "north", group: "g03", code: "p01") == ParticipantKey(site: "NORTH", group: "G03", code: "P01"))
        #expect(ParticipantKey(site: "NORTH", group: "G03", code: "P01") != ParticipantKey(site: "SOUTH", group: "G03", code: "P01"))
    }

    @Test func unmarkedPeopleAreInNeitherColumn() {
        let marks: [String: (AttendanceMarked.Status, Bool?)] = ["P1": (.present, nil), "P2": (.lateAndLeftEarly, nil), "P3": (.absent, true)]
        let counts = AttendanceCounts(roster: ["P1", "P2", "P3", "P4"]) { code in marks[code].map { ($0.0, $0.1) } }
        #expect(counts.attended == 2 && counts.absent == 1 && counts.unmarked == 1 && counts.lateAndLeftEarly == 1 && counts.late == 0)
        #expect(counts.words == "2 of 4 attended, 1 not marked: 1 present, 1 late and left early, 1 absent (1 notified)")
    }

    @Test func aPersonLateAndLeavingEarlyCountsInBothArrivalsAndDepartures() {
        let both = AttendanceMarked.Status.lateAndLeftEarly
        #expect(both.attended && both.arrivedLate && both.leftBeforeEnd)
        #expect(!AttendanceMarked.Status.absent.attended)
        #expect(AttendanceMarked.Status.late.arrivedLate && !AttendanceMarked.Status.late.leftBeforeEnd)
    }

    @Test func doseIsMetNotYetOrNotMet() {
        let rule = DeliveryOpened.Dose(sessions: ["a", "b", "c"], minimum: 2, description: "")
        #expect(DoseStatus(rule: rule, attended: ["a", "b"], held: ["a", "b"]) == .met)
        #expect(DoseStatus(rule: rule, attended: ["a"], held: ["a", "b"]) == .notYet)      // c still to come
        #expect(DoseStatus(rule: rule, attended: ["a"], held: ["a", "b", "c"]) == .notMet)
        #expect(DoseStatus(rule: rule, attended: [], held: ["a", "b"]) == .notMet)
    }

    @Test func aRuleThatCountsContactsCountsEveryDeliveryAttended() {
        // Three calls of one session: each attended call is a contact, the session once is not enough.
        let rule = DeliveryOpened.Dose(sessions: ["call"], minimum: 3, description: "", counts: "contacts")
        #expect(DoseStatus.counted(rule: rule, attended: ["call"], contacts: 2) == 2)
        #expect(DoseStatus(rule: rule, attended: ["call"], held: ["call"], contacts: 3) == .met)
        // Two of three, with every listed session held: more calls can still be booked, so not yet.
        #expect(DoseStatus(rule: rule, attended: ["call"], held: ["call"], contacts: 2) == .notYet)
        // Counting sessions, the same attendance is one session of one: met at a minimum of 1.
        let sessions = DeliveryOpened.Dose(sessions: ["call"], minimum: 1, description: "")
        #expect(DoseStatus.counted(rule: sessions, attended: ["call"], contacts: 2) == 1)
    }
}
