import Testing
@testable import Journal

/// Codes are judged on their bytes when they are plain ASCII; the answers must be those of the
/// character rules, at the edges of each rule too.
@Suite struct PlainCodeTests {
    @Test(arguments: ["P07", "ABCD", "AB-C", "A-", "P0123456789A", "7", "x", "N1-2-3"])
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
