import CWidth
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal cells text takes, measured the way the ncurses backend draws it.
///
/// Layout and drawing must agree cell for cell, or rows drift. ncurses and terminals disagree about
/// emoji sequences, so we lay out scalar by scalar: joiners and variation selectors are dropped,
/// zero-width scalars join the cell before them, and anything unprintable becomes U+FFFD.
public enum DisplayText {
    /// `wcwidth` answers -1 for every non-ASCII scalar until a UTF-8 locale is in force.
    /// Only C.UTF-8 is guaranteed on Debian machines, so fall back to it.
    private static let localeReady: Bool = {
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? ""
        if current.uppercased().contains("UTF-8") || current.uppercased().contains("UTF8") { return true }
        if setlocale(LC_CTYPE, "") != nil,
           let now = setlocale(LC_CTYPE, nil).map({ String(cString: $0) }),
           now.uppercased().contains("UTF") {
            return true
        }
        return setlocale(LC_CTYPE, "C.UTF-8") != nil
    }()

    /// Scalars that are dropped from layout entirely (joiners and emoji/text variation selectors).
    public static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F: return true
        default: return false
        }
    }

    /// Cells one scalar takes: 0, 1 or 2; -1 when it cannot be shown (a control or unassigned scalar).
    public static func width(of scalar: Unicode.Scalar) -> Int {
        if isDropped(scalar) { return 0 }
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return -1 }
        if v < 0x7F { return 1 }
        _ = localeReady
        return Int(iw_wcwidth(v))
    }

    /// Cells a whole string takes once laid out (unprintable scalars count as one replacement cell).
    public static func width<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let w = width(of: scalar)
            total += w < 0 ? 1 : w
        }
        return total
    }
}
