import DeliveryFacts
import Foundation
import Journal

/// `iwotch report fidelity`: adherence as a share of the maximum score, per delivery, activity,
/// facilitator, site and month; the items most often missed; self-report against supervisors.
public enum FidelityReport {
    public static func make(_ input: ReportInput) -> ReportDocument {
        let bands = input.bands
        // The tables do not depend on each other, so they are made side by side.
        let tables: [@Sendable () -> ReportDocument.Section] = [
            { deliveries(input) }, { activities(input, bands) }, { facilitators(input, bands) }, { sites(input, bands) },
            { months(input, bands) }, { missed(input) }, { agreement(input, bands) },
        ]
        let sections = parallelMap(tables) { $0() }
        return ReportDocument(title: "Fidelity of delivery", facts: input.facts(extra: [
            .init("Adherence", "score as a percentage of the maximum possible (\(scaleText(input))); not-applicable items are left out of both; unrated items are counted apart, never as zero"),
        ]), sections: sections, sources: input.sources)
    }

    static func scaleText(_ input: ReportInput) -> String {
        guard let scale = input.deliveries.last?.opened.fidelityScale else { return "no deliveries" }
        return scale.map { "\($0.label.lowercased()) \($0.score.map(String.init) ?? "excluded")" }.joined(separator: ", ")
    }

    static func deliveries(_ input: ReportInput) -> ReportDocument.Section {
        var table = Table(columns: [
            .init("date", "Date"), .init("site", "Site"), .init("group", "Group"), .init("session", "Session"),
            .init("facilitators", "Facilitators"), .init("score", "Score", numeric: true), .init("maximum", "Max", numeric: true),
            .init("adherence", "Adherence", numeric: true), .init("rated", "Rated", numeric: true),
            .init("not_applicable", "N/A", numeric: true), .init("unrated", "Unrated", numeric: true), .init("delivery", "Delivery"),
        ])
        for record in input.deliveries {
            let own = record.bands
            let a = record.adherence
            table.rows.append([
                .text(record.date), .text(record.site), .text(record.group), .text(record.sessionID),
                .text(record.facilitators.map(\.code).joined(separator: ", ")), .integer(a.score), .integer(a.maximum),
                .percent(a.percent, bands: own), .integer(a.ratedItems), .integer(a.excludedItems), .integer(a.unratedItems), .text(record.id),
            ])
        }
        return .init(id: "deliveries", title: "Adherence per delivery",
                     note: "Each delivery's score over its maximum, on the scale and bands it pinned when it opened.", table: table)
    }

    static func activities(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        var pools: [String: Pool] = [:]
        var order: [(session: String, activity: String, title: String)] = []
        for record in input.deliveries {
            // An activity's items are next to each other: they are pooled a run at a time.
            var start = record.items.startIndex
            while start < record.items.endIndex {
                let activity = record.items[start].activity
                var end = start + 1
                while end < record.items.endIndex, record.items[end].activity == activity { end += 1 }
                let key = record.sessionID + "\u{0}" + activity
                if pools[key] == nil {
                    order.append((record.sessionID, activity, record.opened.session.agenda.first { $0.id == activity }?.title ?? activity))
                }
                pools[key, default: Pool()].add(record.items[start..<end], delivery: record.id)
                start = end
            }
        }
        var table = Table(columns: [
            .init("session", "Session"), .init("activity", "Activity"), .init("title", "Title"),
            .init("deliveries", "Deliveries", numeric: true), .init("rated", "Rated", numeric: true), .init("adherence", "Adherence", numeric: true),
        ])
        for entry in order {
            let pool = pools[entry.session + "\u{0}" + entry.activity]!
            table.rows.append([.text(entry.session), .text(entry.activity), .text(entry.title), .integer(pool.deliveries.count),
                               .integer(pool.rated), .percent(pool.percent, bands: bands)])
        }
        return .init(id: "activities", title: "Adherence per activity, across deliveries",
                     note: "All ratings of an activity's items pooled: total score over total maximum.", table: table,
                     chart: .init(labelColumn: 1, valueColumn: 5, bands: bands))
    }

    /// A delivery counts for each facilitator who co-delivered it.
    static func facilitators(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        var pools: [String: Pool] = [:], roles: [String: Set<String>] = [:]
        for record in input.deliveries {
            for facilitator in record.facilitators {
                // NF1 and nf1 are one facilitator, shown in the canonical form.
                let code = Code.canonical(facilitator.code)
                roles[code, default: []].insert(facilitator.role)
                if !record.items.isEmpty { pools[code, default: Pool()].add(record.items[...], delivery: record.id) }
            }
        }
        var table = Table(columns: [.init("facilitator", "Facilitator"), .init("role", "Role"), .init("deliveries", "Deliveries", numeric: true),
                                    .init("rated", "Rated", numeric: true), .init("adherence", "Adherence", numeric: true)])
        for code in pools.keys.sorted() {
            let pool = pools[code]!
            table.rows.append([.text(code), .text(roles[code]!.sorted().joined(separator: ", ")), .integer(pool.deliveries.count),
                               .integer(pool.rated), .percent(pool.percent, bands: bands)])
        }
        return .init(id: "facilitators", title: "Adherence per facilitator",
                     note: "Every delivery a facilitator co-delivered, its items pooled (both facilitators of a delivery share its figure).",
                     table: table, chart: .init(labelColumn: 0, valueColumn: 4, bands: bands))
    }

    static func sites(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        grouped(input, bands, id: "sites", title: "Adherence per site", key: "site", heading: "Site", by: \.site,
                note: "All deliveries at the site, their items pooled.")
    }

    static func months(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        grouped(input, bands, id: "months", title: "Adherence by month (drift)", key: "month", heading: "Month", by: \.month,
                note: "Deliveries opened in the month, their items pooled; a falling line is drift from the manual.")
    }

    static func grouped(_ input: ReportInput, _ bands: BandMarks, id: String, title: String, key: String, heading: String,
                        by: (DeliveryRecord) -> String, note: String) -> ReportDocument.Section {
        var pools: [String: Pool] = [:]
        for record in input.deliveries where !record.items.isEmpty { pools[by(record), default: Pool()].add(record.items[...], delivery: record.id) }
        var table = Table(columns: [.init(key, heading), .init("deliveries", "Deliveries", numeric: true), .init("rated", "Rated", numeric: true),
                                    .init("adherence", "Adherence", numeric: true)])
        for name in pools.keys.sorted() {
            let pool = pools[name]!
            table.rows.append([.text(name), .integer(pool.deliveries.count), .integer(pool.rated), .percent(pool.percent, bands: bands)])
        }
        return .init(id: id, title: title, note: note, table: table, chart: .init(labelColumn: 0, valueColumn: 3, bands: bands))
    }

    /// Items rated below the top of the scale, most often first.
    static func missed(_ input: ReportInput, limit: Int = 15) -> ReportDocument.Section {
        struct Tally {
            var session = "", activity = "", item = "", text = "", rated = 0, partly = 0, missed = 0
            mutating func count(_ item: DeliveryRecord.ItemRating) {
                rated += 1
                if item.score == 0 { missed += 1 } else if item.score! < item.maximum { partly += 1 }
            }
        }
        var tallies: [String: Tally] = [:]
        for record in input.deliveries {
            for item in record.items where item.isApplicable {
                let key = record.sessionID + "\u{0}" + item.item
                // Counted in place: copying the tally out and back cost more than the counting.
                if let index = tallies.index(forKey: key) {
                    tallies.values[index].count(item)
                } else {
                    var tally = Tally(session: record.sessionID, activity: item.activity, item: item.item,
                                      text: input.itemText(item.item, in: record) ?? "")
                    tally.count(item)
                    tallies[key] = tally
                }
            }
        }
        let ranked = tallies.values.filter { $0.missed + $0.partly > 0 }
            .sorted { ($1.missed + $1.partly, $1.missed, $0.session, $0.item) < ($0.missed + $0.partly, $0.missed, $1.session, $1.item) }
        var table = Table(columns: [.init("session", "Session"), .init("activity", "Activity"), .init("item", "Item"), .init("text", "What is delivered"),
                                    .init("rated", "Rated", numeric: true), .init("not_delivered", "Not", numeric: true),
                                    .init("partly", "Partly", numeric: true), .init("short", "Short of full")])
        for tally in ranked.prefix(limit) {
            table.rows.append([.text(tally.session), .text(tally.activity), .text(tally.item), .text(tally.text), .integer(tally.rated),
                               .integer(tally.missed), .integer(tally.partly), .text(Format.share(tally.missed + tally.partly, of: tally.rated))])
        }
        return .init(id: "missed", title: "Items most often missed or partly delivered",
                     note: "Applicable ratings only. Up to \(limit) items, most often short of full delivery first.", table: table)
    }

    /// Self-report beside supervisors' reviews, item by item, with Cohen's kappa.
    static func agreement(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        var table = Table(columns: [
            .init("delivery", "Delivery"), .init("reviewer", "Reviewer"), .init("method", "Method"), .init("items", "Items", numeric: true),
            .init("self_adherence", "Self", numeric: true), .init("review_adherence", "Reviewer", numeric: true),
            .init("agreement", "Agree", numeric: true), .init("kappa", "Kappa", numeric: true), .init("strength", "Strength"),
            .init("competence", "Competence"),
        ])
        var allPairs: [(String, String)] = []
        var selfPool = Pool(), reviewPool = Pool()
        for record in input.deliveries where !record.reviews.isEmpty {
            let scale = record.opened.fidelityScale
            let byItem = Dictionary(record.items.map { ($0.item, $0) }, uniquingKeysWith: { first, _ in first })
            for review in record.reviews {
                var pairs: [(String, String)] = []
                var ownSelf = Pool(), ownReview = Pool()
                for rating in review.review.ratings {
                    guard let item = byItem[rating.item], let selfLevel = item.level else { continue }
                    pairs.append((selfLevel, rating.level))
                    ownSelf.add(item, delivery: record.id)
                    var reviewed = item
                    reviewed.level = rating.level
                    reviewed.score = scale.first { $0.id == rating.level }?.score
                    ownReview.add(reviewed, delivery: record.id)
                }
                allPairs += pairs
                selfPool.merge(ownSelf)
                reviewPool.merge(ownReview)
                let agreement = Agreement(pairs)
                let competence = "\(review.review.competence)" + (review.review.competenceLabel.map { " \($0)" } ?? "")
                table.rows.append([.text(record.id), .text(review.rater), .text(review.review.method.rawValue), .integer(agreement.pairs),
                                   .percent(ownSelf.percent, bands: bands), .percent(ownReview.percent, bands: bands),
                                   .percent(agreement.percent, bands: nil), .number(agreement.kappa, decimals: 2),
                                   .text(Agreement.strength(agreement.kappa)), .text(competence)])
            }
        }
        if !table.rows.isEmpty {
            let overall = Agreement(allPairs)
            table.rows.append([.text("All reviews"), .text(""), .text(""), .integer(overall.pairs), .percent(selfPool.percent, bands: bands),
                               .percent(reviewPool.percent, bands: bands), .percent(overall.percent, bands: nil),
                               .number(overall.kappa, decimals: 2), .text(Agreement.strength(overall.kappa)), .text("")])
        }
        return .init(id: "agreement", title: "Self-report and supervisor review",
                     note: "Items rated by both the facilitators (live) and a supervisor (afterwards): each side's adherence on those items, exact agreement, and Cohen's kappa over the scale's levels (Landis and Koch's words).",
                     table: table)
    }
}
