import Foundation

/// The journal holds no names, dates of birth, NHS numbers or clinical data: participants are
/// pseudonymous codes or initials, and free text that looks like an identifier is refused before
/// it is written. A register of who attended an opioid-tapering course is health data even when
/// it holds only codes, so nothing more than the codes goes in.
public enum Privacy {
    /// A code for a participant, facilitator, group or site: letters, digits and hyphens, at most
    /// 12 characters, starting with a letter or digit. A code without digits is taken as initials
    /// and may have at most 4 letters, so a first name cannot pass as a code.
    public static func refusal(forCode code: String, what: String) -> String? {
        if isPlainCode(code) { return nil }
        let valid = !code.isEmpty && code.count <= 12 && code.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard valid else {
            return "\(what) \"\(code)\" is not a code: use letters, digits and hyphens only, at most 12 characters (for example P07 or S01-P07)."
        }
        if !code.contains(where: \.isNumber) && code.count > 4 {
            return "\(what) \"\(code)\" looks like a name. Use a pseudonymous code with digits (such as P07) or initials (at most 4 letters)."
        }
        return nil
    }

    /// The usual code, such as P07 or N01, accepted on its bytes: the rules below go through it
    /// character by character, and a report checks every participant of every journal. Any code
    /// this does not accept is judged by those rules.
    private static func isPlainCode(_ code: String) -> Bool {
        var digits = false
        var count = 0
        for byte in code.utf8 {
            switch byte {
            case 0x30...0x39: digits = true
            case 0x41...0x5A, 0x61...0x7A: break
            case 0x2D where count > 0: break
            default: return false
            }
            count += 1
            if count > 12 { return false }
        }
        return count > 0 && (digits || count <= 4)
    }

    /// Why a note cannot be saved, or nil when it can.
    public static func refusal(forNote text: String) -> String? {
        // The pattern needs an "@"; looking for one first spares building the expression for every note.
        if text.utf8.contains(0x40), text.range(of: #"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}"#, options: .regularExpression) != nil {
            return "This note looks like it holds an email address. Notes must not identify anyone: remove it and save again."
        }
        // Numbers are runs of ASCII digits: a note without any has none, and walking it character
        // by character was most of the time spent checking notes.
        guard text.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        for run in digitRuns(in: text) {
            if run.digits.count == 10 && isValidNHSNumber(run.digits) {
                return "This note looks like it holds an NHS number. Notes must not identify anyone: remove it and save again."
            }
            let international = run.plus && (8...15).contains(run.digits.count)
            let national = run.digits.hasPrefix("0") && (10...11).contains(run.digits.count)
            let withCountryCode = run.digits.hasPrefix("44") && run.digits.count == 12
            if international || national || withCountryCode {
                return "This note looks like it holds a phone number. Notes must not identify anyone: remove it and save again."
            }
        }
        return nil
    }

    /// NHS numbers carry a modulus-11 check digit: weights 10 down to 2 on the first nine digits.
    public static func isValidNHSNumber(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == 10 else { return false }
        let sum = zip(values.prefix(9), stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return (check == 11 ? 0 : check) == values[9]
    }

    /// Runs of digits joined by up to two spaces, hyphens, dots or brackets ("020 7946 0000",
    /// "(020) 7946 0000", "943-476-5919"), with whether a "+" came before them.
    static func digitRuns(in text: String) -> [(digits: String, plus: Bool)] {
        var runs: [(String, Bool)] = []
        var digits = ""
        var plus = false
        var separators = 0
        var previous: Character = " "
        var beforeRun: Character = " "
        for character in text {
            if character.isASCII, character.isNumber {
                if digits.isEmpty { plus = beforeRun == "+" || previous == "+" }
                digits.append(character)
                separators = 0
            } else if !digits.isEmpty, " -.()".contains(character), separators < 2 {
                separators += 1
            } else {
                if !digits.isEmpty { runs.append((digits, plus)) }
                digits = ""
                separators = 0
                // "+44 (0)..." and "(020)...": the sign or bracket before the first digit still counts.
                if character == "(" || character == "+" { beforeRun = character } else { beforeRun = " " }
            }
            previous = character
        }
        if !digits.isEmpty { runs.append((digits, plus)) }
        return runs
    }
}
