import Foundation

extension ConsoleState {
    /// Opens the audit screen on journals just read (`iwotch audit`, or home > audit).
    public mutating func openAudit(_ book: AuditBook, now: Date) { Auditing.open(&self, book, now: now) }
}

/// The audit screen's keys: the list of deliveries (/ filters, b below band, x clears), Enter
/// into a delivery's activities and on into an activity's item ratings, Esc back out.
enum Auditing {
    static func open(_ state: inout ConsoleState, _ book: AuditBook, now: Date) {
        // Re-reading keeps the supervisor's place: the same level, filter and delivery if still there.
        var book = book
        if case .audit(let old) = state.screen { book.keepPlace(of: old) }
        state.screen = .audit(book)
        let sources = book.sources
        let count = book.records.count
        let read = "Read \(sources.files) journal \(sources.files == 1 ? "file" : "files"): \(count) live \(count == 1 ? "delivery" : "deliveries")"
        state.status = sources.failed.isEmpty
            ? .init(kind: .info, text: read + ".", at: now)
            : .init(kind: .problem, text: "⚠ \(sources.failed.count) of \(sources.files) journal files failed the check (still read as far as they go). Run: iwotch journal check", at: now)
    }

    static func handle(_ state: inout ConsoleState, _ book: AuditBook, _ key: Key, now: Date) -> [Effect] {
        var book = book
        defer { if state.screen.kind == .audit { state.screen = .audit(book) } }
        let page = max(1, state.bodyRows - 4)
        switch book.level {
        case .filter:
            switch key {
            case .enter, .escape: book.level = .deliveries
            case .up, .down, .pageUp, .pageDown: book.selection = Browsing.choose(book.selection, count: book.shown.count, key, page: page)
            default: _ = book.edit(key)
            }
        case .deliveries:
            switch key {
            case .escape, .left, .character("q"):
                return leave(&state)
            case .enter, .right:
                guard book.chosen != nil else { return [] }
                book.level = .delivery
                book.activity = 0
            case .character("/"): book.level = .filter
            case .character("b"): book.toggleBelowBand()
            case .character("x"): book.clearFilter()
            case .character("r"): return [.loadAudit]
            default: book.selection = Browsing.choose(book.selection, count: book.shown.count, key, page: page)
            }
        case .delivery:
            switch key {
            case .escape, .left: book.level = .deliveries
            case .enter, .right:
                guard book.chosenActivity != nil else { return [] }
                book.level = .activity
                book.itemScroll = 0
            default: book.activity = Browsing.choose(book.activity, count: book.activities.count, key, page: page)
            }
        case .activity:
            switch key {
            case .escape: book.level = .delivery
            case .left where book.activity > 0: book.activity -= 1; book.itemScroll = 0
            case .right where book.activity + 1 < book.activities.count: book.activity += 1; book.itemScroll = 0
            case .up: book.itemScroll = max(0, book.itemScroll - 1)
            case .down: book.itemScroll += 1
            case .pageUp: book.itemScroll = max(0, book.itemScroll - page)
            case .pageDown, .space: book.itemScroll += page
            case .home: book.itemScroll = 0
            default: break
            }
        }
        return []
    }

    static func leave(_ state: inout ConsoleState) -> [Effect] {
        if state.auditOnly { return [.quit("Goodbye.")] }
        state.screen = .home(Home.returning(from: .audit, state))
        state.status = nil
        return []
    }
}

extension AuditBook {
    /// Takes over `old`'s level, filter and chosen delivery and activity where they still apply.
    mutating func keepPlace(of old: AuditBook) {
        let chosenID = old.chosen?.id
        setFilter(old.query, belowBandOnly: old.belowBandOnly)
        if let chosenID, let index = shown.firstIndex(where: { records[$0].id == chosenID }) {
            selection = index
            level = old.level
            activity = min(old.activity, max(0, activities.count - 1))
            itemScroll = old.itemScroll
        } else {
            selection = min(old.selection, max(0, shown.count - 1))
            level = old.level == .filter ? .filter : .deliveries
        }
    }
}
