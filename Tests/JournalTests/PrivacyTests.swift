import Testing
@testable import Journal

@Suite struct PrivacyTests {
    @Test(arguments: ["P07", "S01-P07", "JB", "ABC1", "G03"])
    func codesAndInitialsAreAccepted(_ code: String) {
        #expect(Privacy.refusal(forCode: code, what: "The code") == nil)
    }

    @Test(arguments: ["Alice", "Jonathan", "P 07", "P07;rm", "", "ABCDEFGHIJKLM1", "Zoë"])
    func namesAndOddTextAreRefused(_ code: String) {
        #expect(Privacy.refusal(forCode: code, what: "The code") != nil)
    }

    @Test func nhsNumbersWithAValidCheckDigitAreRefused() {
        #expect(Privacy.isValidNHSNumber("9434765919"))
        #expect(!Privacy.isValidNHSNumber("9434765918"))
        #expect(Privacy.refusal(forNote: "New number 943 476 5919 from GP")?.contains("NHS number") == true)
        #expect(Privacy.refusal(forNote: "ref 943-476-5919")?.contains("NHS number") == true)
    }

    @Test func emailsAndPhoneNumbersAreRefused() {
        #expect(Privacy.refusal(forNote: "contact p.smith@example.org")?.contains("email") == true)
        #expect(Privacy.refusal(forNote: "call back on 07700 900123")?.contains("phone") == true)
        #expect(Privacy.refusal(forNote: "ring 020 7946 0000")?.contains("phone") == true)
        #expect(Privacy.refusal(forNote: "ring +44 7700 900123")?.contains("phone") == true)
        #expect(Privacy.refusal(forNote: "office (020) 7946 0000")?.contains("phone") == true)
    }

    @Test(arguments: ["Started 10:15, finished 15:20", "8 of 10 attended", "Room 2, 2026-03-04", "Tea urn broke; 疼痛 ok 👍",
                      "ten minutes over: 45 mins", "ID 1234567890 is not an NHS number"])
    func ordinaryNotesAreKept(_ note: String) {
        #expect(Privacy.refusal(forNote: note) == nil)
    }
}
