import Foundation
import Programme

/// Where the reader is in the manual browser: the list of sessions, one session's agenda, one
/// item in full (scrolled), or the search with its results.
public struct ManualBrowser: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case sessions, items, detail, search }

    public var level: Level = .sessions
    public var session = 0
    public var item = 0
    /// Rows of the detail page scrolled off the top.
    public var scroll = 0
    public var query = TextInput(limit: 60)
    /// The results of `query`, in the manual's order.
    public var hits: [ManualHit] = []
    /// The chosen result, and the one `n` and `N` move on from.
    public var hitIndex = 0
    /// The hit the detail page marks, after a jump to it.
    public var shownHit: ManualHit?
    /// Whether the chosen result has been gone to: then `n` moves on from it, else `n` goes to it.
    var visitedHit = false
    /// The level the search was opened from, for Esc.
    public var searchReturn: Level = .sessions

    public init() {}

    public func chosenSession(_ programme: Programme) -> Session? {
        programme.sessions.indices.contains(session) ? programme.sessions[session] : nil
    }

    public func chosenItem(_ programme: Programme) -> Activity? {
        guard let session = chosenSession(programme), session.agenda.indices.contains(item) else { return nil }
        return session.agenda[item]
    }

    /// The detail page of the chosen item at the console's width.
    public func page(_ programme: Programme, width: Int) -> ManualPage? {
        guard let session = chosenSession(programme), let item = chosenItem(programme) else { return nil }
        return ManualPage(item: item, number: self.item + 1, of: session.agenda.count, width: width, roles: programme.roles)
    }

    /// Keeps the reader's place in a reloaded programme: the same session and item by id when
    /// they still exist, the search run again, and the marked hit kept if it is still there.
    mutating func follow(from old: Programme, to new: Programme) {
        let sessionID = chosenSession(old)?.id
        let itemID = chosenItem(old)?.id
        session = new.sessions.firstIndex { $0.id == sessionID } ?? min(session, max(0, new.sessions.count - 1))
        let agenda = chosenSession(new)?.agenda ?? []
        item = agenda.firstIndex { $0.id == itemID } ?? min(item, max(0, agenda.count - 1))
        hits = ManualSearch.hits(in: new, for: query.text)
        hitIndex = min(hitIndex, max(0, hits.count - 1))
        shownHit = shownHit.flatMap { shown in
            hits.first { $0.session == shown.session && $0.activity == shown.activity && $0.field == shown.field }
        }
        if chosenItem(new) == nil && level == .detail { level = chosenSession(new) == nil ? .sessions : .items }
    }
}

extension ConsoleState {
    /// Opens the manual browser at its list of sessions.
    public mutating func openManual() { Browsing.open(&self) }
}

/// The browser's keys: arrows and Enter move through sessions and items, PgUp/PgDn scroll an
/// item, / searches, n and N step through the hits, Esc goes back a level.
enum Browsing {
    static func open(_ state: inout ConsoleState) {
        state.screen = .browse
        state.browser.level = .sessions
        state.status = nil
    }

    static func handle(_ state: inout ConsoleState, _ key: Key, now: Date) -> [Effect] {
        if state.browser.level == .search { return search(&state, key, now: now) }
        switch key {
        case .character("/"):
            state.browser.searchReturn = state.browser.level
            state.browser.level = .search
            state.browser.hits = ManualSearch.hits(in: state.programme, for: state.browser.query.text)
            state.browser.hitIndex = min(state.browser.hitIndex, max(0, state.browser.hits.count - 1))
            // "Hit 2 of 5 for …" spoke of the page just left; the search screen counts its own hits.
            state.status = nil
            return []
        case .character("n"): step(&state, by: 1, now: now); return []
        case .character("N"): step(&state, by: -1, now: now); return []
        case .character("q"): return leave(&state)
        default: break
        }
        switch state.browser.level {
        case .sessions: return sessions(&state, key)
        case .items: items(&state, key)
        case .detail: detail(&state, key)
        case .search: break
        }
        return []
    }

    static func leave(_ state: inout ConsoleState) -> [Effect] {
        if state.manualOnly { return [.quit("Goodbye.")] }
        state.screen = .home(Home.returning(from: .browse, state))
        return []
    }

    private static func sessions(_ state: inout ConsoleState, _ key: Key) -> [Effect] {
        let count = state.programme.sessions.count
        switch key {
        case .escape, .left: return leave(&state)
        case .enter, .right:
            guard count > 0 else { return [] }
            state.browser.level = .items
            state.browser.item = 0
        default: state.browser.session = choose(state.browser.session, count: count, key, page: state.bodyRows - 2)
        }
        return []
    }

    private static func items(_ state: inout ConsoleState, _ key: Key) {
        let count = state.browser.chosenSession(state.programme)?.agenda.count ?? 0
        switch key {
        case .escape, .left: state.browser.level = .sessions
        case .enter, .right:
            guard count > 0 else { return }
            showItem(&state, state.browser.item)
        default: state.browser.item = choose(state.browser.item, count: count, key, page: state.bodyRows - 2)
        }
    }

    private static func detail(_ state: inout ConsoleState, _ key: Key) {
        let count = state.browser.chosenSession(state.programme)?.agenda.count ?? 0
        let rows = state.browser.page(state.programme, width: state.viewport.width)?.lines.count ?? 0
        let page = state.bodyRows
        let last = max(0, rows - page)
        var scroll = state.browser.scroll
        switch key {
        case .escape: state.browser.level = .items; return
        case .left: if state.browser.item > 0 { showItem(&state, state.browser.item - 1) }; return
        case .right: if state.browser.item + 1 < count { showItem(&state, state.browser.item + 1) }; return
        case .up: scroll -= 1
        case .down, .enter: scroll += 1
        case .pageUp: scroll -= page - 1
        case .pageDown, .space: scroll += page - 1
        case .home: scroll = 0
        case .end: scroll = last
        default: return
        }
        state.browser.scroll = min(max(0, scroll), last)
    }

    private static func showItem(_ state: inout ConsoleState, _ index: Int) {
        state.browser.item = index
        state.browser.level = .detail
        state.browser.scroll = 0
        state.browser.shownHit = nil
    }

    /// Typing edits the search text and the results follow at once; arrows choose a result,
    /// Enter goes to it, Esc goes back to where the search was opened.
    private static func search(_ state: inout ConsoleState, _ key: Key, now: Date) -> [Effect] {
        let count = state.browser.hits.count
        switch key {
        case .escape: state.browser.level = state.browser.searchReturn
        case .enter: if count > 0 { jump(&state, to: state.browser.hitIndex, now: now) }
        case .up, .down, .pageUp, .pageDown:
            // Each result takes two rows under the search line.
            state.browser.hitIndex = choose(state.browser.hitIndex, count: count, key, page: max(1, (state.bodyRows - 2) / 2))
        default:
            guard state.browser.query.handle(key) else { return [] }
            state.browser.hits = ManualSearch.hits(in: state.programme, for: state.browser.query.text)
            state.browser.hitIndex = 0
            state.browser.visitedHit = false
            // Nothing of the previous search stays: no status about its hits, no hit marked on the page.
            state.status = nil
            state.browser.shownHit = nil
        }
        return []
    }

    /// `n` and `N`: the next or previous hit, round the end of the manual.
    private static func step(_ state: inout ConsoleState, by offset: Int, now: Date) {
        let count = state.browser.hits.count
        guard count > 0 else {
            let query = state.browser.query.text.trimmingCharacters(in: .whitespaces)
            let text = query.isEmpty ? "No search yet: press / and type what to find."
                : "No hits for “\(query)”: press / to search for something else."
            state.status = .init(kind: .info, text: text, at: now)
            return
        }
        let current = min(state.browser.hitIndex, count - 1)
        jump(&state, to: state.browser.visitedHit ? ((current + offset) % count + count) % count : current, now: now)
    }

    /// Opens the hit's item with the hit in view (or the session's agenda for a session title).
    static func jump(_ state: inout ConsoleState, to index: Int, now: Date) {
        let hit = state.browser.hits[index]
        state.browser.hitIndex = index
        state.browser.visitedHit = true
        guard let session = state.programme.sessions.firstIndex(where: { $0.id == hit.session }) else { return }
        state.browser.session = session
        state.browser.shownHit = hit
        let agenda = state.programme.sessions[session].agenda
        if let activity = hit.activity, let item = agenda.firstIndex(where: { $0.id == activity }) {
            state.browser.item = item
            state.browser.level = .detail
            let page = state.browser.page(state.programme, width: state.viewport.width)
            // Two rows of context above the hit, as far as the page allows.
            let row = page?.firstLine(of: hit.field) ?? 0
            state.browser.scroll = min(max(0, row - 2), max(0, (page?.lines.count ?? 0) - state.bodyRows))
        } else {
            state.browser.level = .items
            state.browser.item = 0
        }
        let query = state.browser.query.text.trimmingCharacters(in: .whitespaces)
        state.status = .init(kind: .info, text: "Hit \(index + 1) of \(state.browser.hits.count) for “\(query)”: \(hit.field.label). n next, N previous.", at: now)
    }

    /// A list selection moved by arrows, a page, Home or End.
    static func choose(_ index: Int, count: Int, _ key: Key, page: Int) -> Int {
        guard count > 0 else { return 0 }
        let moved = switch key {
        case .up: index - 1
        case .down: index + 1
        case .pageUp: index - max(1, page)
        case .pageDown: index + max(1, page)
        case .home: 0
        case .end: count - 1
        default: index
        }
        return min(max(0, moved), count - 1)
    }
}
