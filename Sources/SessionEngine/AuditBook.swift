import DeliveryFacts
import Foundation
import Journal

/// The supervisor's audit screen: the deliveries read from the journals (newest first) with a
/// filter, one delivery's activities, and one activity's item ratings. The figures come from the
/// `DeliveryFacts` module's `DeliveryRecord`, the very values the reports print.
public struct AuditBook: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case deliveries, delivery, activity, filter }

    /// What was read, as the reports say it: a supervisor must see if a journal failed its check.
    public struct Sources: Sendable, Equatable {
        public var files: Int
        public var failed: [String]
        public var copies: Int
        public var reviews: Int
        public init(files: Int, failed: [String], copies: Int, reviews: Int) {
            self.files = files; self.failed = failed; self.copies = copies; self.reviews = reviews
        }
    }

    public var level: Level = .deliveries
    /// Live deliveries, newest first (rehearsals are practice, never audited).
    public private(set) var records: [DeliveryRecord] = []
    public private(set) var sources = Sources(files: 0, failed: [], copies: 0, reviews: 0)
    /// Indices into `records` that pass the filter, in the same order.
    public private(set) var shown: [Int] = []
    /// Each record's searchable text, folded once when read: a region-year filters per key press.
    private var searchText: [String] = []
    public private(set) var query = TextInput(limit: 40)
    /// Only deliveries below the high band (moderate or low) when set.
    public private(set) var belowBandOnly = false
    /// The chosen line of `shown`, the chosen activity of that delivery, and the item list's scroll.
    public var selection = 0
    public var activity = 0
    public var itemScroll = 0

    public init() {}

    /// The deliveries read (the runtime reads them as the reports do) and what was read.
    public init(records: [DeliveryRecord], sources: Sources) {
        self.records = records.filter { $0.mode == .live }
            .sorted { ($0.date, $0.openedAt, $0.id) > ($1.date, $1.openedAt, $1.id) }
        self.sources = sources
        searchText = self.records.map(AuditMatch.searchText)
        refilter()
    }

    public var chosen: DeliveryRecord? { shown.indices.contains(selection) ? records[shown[selection]] : nil }

    /// The chosen delivery's activities (breaks and other agenda items carry no ratings).
    public var activities: [DeliveryOpened.AgendaItem] { chosen?.opened.session.agenda.filter { $0.kind == "activity" } ?? [] }
    public var chosenActivity: DeliveryOpened.AgendaItem? { activities.indices.contains(activity) ? activities[activity] : nil }

    mutating func edit(_ key: Key) -> Bool {
        guard query.handle(key) else { return false }
        refilter()
        return true
    }

    mutating func toggleBelowBand() {
        belowBandOnly.toggle()
        refilter()
    }

    mutating func clearFilter() { setFilter(TextInput(limit: 40), belowBandOnly: false) }

    mutating func setFilter(_ query: TextInput, belowBandOnly: Bool) {
        self.query = query
        self.belowBandOnly = belowBandOnly
        refilter()
    }

    /// The filter in words, for the screen: empty when everything shows.
    public var filterWords: String {
        var parts: [String] = []
        let text = query.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { parts.append("“\(text)”") }
        if belowBandOnly { parts.append("below the high band") }
        return parts.joined(separator: ", ")
    }

    private mutating func refilter() {
        let keep = chosen?.id
        let words = AuditMatch.words(query.text)
        shown = records.indices.filter { index in
            let record = records[index]
            if belowBandOnly && (record.band ?? .high) == .high { return false }
            return words.allSatisfy(searchText[index].contains)
        }
        selection = keep.flatMap { id in shown.firstIndex { records[$0].id == id } } ?? 0
    }
}

/// The audit filter: every word typed must be found, ignoring case and accents, in one of the
/// things a supervisor knows a delivery by (date, site, group, session, facilitator, its id).
enum AuditMatch {
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map { fold(String($0)) }
    }

    /// The fields joined by a character no one types, so a word never matches across two.
    static func searchText(_ record: DeliveryRecord) -> String {
        fold(([record.date, record.site, record.group, record.sessionID, record.opened.session.title, record.id]
            + record.facilitators.map(\.code)).joined(separator: "\u{1}"))
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
