@testable import DeliveryFacts
import Foundation
import Journal
import Testing

/// A delivery's items kept small: what is read back is what was rated, item by item.
@Suite struct ItemRatingsTests {
    static let agenda = [
        DeliveryOpened.AgendaItem(id: "arrive", kind: "break", title: "Arrival", minutes: 10, lead: [], fidelity: []),
        DeliveryOpened.AgendaItem(id: "talk", kind: "activity", title: "Talk", minutes: 20, lead: ["r1"], fidelity: ["t1", "t2", "t3"]),
        DeliveryOpened.AgendaItem(id: "tea", kind: "break", title: "Tea", minutes: 10, lead: [], fidelity: []),
        DeliveryOpened.AgendaItem(id: "walk", kind: "activity", title: "Walk", minutes: 15, lead: ["r2"], fidelity: ["w1", "w2"]),
    ]
    // "na" is excluded; "odd" repeats the id "fully" further down: the first place counts.
    static let scale = [
        DeliveryOpened.ScaleLevel(id: "fully", label: "Fully", score: 2), DeliveryOpened.ScaleLevel(id: "partly", label: "Partly", score: 1),
        DeliveryOpened.ScaleLevel(id: "na", label: "N/A", score: nil), DeliveryOpened.ScaleLevel(id: "fully", label: "Again", score: 9),
    ]

    func rated(_ item: String, _ level: String, _ roles: [String], adaptation: FidelityRated.Adaptation? = nil) -> (String, FidelityRated) {
        (item, FidelityRated(activity: "", item: item, level: level, deliveredBy: roles, adaptation: adaptation))
    }

    @Test func everyItemReadsBackWithItsRatingScoreAndRoles() {
        let layout = PinnedLayout(agenda: Self.agenda, scale: Self.scale)
        let adapted = FidelityRated.Adaptation(timing: .reactive, fidelityConsistent: true, reason: "room")
        let ratings = ItemRatings(layout: layout, ratings: Dictionary(uniqueKeysWithValues: [
            rated("t1", "fully", ["r1"]), rated("t3", "na", ["r1", "r2"], adaptation: adapted),
            rated("w1", "shaky", ["r2"]), rated("w2", "partly", ["r1"]),
        ]))
        // Five items in agenda order; the maximum is the scale's top score, 9.
        #expect(ratings.map(\.item) == ["t1", "t2", "t3", "w1", "w2"])
        #expect(ratings.map(\.activity) == ["talk", "talk", "talk", "walk", "walk"])
        #expect(ratings.map(\.level) == ["fully", nil, "na", "shaky", "partly"])
        // "fully" scores 2 (its first place), "na" and a level off the scale score nothing.
        #expect(ratings.map(\.score) == [2, nil, nil, nil, 1])
        #expect(ratings.allSatisfy { $0.maximum == 9 })
        #expect(ratings.map(\.deliveredBy) == [["r1"], [], ["r1", "r2"], ["r2"], ["r1"]])
        #expect(ratings.map(\.adaptation) == [nil, nil, adapted, nil, nil])
        // Pooled: 2 + 1 = 3 of 9 + 9 = 18; rated t1, t3, w1, w2; N/A t3 and the off-scale w1.
        let pooled = Adherence.pooled(ratings)
        #expect(pooled == Adherence(score: 3, maximum: 18, ratedItems: 4, excludedItems: 2, unratedItems: 1))
        #expect(Adherence.pooled(ratings[3..<5]) == Adherence(score: 1, maximum: 9, ratedItems: 2, excludedItems: 1, unratedItems: 0))
    }

    @Test func equalRatingsAreEqualWhateverLayoutHoldsThem() {
        let one = ItemRatings(layout: PinnedLayout(agenda: Self.agenda, scale: Self.scale), ratings: Dictionary(uniqueKeysWithValues: [rated("t2", "partly", ["r1"])]))
        let other = ItemRatings(layout: PinnedLayout(agenda: Self.agenda, scale: Self.scale), ratings: Dictionary(uniqueKeysWithValues: [rated("t2", "partly", ["r1"])]))
        let different = ItemRatings(layout: PinnedLayout(agenda: Self.agenda, scale: Self.scale), ratings: Dictionary(uniqueKeysWithValues: [rated("t2", "partly", ["r2"])]))
        #expect(one == other)
        #expect(one != different)
    }

    /// A scale of 300 levels and 300 items each delivered by its own role list: places past a
    /// byte are kept in full, and read back the same as the small ones.
    @Test func placesPastAByteReadBackAsWritten() {
        let scale = (0..<300).map { (place: Int) in DeliveryOpened.ScaleLevel(id: "L\(place)", label: "Level \(place)", score: place) }
        let agenda = [DeliveryOpened.AgendaItem(id: "all", kind: "activity", title: "All", minutes: 60, lead: [], fidelity: (0..<300).map { "i\($0)" })]
        let ratings = Dictionary(uniqueKeysWithValues: (0..<300).map { rated("i\($0)", "L\(299 - $0)", ["r\($0)"]) })
        let items = ItemRatings(layout: PinnedLayout(agenda: agenda, scale: scale), ratings: ratings)
        #expect(items.count == 300)
        for (position, item) in items.enumerated() {
            #expect(item.level == "L\(299 - position)" && item.score == 299 - position && item.maximum == 299)
            #expect(item.deliveredBy == ["r\(position)"])
        }
        // Scores 0 + 1 + … + 299 = 44,850 of 300 × 299 = 89,700.
        #expect(Adherence.pooled(items) == Adherence(score: 44_850, maximum: 89_700, ratedItems: 300, excludedItems: 0, unratedItems: 0))
        #expect(Adherence.pooled(items[0..<2]) == Adherence(score: 299 + 298, maximum: 598, ratedItems: 2, excludedItems: 0, unratedItems: 0))
    }

    @Test func deliveriesOfOnePinnedSessionShareOneLayout() {
        let opened = DeliveryOpened(programme: .init(id: "p", version: "1", fingerprint: "sha256:ab"),
                                    session: .init(id: "s", title: "S", kind: "group", mode: "room", plannedMinutes: 55, agenda: Self.agenda),
                                    group: "G1", site: "A", facilitators: [], dose: .init(sessions: [], minimum: 0, description: ""),
                                    fidelityScale: Self.scale, bands: .init(high: 80, low: 50))
        var copy = opened
        copy.group = "G2"
        #expect(PinnedLayouts.layout(opened) === PinnedLayouts.layout(copy))
        // The same fingerprint and session with another agenda is another layout.
        copy.session.agenda.removeLast()
        #expect(PinnedLayouts.layout(opened) !== PinnedLayouts.layout(copy))
        #expect(PinnedLayouts.layout(copy).items == ["t1", "t2", "t3"])
    }

    @Test func secondsAreReadByItemOnOrOffTheAgenda() {
        let layout = PinnedLayout(agenda: Self.agenda, scale: Self.scale)
        let seconds = ItemSeconds(layout: layout, seconds: ["talk": 1200, "tea": 0, "elsewhere": 30])
        #expect(seconds["talk"] == 1200)
        #expect(seconds["tea"] == 0)
        #expect(seconds["walk"] == nil)
        #expect(seconds["elsewhere"] == 30)
        #expect(seconds["nowhere"] == nil)
        #expect(seconds.all == ["talk": 1200, "tea": 0, "elsewhere": 30])
        #expect(ItemSeconds(layout: layout, seconds: [:])["talk"] == nil)
    }
}
