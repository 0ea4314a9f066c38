import Testing
@testable import DisplayText

@Suite struct WidthTests {
    @Test func asciiAccentsCJKAndEmoji() {
        #expect(DisplayText.width("Day 1") == 5)
        #expect(DisplayText.width("café") == 4)
        #expect(DisplayText.width("cafe\u{301}") == 4)   // combining acute joins the e
        #expect(DisplayText.width("疼痛") == 4)
        #expect(DisplayText.width("👍") == 2)
        // Joiners and variation selectors are dropped: a ZWJ family is laid out scalar by scalar.
        #expect(DisplayText.width("👩\u{200D}👧") == 4)
        #expect(DisplayText.width("❤\u{FE0F}") == 1)
    }

    @Test func controlsCountAsOneReplacementCell() {
        #expect(DisplayText.width(of: "\u{1B}") == -1)
        #expect(DisplayText.width("a\u{1B}b") == 3)
    }
}

@Suite struct SanitiseTests {
    @Test func controlCharactersAreShownEscaped() {
        #expect(DisplayText.sanitised("a\u{1B}[31mred") == "a^[[31mred")
        #expect(DisplayText.sanitised("line\nnext\ttab") == "line^Jnext^Itab")
        #expect(DisplayText.sanitised("del\u{7F}") == "del^?")
        #expect(DisplayText.sanitised("c1\u{85}") == "c1<U+0085>")
    }

    @Test func directionOverridesAreShownAsCodes() {
        #expect(DisplayText.sanitised("abc\u{202E}def") == "abc<U+202E>def")
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Zoë wrote 疼痛 👍"
        #expect(DisplayText.sanitised(text) == text)
    }
}

@Suite struct WrapTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(DisplayText.wrap("one two three four", width: 9) == ["one two", "three", "four"])
    }

    @Test func cutsWordsLongerThanALine() {
        #expect(DisplayText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func wideCharactersNeverOverflow() {
        for line in DisplayText.wrap("疼痛疼痛疼痛 ok", width: 5) {
            #expect(DisplayText.width(line) <= 5)
        }
    }

    /// A megabyte with no space in it (a pasted blob in a note or a name) is cut in one pass:
    /// 1,048,576 cells at 80 a line are 13,107 full lines and 16 cells over.
    @Test func aMegabyteWordIsCutIntoFullLines() {
        let word = String(repeating: "a", count: 1 << 20)
        let lines = DisplayText.wrap("ab " + word + " cd", width: 80)
        #expect(lines.count == 1 + 13_107 + 1)
        #expect(lines.first == "ab")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.utf8.count == 80 && $0.utf8.allSatisfy { $0 == 0x61 } })
        #expect(lines.last == String(repeating: "a", count: 16) + " cd")
    }

    /// Two-cell characters: 349,525 of them (1 MB less a byte in UTF-8) at 5 cells a line are
    /// two a line, 174,762 full lines and one character over.
    @Test func aMegabyteOfWideCharactersIsCutIntoFullLines() {
        let lines = DisplayText.wrap(String(repeating: "疼", count: 349_525), width: 5)
        #expect(lines.count == 174_763)
        #expect(lines.dropLast().allSatisfy { $0 == "疼疼" })
        #expect(lines.last == "疼")
    }

    @Test func aCharacterWiderThanTheLineTakesALineOfItsOwn() {
        #expect(DisplayText.wrap("疼疼 a", width: 1) == ["疼", "疼", "a"])
    }

    @Test func truncationEndsInAnEllipsis() {
        #expect(DisplayText.truncated("Introductions", toWidth: 6) == "Intro…")
        #expect(DisplayText.truncated("short", toWidth: 6) == "short")
    }
}
