import CNcursesw
import ConsoleInput

/// Turns what wget_wch returns into the engine's keys. Presenter clickers are just keyboards
/// that send PgUp/PgDn, arrows or space, so they need nothing special here.
enum KeyDecoder {
    /// A character read (wget_wch returned OK). Nil for control characters we give no meaning.
    static func key(character value: UInt32) -> Key? {
        switch value {
        case 13, 10: return .enter  // nonl() delivers Return as CR; some terminals send LF
        case 27: return .escape
        case 127, 8: return .backspace  // DEL from most terminals, BS (Ctrl-H) from a few
        case 9: return .tab
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (wget_wch returned KEY_CODE_YES), other than KEY_RESIZE.
    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case iw_key_f(1)...iw_key_f(63): return .function(Int(code - iw_key_f(0)))
        default: return nil
        }
    }
}
