/// How a programme's participant codes look, as its content declares them (`participant_codes`
/// in programme.yaml): one or more masks, in which `#` stands for a digit, `@` for a letter, and
/// any other letter, digit or hyphen for itself (letters in either case). `["P##", "S##-P##"]`
/// accepts P07 and s01-p07 and refuses P7, P007 and 07.
///
/// Masks, not regular expressions: a mask is matched in one pass over the code, so no content
/// file can make a code check slow, and a trainer can read one at a glance. The rules every code
/// follows whatever the masks say (no names, numbers or dates: `Privacy`) are checked first.
public struct ParticipantCodeShape: Sendable, Equatable {
    public var masks: [String]

    public init(masks: [String]) { self.masks = masks }

    /// At most this many masks; each at most `maximumLength` characters, like every code.
    public static let maximumMasks = 8
    public static let maximumLength = 12

    /// Whether `code` fits one of the masks.
    public func accepts(_ code: String) -> Bool {
        masks.contains { Self.fits(Array(code.utf8), mask: Array($0.utf8)) }
    }

    /// The masks as a sentence says them: "P## or S##-P## (# a digit, @ a letter)".
    public var words: String {
        let list = masks.count <= 1 ? masks.joined()
            : masks.dropLast().joined(separator: ", ") + " or " + masks[masks.count - 1]
        let digit = masks.contains { $0.contains("#") }, letter = masks.contains { $0.contains("@") }
        let legend = [digit ? "# a digit" : nil, letter ? "@ a letter" : nil].compactMap { $0 }
        return legend.isEmpty ? list : list + " (" + legend.joined(separator: ", ") + ")"
    }

    /// The `number`th example code of the first mask, for rehearsals' sample rosters: its #s hold
    /// the number, right-aligned and zero-padded, its @s "A" (P## gives P01, P02; S##-P## S00-P01).
    public func example(_ number: Int) -> String {
        var digits = Array(String(max(0, number)).utf8)
        var out: [UInt8] = []
        for byte in (masks.first ?? "#").utf8.reversed() {
            switch byte {
            case 0x23: out.append(digits.popLast() ?? 0x30)
            case 0x40: out.append(0x41)
            default: out.append(byte)
            }
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// Why `mask` cannot be a mask, or nil when it can.
    public static func problem(withMask mask: String) -> String? {
        let bytes = Array(mask.utf8)
        if bytes.isEmpty || bytes.count > maximumLength {
            return "a mask is 1 to \(maximumLength) characters long, as a code is"
        }
        guard bytes.allSatisfy({ isLetterOrDigit($0) || $0 == 0x2D || $0 == 0x23 || $0 == 0x40 }) else {
            return "a mask holds letters, digits, hyphens, # (any digit) and @ (any letter) only"
        }
        guard bytes.contains(0x23) else {
            return "a mask needs at least one # (a digit): codes without digits are initials, and initials are not a participant code pattern"
        }
        return nil
    }

    private static func fits(_ code: [UInt8], mask: [UInt8]) -> Bool {
        guard code.count == mask.count else { return false }
        for (byte, want) in zip(code, mask) {
            switch want {
            case 0x23: guard (0x30...0x39).contains(byte) else { return false }
            case 0x40: guard isLetter(byte) else { return false }
            default: guard lowercased(byte) == lowercased(want) else { return false }
            }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isLetter(byte) || (0x30...0x39).contains(byte) }
    private static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}
