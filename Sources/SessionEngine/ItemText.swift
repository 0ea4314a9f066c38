import Foundation
import Programme

/// The current item in full over the walk-through: aims, every step, key messages, materials,
/// fidelity items and where the item came from, as the manual browser lays them out. At 80x24
/// the walk-through has room for the current step only; this is one key away and scrolls.
public struct ItemTextScreen: Sendable, Equatable {
    /// Rows scrolled off the top.
    public var scroll: Int
    public init(scroll: Int = 0) { self.scroll = scroll }
}

public enum ItemText {
    /// The page of the item running now, laid out at `width` (nil between items): the engine
    /// scrolls the page the view draws, as the manual browser's page is shared.
    public static func page(_ state: ConsoleState, width: Int) -> ManualPage? {
        guard let item = state.currentItem else { return nil }
        let index = state.currentIndex ?? 0
        return ManualPage(item: item, number: index + 1, of: state.agenda.count, width: width, roles: state.programme.roles)
    }

    static func open(_ state: inout ConsoleState) {
        state.screen = .itemText(ItemTextScreen())
    }

    /// Arrows scroll a row, PgUp/PgDn and Space a page, Home/End to the ends; Esc, Enter or the
    /// key that opened it close it (a clicker's Enter leaves the pane rather than doing nothing).
    static func handle(_ state: inout ConsoleState, _ pane: ItemTextScreen, _ key: Key, now: Date) -> [Effect] {
        let rows = page(state, width: state.viewport.width)?.lines.count ?? 0
        let pageRows = state.bodyRows
        let last = max(0, rows - pageRows)
        var scroll = pane.scroll
        switch key {
        case .up, .left: scroll -= 1
        case .down, .right: scroll += 1
        case .pageUp: scroll -= max(1, pageRows - 1)
        case .pageDown, .space: scroll += max(1, pageRows - 1)
        case .home: scroll = 0
        case .end: scroll = last
        case .escape, .enter, .character("i"), .character("q"), .function(5):
            state.screen = .walkthrough(WalkthroughScreen())
            return []
        default: return []
        }
        state.screen = .itemText(ItemTextScreen(scroll: min(max(0, scroll), last)))
        return []
    }
}
