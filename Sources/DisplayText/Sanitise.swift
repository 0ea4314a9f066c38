extension DisplayText {
    /// Scalars that change how a terminal or a reader interprets the text around them:
    /// bidirectional overrides and isolates (the "Trojan source" characters), byte-order marks,
    /// line and paragraph separators. They are never sent to the terminal.
    public static func isFormatHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// A control scalar: C0, DEL or C1.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// Text made safe to draw: control characters are shown escaped (`^[` for ESC, `^J` for a line
    /// feed, `<U+0085>` for C1), format hazards as `<U+202E>`, and unassigned scalars as U+FFFD.
    /// Whatever a content or journal file holds, nothing in it reaches the terminal as a command.
    public static func sanitised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
                changed = true
            } else if scalar.value == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
                changed = true
            } else if (0x80..<0xA0).contains(scalar.value) || isFormatHazard(scalar) {
                out.append(contentsOf: escapeCode(scalar).unicodeScalars)
                changed = true
            } else if !isDropped(scalar) && width(of: scalar) < 0 {
                out.append("\u{FFFD}")
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }

    /// Text made safe to print, line by line: as `sanitised`, but a tab, a line feed and a carriage
    /// return just before a line feed (CSV's line end) stay as they are. Every text the command line
    /// prints, to a terminal, a pipe or a report file, goes through this: ESC, BEL, `ESC c` or an
    /// OSC 52 sequence held in a content or journal field comes out as `^[`, `^G`, never as a command.
    public static func printable(_ text: String) -> String {
        func kept(_ scalar: Unicode.Scalar, beforeLineFeed: Bool) -> Bool {
            switch scalar {
            case "\t", "\n": true
            case "\r": beforeLineFeed
            default: false
            }
        }
        func safe(_ scalar: Unicode.Scalar, beforeLineFeed: Bool) -> Bool {
            if scalar.value < 0x20 || scalar.value == 0x7F { return kept(scalar, beforeLineFeed: beforeLineFeed) }
            if scalar.value < 0x7F { return true }
            return !(0x80..<0xA0).contains(scalar.value) && !isFormatHazard(scalar) && (isDropped(scalar) || width(of: scalar) >= 0)
        }
        // Most text is safe as it is: looked over in place, without a copy (a region's report is megabytes).
        let view = text.unicodeScalars
        var at = view.startIndex
        var allSafe = true
        while at < view.endIndex {
            let next = view.index(after: at)
            if !safe(view[at], beforeLineFeed: next < view.endIndex && view[next] == "\n") { allSafe = false; break }
            at = next
        }
        guard !allSafe else { return text }
        let scalars = Array(view)
        func kept(_ index: Int) -> Bool { kept(scalars[index], beforeLineFeed: index + 1 < scalars.count && scalars[index + 1] == "\n") }
        var out = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        for index in scalars.indices {
            if kept(index) {
                out.append(contentsOf: sanitised(String(run)).unicodeScalars)
                run = String.UnicodeScalarView()
                out.append(scalars[index])
            } else {
                run.append(scalars[index])
            }
        }
        out.append(contentsOf: sanitised(String(run)).unicodeScalars)
        return String(out)
    }

    public static func escapeCode(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
