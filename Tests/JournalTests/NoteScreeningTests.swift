import Testing
@testable import Journal

/// Notes are screened for identifiers; notes without an "@" or any ASCII digit skip the slower
/// parts of the screening, and must get the same answers.
@Suite struct NoteScreeningTests {
    @Test(arguments: ["Room was cold; moved the movement practice nearer the radiator.", "", "café — 疼痛 👍",
                      "P07 arrived at 10", "ten past nine, room 4B"])
    func ordinaryNotesAreSaved(_ text: String) {
        #expect(Privacy.refusal(forNote: text) == nil)
    }

    @Test func identifiersAreStillFound() {
        #expect(Privacy.refusal(forNote: "ring 020 7946 0000 later")?.contains("phone number") == true)
        #expect(Privacy.refusal(forNote: "+44 7700 900123")?.contains("phone number") == true)
        #expect(Privacy.refusal(forNote: "NHS 943 476 5919")?.contains("NHS number") == true)
        #expect(Privacy.refusal(forNote: "write to jo@example.org")?.contains("email") == true)
        // Digits of other scripts are digits: this is 020 7946 0000.
        #expect(Privacy.refusal(forNote: "٠٢٠٧٩٤٦٠٠٠٠ written in other digits")?.contains("phone number") == true)
    }
}
