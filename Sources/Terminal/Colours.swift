import CNcursesw
import Views
#if canImport(Glibc)
import Glibc
#endif

/// Whether to use colour at all. Roles never carry meaning alone (views always add a symbol or a
/// word), so dropping colour loses nothing but emphasis.
public enum ColourMode: Sendable, Equatable {
    /// Colour when the terminal has it and NO_COLOR (https://no-color.org) is unset or empty.
    case auto
    /// Attributes only: bold, reverse, underline, dim.
    case never
}

/// Maps Grid roles to curses attributes and colour pairs. Foregrounds only, on the terminal's own
/// background (-1), so the screen reads on light and dark palettes alike.
struct Palette {
    let usesColour: Bool

    private enum Pair: Int16, CaseIterable {
        case cyan = 1, green, yellow, red, magenta

        var colour: Int16 {
            switch self {
            case .cyan: Int16(COLOR_CYAN)
            case .green: Int16(COLOR_GREEN)
            case .yellow: Int16(COLOR_YELLOW)
            case .red: Int16(COLOR_RED)
            case .magenta: Int16(COLOR_MAGENTA)
            }
        }
    }

    /// Call once curses is started: colour setup needs the screen.
    @MainActor
    init(mode: ColourMode) {
        usesColour = Palette.startColour(mode)
    }

    @MainActor
    private static func startColour(_ mode: ColourMode) -> Bool {
        guard mode == .auto, has_colors() else { return false }
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
        // Without default-colour support we would have to pick a background, which is exactly
        // what breaks light or dark terminals: fall back to attributes instead.
        guard start_color() == OK, use_default_colors() == OK, iw_colors() >= 8 else { return false }
        for pair in Pair.allCases { init_pair(pair.rawValue, pair.colour, -1) }
        return true
    }

    /// Attributes and colour pair for a style.
    func attributes(for style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = attr_t(A_NORMAL)
        var pair: Pair?
        switch style.role {
        case .normal: break
        case .title: attributes |= iw_a_bold()
        case .accent: pair = .cyan
        case .muted: attributes |= iw_a_dim()
        case .ok: pair = .green
        case .warning: pair = .yellow; attributes |= iw_a_bold()
        case .danger: pair = .red; attributes |= iw_a_bold()
        case .banner: pair = .magenta; attributes |= iw_a_reverse()
        }
        if style.bold { attributes |= iw_a_bold() }
        if style.reverse { attributes |= iw_a_reverse() }
        if style.underline { attributes |= iw_a_underline() }
        guard usesColour, let pair else { return (attributes, 0) }
        return (attributes, pair.rawValue)
    }
}
