import Testing
@testable import DisplayText

/// `printable`: what the command line prints. Lines and tabs stay; every other control character,
/// C1 and format hazard is shown escaped, as `sanitised` shows it.
@Suite struct PrintableTests {
    @Test func linesTabsAndCSVLineEndsStay() {
        let text = "a\tb\nc,d\r\ne\n"
        #expect(DisplayText.printable(text) == text)
        #expect(DisplayText.printable("café 疼痛 👍") == "café 疼痛 👍")
    }

    @Test func terminalCommandsAreShownEscaped() {
        // ESC c (full reset), BEL, OSC 52 (set the clipboard) ended by BEL and by ST.
        #expect(DisplayText.printable("G1\u{1B}c\n") == "G1^[c\n")
        #expect(DisplayText.printable("x\u{07}y") == "x^Gy")
        #expect(DisplayText.printable("\u{1B}]52;c;ZXZpbA==\u{07}\tok\n") == "^[]52;c;ZXZpbA==^G\tok\n")
        #expect(DisplayText.printable("\u{1B}]52;c;ZXZpbA==\u{1B}\\") == "^[]52;c;ZXZpbA==^[\\")
        // A lone carriage return would overwrite the line on screen.
        #expect(DisplayText.printable("fine\rFAKE\n") == "fine^MFAKE\n")
        #expect(DisplayText.printable("end\r") == "end^M")
        #expect(DisplayText.printable("c1\u{9B}31m") == "c1<U+009B>31m")
        #expect(DisplayText.printable("rtl\u{202E}txt\n") == "rtl<U+202E>txt\n")
        #expect(DisplayText.printable("del\u{7F}") == "del^?")
    }
}
