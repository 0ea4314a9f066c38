import Foundation
import Programme

/// The journal holds no names, dates of birth, NHS numbers or clinical data: participants are
/// pseudonymous codes or initials, and free text that looks like an identifier is refused before
/// it is written. A register of who attended an opioid-tapering course is health data even when
/// it holds only codes, so nothing more than the codes goes in.
///
/// Two functions decide: `refusal(forCode:what:)` for every code (participant, walk-in,
/// facilitator, group, site, supervisor) and `screen(_:)` for every piece of free text (notes,
/// adaptation reasons, correction reasons, review comments). `problems(in:)` applies both to
/// every field of an event, for `iwotch journal check`.
public enum Privacy {
    /// What free text was found to hold.
    public enum Identifier: String, Sendable, Equatable, CaseIterable {
        case nhsNumber, phoneNumber, email, dateOfBirth

        /// As a sentence says it: "an NHS number".
        public var phrase: String {
            switch self {
            case .nhsNumber: "an NHS number"
            case .phoneNumber: "a phone number"
            case .email: "an email address"
            case .dateOfBirth: "a date of birth"
            }
        }
    }

    // MARK: Codes

    /// Why a code cannot be used, or nil when it can. A code is letters, digits and hyphens, at
    /// most 12 characters, starting with a letter or digit; it has no run of more than 4 letters
    /// (a name, or a name with digits such as Margaret1), at most 4 characters when it has no digit
    /// (initials), fewer than 10 digits (an NHS or phone number) and no date (1955-03-12, 19550312).
    public static func refusal(forCode code: String, what: String) -> String? {
        // Read in place: every event's actor and codes pass through here, a region's million times.
        let bytes = code.utf8
        guard let first = bytes.first, bytes.count <= 12, isLetterOrDigit(first),
              bytes.allSatisfy({ isLetterOrDigit($0) || $0 == 0x2D }) else {
            return "\(what) \"\(code)\" is not a code: use letters, digits and hyphens only, at most 12 characters (for example P07 or S01-P07)."
        }
        var digits = 0, letterRun = 0, longestLetterRun = 0
        for byte in bytes {
            if isDigit(byte) { digits += 1 }
            letterRun = isLetter(byte) ? letterRun + 1 : 0
            longestLetterRun = max(longestLetterRun, letterRun)
        }
        if longestLetterRun > 4 || (digits == 0 && bytes.count > 4) {
            return "\(what) \"\(code)\" looks like a name. Use a pseudonymous code (such as P07) or initials (at most 4 letters)."
        }
        if digits >= 10 {
            return "\(what) \"\(code)\" looks like an NHS or phone number. Use a pseudonymous code such as P07."
        }
        if digits >= 6, codeHoldsDate(Array(bytes)) {
            return "\(what) \"\(code)\" looks like a date. Use a pseudonymous code such as P07."
        }
        return nil
    }

    /// The shape of a participant code when the programme's content declares none: up to 4
    /// letters then up to 4 digits, optionally after a prefix of the same shape and a hyphen
    /// (P07, S01-P07, AB, JB2).
    public static let defaultParticipantCodeShape = "letters then digits, optionally after a hyphenated prefix, such as P07 or S01-P07"

    /// A participant's (or walk-in's) code: the rules of every code, then the shape the content
    /// declares (`shape`, pinned in the delivery-opened event) or, when it declares none, the
    /// default shape.
    public static func refusal(forParticipantCode code: String, shape: ParticipantCodeShape? = nil,
                               what: String = "The participant code") -> String? {
        if let refusal = refusal(forCode: code, what: what) { return refusal }
        if let shape {
            return shape.accepts(code) ? nil : "\(what) \"\(code)\" is not a participant code of this programme: use \(shape.words)."
        }
        // One or two hyphen-separated parts, each 1 to 4 letters then at most 4 digits, read in
        // place (every attendance mark passes through here).
        var parts = 1, letters = 0, digits = 0, fits = true
        for byte in code.utf8 {
            if byte == 0x2D {
                fits = fits && (1...4).contains(letters) && digits <= 4
                parts += 1
                (letters, digits) = (0, 0)
            } else if isLetter(byte) {
                fits = fits && digits == 0
                letters += 1
            } else if isDigit(byte) {
                digits += 1
            } else {
                fits = false
            }
        }
        fits = fits && (1...4).contains(letters) && digits <= 4
        guard fits, parts <= 2 else {
            return "\(what) \"\(code)\" is not a participant code: use \(defaultParticipantCodeShape)."
        }
        return nil
    }

    /// Hyphen-separated numbers making a date (1955-03-12, 12-03-1955), or 8 digits in a row that
    /// read as one (19550312, 12031955).
    private static func codeHoldsDate(_ bytes: [UInt8]) -> Bool {
        var runs: [NumberScan.Run] = []
        var current = NumberScan.Run()
        for byte in bytes + [0x2D] {
            if isDigit(byte) {
                current.length += 1
                if current.length <= 8 { current.value = current.value * 10 + Int(byte - 0x30) }
            } else if current.length > 0 {
                runs.append(current)
                current = NumberScan.Run()
            }
        }
        for run in runs where run.length == 8 && isEightDigitDate(run.value, years: 1900...2099) { return true }
        if runs.count >= 3 {
            for index in 0...(runs.count - 3) where isDate(runs[index], runs[index + 1], runs[index + 2], years: 1900...2099) {
                return true
            }
        }
        return false
    }

    // MARK: Free text

    /// Why a piece of free text cannot be saved, or nil when it can. `what` names the field
    /// ("note", "reason", "comment").
    public static func refusal(forText text: String, what: String) -> String? {
        guard let found = screen(text) else { return nil }
        let fields = what.prefix(1).uppercased() + what.dropFirst() + "s"
        return "This \(what) looks like it holds \(found.phrase). \(fields) must not identify anyone: remove it and save again."
    }

    /// Why a note cannot be saved, or nil when it can.
    public static func refusal(forNote text: String) -> String? { refusal(forText: text, what: "note") }

    /// The one screening of free text. The text is normalised first (NFKC; digits of every script
    /// to ASCII; zero-width characters dropped; spaces, dashes, underscores, slashes, dots and
    /// brackets as separators; "(at)" as "@"), then walked once: NHS numbers (any 10 digits in a
    /// row of a number, separators allowed, with a valid check digit), UK phone numbers (0…, +…,
    /// 0044…, 44… with 10 or more digits), email addresses (spaces around the "@" allowed, and
    /// "name at domain.org") and dates of birth (a full date with a year from 1900 to 2009).
    /// Linear in the length of the text.
    public static func screen(_ text: String) -> Identifier? {
        let folded = normalised(text)
        if let found = screenNumbers(folded) { return found }
        if hasEmail(folded) { return .email }
        if hasWrittenDate(folded) { return .dateOfBirth }
        return nil
    }

    /// Years a full date in free text is taken as a date of birth: the programme's participants
    /// are adults, and the dates of its own sessions are later.
    static let birthYears = 1900...2009

    /// The text as bytes: ASCII letters lower-cased, every decimal digit as its ASCII digit,
    /// separators as one of ` -_./()`, zero-width and format characters dropped, other letters as
    /// 0x80 and anything else as itself when ASCII or `#`.
    static func normalised(_ text: String) -> [UInt8] {
        let ascii = text.utf8.withContiguousStorageIfAvailable(foldASCII) ?? nil
        return foldSpelledAt(ascii ?? foldScalars(text.precomposedStringWithCompatibilityMapping))
    }

    /// ASCII as it is folded, one byte to one: letters lower-cased, whitespace as a space,
    /// [ { as ( and ] } as ), a backslash as a slash.
    private static let asciiFold: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x41...0x5A: UInt8(byte + 0x20)
        case 0x09...0x0D: 0x20
        case 0x5B, 0x7B: 0x28
        case 0x5D, 0x7D: 0x29
        case 0x5C: 0x2F
        default: UInt8(byte)
        }
    }

    /// The fold of ASCII text, or nil when the text is not all ASCII.
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: bytes.count)
        let allASCII = out.withUnsafeMutableBufferPointer { out in
            asciiFold.withUnsafeBufferPointer { table in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    if byte >= 0x80 { return false }
                    out[index] = table[Int(byte)]
                }
                return true
            }
        }
        return allASCII ? out : nil
    }

    private static func foldScalars(_ source: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                out.append(asciiFold[Int(value)])
                continue
            }
            let properties = scalar.properties
            if properties.numericType == .decimal, let number = properties.numericValue, number >= 0, number <= 9 {
                out.append(0x30 + UInt8(number))
            } else if properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint {
                continue
            } else if properties.isWhitespace || properties.generalCategory == .spaceSeparator {
                out.append(0x20)
            } else if properties.generalCategory == .dashPunctuation || value == 0x2212 {
                out.append(0x2D)
            } else if value == 0x2044 || value == 0x2215 {
                out.append(0x2F)                    // fraction and division slashes
            } else if value == 0x2024 || value == 0x00B7 || value == 0x30FB || value == 0xFF61 || value == 0x3002 {
                out.append(0x2E)                    // one-dot leader, middle dots, ideographic full stops
            } else if properties.isAlphabetic {
                out.append(0x80)
            } else {
                out.append(0x23)
            }
        }
        return out
    }

    /// "(at)", "[at]", "{at}" (already folded to round brackets) as "@".
    private static func foldSpelledAt(_ out: [UInt8]) -> [UInt8] {
        guard out.contains(0x28) else { return out }
        var folded: [UInt8] = []
        folded.reserveCapacity(out.count)
        var index = 0
        while index < out.count {
            if out[index] == 0x28, index + 3 < out.count, out[index + 1] == 0x61, out[index + 2] == 0x74, out[index + 3] == 0x29 {
                folded.append(0x40)
                index += 4
            } else {
                folded.append(out[index])
                index += 1
            }
        }
        return folded
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F || byte == 0x28 || byte == 0x29
    }

    /// Numbers are digits joined by up to three separators ("020 7946 0000", "(020) 7946 0000",
    /// "943-476-5919", "1 943 476 5919"). The text is walked once, keeping only the last ten digits
    /// and the last three runs of the number being read, so the time is linear in its length.
    static func screenNumbers(_ text: [UInt8]) -> Identifier? {
        var number = NumberScan()
        var pendingPlus = false
        for byte in text {
            if byte >= 0x30 && byte <= 0x39 {
                if let found = number.digit(byte - 0x30, plus: pendingPlus) { return found }
                pendingPlus = false
            } else if number.count > 0, number.gap < 3, isSeparator(byte) {
                number.separator(byte)
            } else {
                if let found = number.finish() { return found }
                // "+44 (0)…": the sign, and brackets or spaces after it, still count for the number that follows.
                if byte == 0x2B { pendingPlus = true } else if !(pendingPlus && (byte == 0x20 || byte == 0x28)) { pendingPlus = false }
            }
        }
        return number.finish()
    }

    /// The number being read: its digit count, its last ten digits with their check sum kept as
    /// they slide (constant work per digit), where its phone-like runs start, and its last three
    /// runs (for dates).
    struct NumberScan {
        struct Run { var length = 0; var value = 0; var separator: UInt8 = 0x20 }
        var count = 0
        var gap = 0
        var gapKind: UInt8 = 0x20
        var plus = false
        var window = [UInt8](repeating: 0, count: 10)
        /// The last ten digits weighted 10 (oldest) down to 1 (newest), and their plain sum.
        var weighted = 0
        var total = 0
        var zeroStart = -1
        var fortyFourStart = -1
        /// The last three runs, oldest first, and how many there are (up to 3).
        var first = Run(), second = Run(), third = Run()
        var runs = 0
        var inRun = false

        mutating func digit(_ value: UInt8, plus sign: Bool) -> Identifier? {
            if count == 0 { plus = sign }
            if !inRun {
                if count > 0, let found = endRun() { return found }
                if runs == 3 { first = second; second = third } else { runs += 1 }
                let run = Run(separator: gapKind)
                if runs == 1 { first = run } else if runs == 2 { second = run } else { third = run }
                if value == 0, zeroStart < 0 { zeroStart = count }
                inRun = true
            }
            let digit = Int(value)
            var run = runs == 1 ? first : runs == 2 ? second : third
            if run.length == 1, run.value == 4, digit == 4, fortyFourStart < 0 { fortyFourStart = count - 1 }
            run.length += 1
            if run.length <= 8 { run.value = run.value * 10 + digit }
            if runs == 1 { first = run } else if runs == 2 { second = run } else { third = run }
            // Each digit already in the window moves one weight up; the oldest leaves at 10.
            let slot = count % 10
            if count >= 10 {
                let oldest = Int(window[slot])
                weighted += total - oldest - 10 * oldest + digit
                total += digit - oldest
            } else {
                weighted += total + digit
                total += digit
            }
            window[slot] = value
            count += 1
            gap = 0
            gapKind = 0x20
            if plus, count >= 8 { return .phoneNumber }
            if zeroStart >= 0, count - zeroStart >= 10 { return .phoneNumber }
            if fortyFourStart >= 0, count - fortyFourStart >= 12 { return .phoneNumber }
            if count >= 10 {
                // The first nine weighted 10 down to 2, the newest digit the check digit.
                let check = 11 - (weighted - digit) % 11
                if check != 10, (check == 11 ? 0 : check) == digit { return .nhsNumber }
            }
            return nil
        }

        mutating func separator(_ byte: UInt8) {
            inRun = false
            gap += 1
            if byte != 0x20, byte != 0x28, byte != 0x29, gapKind == 0x20 { gapKind = byte }
        }

        /// A run of digits has ended: is it, or are the last three runs, a date?
        mutating func endRun() -> Identifier? {
            let last = runs == 1 ? first : runs == 2 ? second : third
            if last.length == 8, Privacy.isEightDigitDate(last.value, years: Privacy.birthYears) { return .dateOfBirth }
            if runs == 3, second.separator == third.separator, Privacy.isDate(first, second, third, years: Privacy.birthYears) { return .dateOfBirth }
            return nil
        }

        mutating func finish() -> Identifier? {
            let found = count > 0 ? endRun() : nil
            if count > 0 || gap > 0 { self = NumberScan(window: window) }
            return found
        }

        init(window: [UInt8] = [UInt8](repeating: 0, count: 10)) { self.window = window }
    }

    /// Day, month and year in either order (12/03/1955, 1955-03-12; month first too).
    static func isDate(_ a: NumberScan.Run, _ b: NumberScan.Run, _ c: NumberScan.Run, years: ClosedRange<Int>) -> Bool {
        if a.length == 4, (1...2).contains(b.length), (1...2).contains(c.length) {
            return years.contains(a.value) && isDayMonth(c.value, b.value)
        }
        if (1...2).contains(a.length), (1...2).contains(b.length), c.length == 4 {
            return years.contains(c.value) && (isDayMonth(a.value, b.value) || isDayMonth(b.value, a.value))
        }
        return false
    }

    /// Eight digits as YYYYMMDD or DDMMYYYY.
    static func isEightDigitDate(_ value: Int, years: ClosedRange<Int>) -> Bool {
        (years.contains(value / 10_000) && isDayMonth(value % 100, value / 100 % 100))
            || (years.contains(value % 10_000) && isDayMonth(value / 1_000_000, value / 10_000 % 100))
    }

    private static func isDayMonth(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }

    /// An "@" (or the word "at") with a name before it and a domain with a dot after it, spaces
    /// around the "@" allowed: "jo@example.org", "john.smith @ nhs.net", "jo at nhs.net".
    static func hasEmail(_ text: [UInt8]) -> Bool {
        var index = 0
        let count = text.count
        while index < count {
            var after = -1
            var spaced = false
            if text[index] == 0x40 {
                after = index + 1
                spaced = true
            } else if text[index] == 0x61, index + 2 < count, index > 0, text[index - 1] == 0x20, text[index + 1] == 0x74, text[index + 2] == 0x20 {
                after = index + 3
            }
            guard after >= 0 else { index += 1; continue }
            // Before: a character of an address's name, after at most three spaces for an "@".
            var before = index - 1
            if spaced { var skipped = 0; while before >= 0, text[before] == 0x20, skipped < 3 { before -= 1; skipped += 1 } }
            else { before = index - 2 }
            let named = before >= 0 && (isLetterOrDigit(text[before]) || (spaced && (text[before] == 0x2E || text[before] == 0x5F || text[before] == 0x2D)))
            // After: a domain, with at least one dot and a last part of two or more letters.
            var position = after
            if spaced { var skipped = 0; while position < count, text[position] == 0x20, skipped < 3 { position += 1; skipped += 1 } }
            let start = position
            while position < count, isLetterOrDigit(text[position]) || text[position] == 0x2D || text[position] == 0x2E { position += 1 }
            if named, isDomain(text[start..<position], spelled: !spaced) { return true }
            index = max(index + 1, position)
        }
        return false
    }

    /// A domain: a dot, and at least two letters after the last one. After a spelled-out "at" the
    /// last part must also be a common ending, so "arrived at 10.Then" is not an address.
    private static func isDomain(_ domain: ArraySlice<UInt8>, spelled: Bool) -> Bool {
        var trimmed = domain
        while trimmed.last == 0x2E { trimmed = trimmed.dropLast() }
        guard let dot = trimmed.lastIndex(of: 0x2E), dot > trimmed.startIndex else { return false }
        let last = trimmed[(dot + 1)...]
        guard last.count >= 2, last.allSatisfy(isLetter) else { return false }
        return !spelled || spelledEndings.contains(where: { $0.elementsEqual(last) })
    }

    private static let spelledEndings: [[UInt8]] = ["uk", "com", "org", "net", "nhs", "gov", "ac", "co", "edu", "io", "info", "me", "scot", "wales", "ie"]
        .map { Array($0.utf8) }

    /// A date with the month in words and a year of `birthYears`: "12 March 1955", "12th of Mar
    /// 1955", "March 12, 1955". Words are read one after another, keeping the last three.
    static func hasWrittenDate(_ text: [UInt8]) -> Bool {
        enum Token: Equatable { case number(Int, Int), month, other }
        var tokens: [Token] = [.other, .other, .other]
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            var token = Token.other
            if isDigit(byte) {
                var value = 0, length = 0
                while index < count, isDigit(text[index]) { if length < 6 { value = value * 10 + Int(text[index] - 0x30) }; length += 1; index += 1 }
                // "12th", "1st": the ending belongs to the number.
                while index < count, isLetter(text[index]) { index += 1 }
                token = .number(value, length)
            } else if isLetter(byte) {
                let start = index
                while index < count, isLetter(text[index]) { index += 1 }
                let word = text[start..<index]
                if word.elementsEqual("of".utf8) { continue }
                token = months.contains(where: { month in word.count >= 3 && word.count <= month.count && month.starts(with: word) }) ? .month : .other
            } else {
                index += 1
                if byte == 0x20 || byte == 0x2C || byte == 0x2E || byte == 0x2D || byte == 0x2F { continue }
            }
            tokens[0] = tokens[1]; tokens[1] = tokens[2]; tokens[2] = token
            if case .number(let year, 4) = tokens[2], birthYears.contains(year) {
                if case .number(let day, let length) = tokens[0], length <= 2, (1...31).contains(day), tokens[1] == .month { return true }
                if case .number(let day, let length) = tokens[1], length <= 2, (1...31).contains(day), tokens[0] == .month { return true }
            }
        }
        return false
    }

    private static let months: [[UInt8]] = ["january", "february", "march", "april", "may", "june", "july", "august",
                                            "september", "october", "november", "december"].map { Array($0.utf8) }

    // MARK: NHS numbers

    /// NHS numbers carry a modulus-11 check digit: weights 10 down to 2 on the first nine digits.
    public static func isValidNHSNumber(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 10, digits.count == 10 else { return false }
        return isValidNHSNumber(values.map(UInt8.init)[...])
    }

    static func isValidNHSNumber(_ values: ArraySlice<UInt8>) -> Bool {
        guard values.count == 10 else { return false }
        var sum = 0
        var weight = 10
        for value in values.prefix(9) { sum += Int(value) * weight; weight -= 1 }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return (check == 11 ? 0 : check) == Int(values[values.endIndex - 1])
    }

    // MARK: Events

    /// Every code and free-text field of an event that the rules above refuse, with the key it is
    /// under: what `iwotch journal check` reports.
    /// `participantCodes`: the masks the delivery's opening pinned (nil: the default shape).
    public static func problems(in event: JournalEvent, participantCodes: ParticipantCodeShape? = nil) -> [(key: String, message: String)] {
        var found: [(key: String, message: String)] = []
        func code(_ value: String, _ key: String, _ what: String) {
            if let problem = refusal(forCode: value, what: what) { found.append((key, problem)) }
        }
        func text(_ value: String, _ key: String, _ what: String) {
            if let problem = refusal(forText: value, what: what) { found.append((key, problem)) }
        }
        if !event.actor.isEmpty { code(event.actor, "actor", "The actor's code") }
        switch event.body {
        case .deliveryOpened(let data):
            code(data.group, "group", "The group code")
            code(data.site, "site", "The site code")
            for facilitator in data.facilitators { code(facilitator.code, "facilitators", "The facilitator code") }
        case .participantEnrolled(let data):
            if let problem = refusal(forParticipantCode: data.participant, shape: participantCodes) { found.append(("participant", problem)) }
        case .attendanceMarked(let data):
            code(data.participant, "participant", "The participant code")
        case .noteAdded(let data):
            text(data.text, "text", "note")
        case .fidelityRated(let data):
            if let adaptation = data.adaptation { text(adaptation.reason, "adaptation", "adaptation reason") }
        case .correction(let data):
            text(data.reason, "reason", "correction reason")
            if case .string(let new) = data.new { text(new, "new", "corrected value") }
        case .supervisorReview(let review):
            if let comment = review.comment { text(comment, "comment", "comment") }
            if let practise = review.toPractise { text(practise, "to_practise", "note of what to practise") }
        case .activityStarted, .activityEnded, .stepShown, .timerPaused, .timerResumed, .deliveryClosed, .damageFound, .consoleResumed:
            break
        }
        return found
    }

    // MARK: Bytes

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
}
