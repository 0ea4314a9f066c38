import Foundation
import Testing
@testable import Journal

/// Codes are judged on their bytes when they are plain ASCII; the answers must be those of the
/// character rules, at the edges of each rule too.
@Suite struct PlainCodeTests {
    @Test(arguments: ["P07", "ABCD", "AB-C", "A-", "AB-012345678", "7", "x", "N1-2-3"])
    func accepted(_ code: String) {
        #expect(Privacy.refusal(forCode: code, what: "The code") == nil)
    }

    @Test(arguments: ["-P07", "ABCDE", "ABCD-", "P0123456789AB", "P_07", "P07 ", "P\u{0}7", "P\r\n7", "１２", "P٣", "Ｐ07"])
    func refused(_ code: String) {
        #expect(Privacy.refusal(forCode: code, what: "The code") != nil)
    }

    @Test func refusalsSayWhy() {
        #expect(Privacy.refusal(forCode: "ABCDE", what: "The code")?.contains("looks like a name") == true)
        #expect(Privacy.refusal(forCode: "-P07", what: "The code")?.contains("is not a code") == true)
    }
}

/// An old journal that spelled one participant in two cases reads as one roster row.
@Suite struct RosterCaseTests {
    @Test func marksInAnotherCaseFallOnTheRosterSpelling() {
        var state = DeliveryState()
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        func event(_ body: EventBody) -> JournalEvent {
            JournalEvent(seq: 1, id: UUID(), time: time, utcOffsetMinutes: 0, delivery: "d", mode: .live, actor: "N1", previous: nil, body: body)
        }
        state.fold(event(.participantEnrolled(.init(participant: "P02", walkIn: false))))
        state.fold(event(.participantEnrolled(.init(participant: "p02", walkIn: true))))
        state.fold(event(.attendanceMarked(.init(participant: "p02", status: .late))))
        state.fold(event(.attendanceMarked(.init(participant: "q05", status: .present))))
        #expect(state.roster == ["P02", "q05"])
        #expect(state.attendance["P02"]?.status == .late && state.attendance["p02"] == nil)
        #expect(state.walkIns == ["P02"])
        #expect(state.rosterCode("Q05") == "q05")
        #expect(state.summary.participants == 2 && state.summary.late == 1 && state.summary.present == 1)
    }
}
