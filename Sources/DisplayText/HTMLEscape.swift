import Foundation

extension DisplayText {
    /// Text made safe to place in HTML element content and quoted attribute values, for the printable
    /// pages (session plans, reports). Control and direction-changing characters are shown as codes,
    /// as on the terminal, so a journal or content file can neither open a tag nor reorder a line.
    public static func htmlEscaped(_ text: String) -> String {
        let safe = sanitised(text.replacingOccurrences(of: "\n", with: " "))
        var out = ""
        out.reserveCapacity(safe.utf8.count)
        for scalar in safe.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
