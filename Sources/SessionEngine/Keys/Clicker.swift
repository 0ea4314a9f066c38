import Foundation
import Journal

/// What a presenter clicker sends (PgUp/PgDn, arrows, b or . to blank the screen, F5 and Esc to
/// start and stop the show) and how the console keeps those keys from trapping anyone: a question
/// they have no answer for closes, and F5 goes back to the session from any screen over it.
enum Clicker {
    static let keys: [Key] = [.pageUp, .pageDown, .up, .down, .left, .right, .character("b"), .character("."), .function(5), .escape]

    /// Keys that step or page: after a question closes, they act on the screen below it, so a
    /// PgDn after a stray question still moves the session on.
    static let moving = Set(KeyTables.clickerMoves)

    enum Outcome { case answer, closeOnly, closeAndPass }

    /// What `key` does to `dialog` before the dialog's own keys are read.
    static func outcome(_ key: Key, _ dialog: ConsoleState.Dialog) -> Outcome {
        switch dialog {
        case .confirmQuit:
            // Only y leaves; every other key stays, and a moving key then acts.
            switch key {
            case .character("y"), .character("Y"): return .answer
            case _ where moving.contains(key): return .closeAndPass
            default: return .closeOnly
            }
        case .absenceNotice:
            switch key {
            case .character("y"), .character("Y"), .character("n"), .character("N"), .escape: return .answer
            case _ where moving.contains(key): return .closeAndPass
            case .character("b"), .character("."), .enter: return .closeOnly
            default: return .answer
            }
        case .walkIn, .adaptation:
            // Text is typed here: only the keys that cannot be text or a cursor movement close it.
            return KeyTables.clickerLeaves.contains(key) ? .closeAndPass : .answer
        }
    }

    /// F5 over a running delivery: back to the walk-through from the screens it opens (the
    /// screen's own state is dropped as its Esc would drop it). True when it did.
    static func backToSession(_ state: inout ConsoleState) -> Bool {
        guard let delivery = state.delivery, !delivery.isClosed else { return false }
        switch state.screen.kind {
        case .register, .checklist, .agenda, .itemText, .note, .close, .timing, .help:
            state.screen = .walkthrough(WalkthroughScreen())
            return true
        case .home, .setup, .walkthrough, .browse, .audit:
            return false
        }
    }
}
