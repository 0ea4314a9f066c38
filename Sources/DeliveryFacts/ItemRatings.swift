import Foundation
import Journal

/// A delivery's fidelity items with their ratings, kept small: a region-year's report holds one
/// of these per delivery, and what every delivery of one pinned session shares (activity and item
/// ids, the scale, the maximum) is kept once (`PinnedLayout`). Each delivery keeps only where each
/// rating sits on that scale and who delivered it. Read as `DeliveryRecord.ItemRating` values,
/// built on each read, so every report sees the same items as before.
public struct ItemRatings: RandomAccessCollection, Sendable, Equatable {
    let layout: PinnedLayout
    /// Per item, two bytes: the rating's level (0 unrated, place on `layout.scale` plus one) and
    /// its role list (place in `roleLists`). 255 in either says the item is in `wide`.
    private var cells: [UInt16]
    /// Items whose places do not fit a byte (a scale or a set of role lists of hundreds: only a
    /// hand-made journal has one), and every rating naming a level off the scale.
    private var wide: [Int: Wide]
    /// The distinct role lists of this delivery's ratings (a handful: one role, both together).
    private var roleLists: [[String]]
    /// The few ratings recorded with an adaptation, by item position.
    private var adaptations: [Int: FidelityRated.Adaptation]

    /// An item's rating in full: `level` nil for a level off the scale, with its id in `offScale`.
    struct Wide: Sendable, Equatable {
        var level: Int?
        var offScale: String?
        var roles: Int
    }
    static let wideMark: UInt16 = 255
    static let unratedCell: UInt16 = 0

    /// The agenda's fidelity items in order, each with its latest rating from `ratings` (by item id).
    init(layout: PinnedLayout, ratings: [String: FidelityRated]) {
        self.layout = layout
        var cells: [UInt16] = []
        cells.reserveCapacity(layout.items.count)
        var roleLists: [[String]] = [], wide: [Int: Wide] = [:], adaptations: [Int: FidelityRated.Adaptation] = [:]
        for (position, item) in layout.items.enumerated() {
            guard let rating = ratings[item] else {
                cells.append(Self.unratedCell)
                continue
            }
            let level = layout.levelPlace[rating.level]
            let roles = roleLists.firstIndex(of: rating.deliveredBy) ?? roleLists.endIndex
            if roles == roleLists.endIndex { roleLists.append(rating.deliveredBy) }
            if let level, level + 1 < Self.wideMark, roles < Self.wideMark {
                cells.append(UInt16(level + 1) << 8 | UInt16(roles))
            } else {
                cells.append(Self.wideMark << 8 | Self.wideMark)
                wide[position] = Wide(level: level, offScale: level == nil ? rating.level : nil, roles: roles)
            }
            if let adaptation = rating.adaptation { adaptations[position] = adaptation }
        }
        self.cells = cells
        self.wide = wide
        self.roleLists = roleLists
        self.adaptations = adaptations
    }

    /// The item's level (its place on the scale, or its id when off the scale) and role list place; nil when unrated.
    private func rating(_ position: Int) -> (level: Int?, offScale: String?, roles: Int)? {
        let cell = cells[position]
        if cell == Self.unratedCell { return nil }
        if cell >> 8 == Self.wideMark, let wide = wide[position] { return (wide.level, wide.offScale, wide.roles) }
        return (Int(cell >> 8) - 1, nil, Int(cell & 0xFF))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { cells.count }

    public subscript(position: Int) -> DeliveryRecord.ItemRating {
        let rating = rating(position)
        let level = rating.map { rated in rated.level.map { layout.scale[$0].id } ?? rated.offScale ?? "" }
        let score = rating?.level.flatMap { layout.scale[$0].score }
        return DeliveryRecord.ItemRating(activity: layout.activities[position], item: layout.items[position], level: level, score: score,
                                         maximum: layout.maximum, deliveredBy: rating.map { roleLists[$0.roles] } ?? [],
                                         adaptation: adaptations.isEmpty ? nil : adaptations[position])
    }

    /// The activity the item at `position` belongs to, read without building the item.
    public func activity(at position: Int) -> String { layout.activities[position] }

    /// What pooling needs of the item at `position`, read without building the item: whether it
    /// is rated, and its score (nil for an excluded level or one off the scale).
    func tally(_ position: Int) -> (rated: Bool, score: Int?) {
        let cell = cells[position]
        if cell == Self.unratedCell { return (false, nil) }
        if cell >> 8 != Self.wideMark { return (true, layout.scale[Int(cell >> 8) - 1].score) }
        return (true, rating(position)?.level.flatMap { layout.scale[$0].score })
    }

    /// The same items with the same ratings, however each was stored.
    public static func == (lhs: ItemRatings, rhs: ItemRatings) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

/// What the deliveries pinning one session snapshot and one scale share: the fidelity items in
/// agenda order, the scale with each level's place, and the agenda's item places (for timings).
/// Built once per distinct snapshot and scale (`PinnedLayouts`), not once per delivery.
final class PinnedLayout: Sendable {
    let agenda: [DeliveryOpened.AgendaItem]
    let scale: [DeliveryOpened.ScaleLevel]
    /// Each fidelity item's activity id and item id, in agenda order.
    let activities: [String]
    let items: [String]
    /// The top score of the scale: every applicable item's maximum.
    let maximum: Int
    /// Each level id's first place on the scale.
    let levelPlace: [String: Int]
    /// Each agenda item id's first place in the agenda.
    let agendaPlace: [String: Int]

    init(agenda: [DeliveryOpened.AgendaItem], scale: [DeliveryOpened.ScaleLevel]) {
        self.agenda = agenda
        self.scale = scale
        var activities: [String] = [], items: [String] = []
        for activity in agenda where activity.kind == "activity" {
            for item in activity.fidelity {
                activities.append(activity.id)
                items.append(item)
            }
        }
        self.activities = activities
        self.items = items
        maximum = scale.compactMap(\.score).max() ?? 0
        var levelPlace: [String: Int] = [:]
        for (place, level) in scale.enumerated() where levelPlace[level.id] == nil { levelPlace[level.id] = place }
        self.levelPlace = levelPlace
        var agendaPlace: [String: Int] = [:]
        for (place, item) in agenda.enumerated() where agendaPlace[item.id] == nil { agendaPlace[item.id] = place }
        self.agendaPlace = agendaPlace
    }
}

/// The layouts built so far. Deliveries read from journals share their pinned agenda and scale
/// (`PinnedParts`), so finding a layout is a comparison of two shared arrays; a delivery whose
/// agenda is equal but not shared (the live console's own) finds it by comparing the values.
/// Bounded: past `limit` layouts, each delivery builds its own.
enum PinnedLayouts {
    private static let table = Table()
    static let limit = 512

    static func layout(_ opened: DeliveryOpened) -> PinnedLayout {
        table.layout(key: opened.programme.fingerprint + "\u{0}" + opened.session.id, agenda: opened.session.agenda, scale: opened.fidelityScale)
    }

    private final class Table: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: [PinnedLayout]] = [:]
        private var stored = 0

        func layout(key: String, agenda: [DeliveryOpened.AgendaItem], scale: [DeliveryOpened.ScaleLevel]) -> PinnedLayout {
            lock.lock()
            let found = entries[key]?.first { $0.agenda == agenda && $0.scale == scale }
            lock.unlock()
            if let found { return found }
            let made = PinnedLayout(agenda: agenda, scale: scale)
            lock.lock()
            if stored < PinnedLayouts.limit {
                entries[key, default: []].append(made)
                stored += 1
            }
            lock.unlock()
            return made
        }
    }
}

/// Seconds each agenda item ran, kept beside the pinned agenda's places rather than in a
/// dictionary per delivery; an item id off the agenda (a journal naming one) is kept apart.
public struct ItemSeconds: Sendable, Equatable {
    let layout: PinnedLayout
    /// Per agenda place: the seconds, or NaN when the item never started (eight bytes a place,
    /// where an optional takes sixteen; a time between two instants is never NaN).
    private var onAgenda: [TimeInterval]
    private var offAgenda: [String: TimeInterval]

    init(layout: PinnedLayout, seconds: [String: TimeInterval]) {
        self.layout = layout
        var onAgenda = [TimeInterval](repeating: .nan, count: seconds.isEmpty ? 0 : layout.agenda.count)
        var offAgenda: [String: TimeInterval] = [:]
        for (item, value) in seconds {
            if let place = layout.agendaPlace[item] { onAgenda[place] = value } else { offAgenda[item] = value }
        }
        self.onAgenda = onAgenda
        self.offAgenda = offAgenda
    }

    /// Seconds the item ran, or nil if it never started.
    public subscript(item: String) -> TimeInterval? {
        if let place = layout.agendaPlace[item] { return place < onAgenda.count && !onAgenda[place].isNaN ? onAgenda[place] : nil }
        return offAgenda[item]
    }

    /// Every item that ran, with its seconds.
    public var all: [String: TimeInterval] {
        var all = offAgenda
        for (place, value) in onAgenda.enumerated() where !value.isNaN { all[layout.agenda[place].id] = value }
        return all
    }

    public static func == (lhs: ItemSeconds, rhs: ItemSeconds) -> Bool { lhs.all == rhs.all }
}
