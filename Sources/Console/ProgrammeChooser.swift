import Backend
import ConsoleInput
import Foundation
import Views

/// Asks which programme to open when there are several: arrows, PageUp and PageDown (what a
/// presenter clicker sends) and Tab move, a digit picks, Enter, Space, → or F5 opens, q or Esc
/// leaves. Nothing is loaded or recorded until one is chosen.
@MainActor
public enum ProgrammeChooser {
    public enum Outcome: Sendable, Equatable { case move(Int), open(Int), leave, ignore }

    /// What `key` does with `count` programmes listed and `selection` highlighted.
    public nonisolated static func handle(_ key: Key, selection: Int, count: Int) -> Outcome {
        guard count > 0 else { return .leave }
        switch key {
        case .up, .pageUp, .backTab, .left: return .move((selection + count - 1) % count)
        case .down, .pageDown, .tab: return .move((selection + 1) % count)
        case .home: return .move(0)
        case .end: return .move(count - 1)
        case .enter, .character(" "), .right, .function(5): return .open(selection)
        case .character("q"), .escape: return .leave
        case .character(let digit) where digit.isASCII && digit.isNumber:
            let index = Int(String(digit))! - 1
            return (0..<count).contains(index) ? .open(index) : .ignore
        default: return .ignore
        }
    }

    /// The chosen programme's index, or nil when the user left (or a stop signal came).
    public static func run(_ programmes: [(title: String, detail: String)], on backend: some TerminalBackend) -> Int? {
        let choices = programmes.map { ProgrammeChoice(title: $0.title, detail: $0.detail) }
        var selection = 0
        while true {
            let (width, height) = backend.size
            backend.draw(ProgrammeChooserView.render(choices, selection: selection, width: width, height: height))
            switch backend.read(timeout: -1) {
            case .key(let key):
                switch handle(key, selection: selection, count: choices.count) {
                case .move(let index): selection = index
                case .open(let index): return index
                case .leave: return nil
                case .ignore: break
                }
            case .resize, .tick: continue
            case .interrupted: return nil
            }
        }
    }
}
