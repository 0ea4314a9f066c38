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
            .init("not_applicable", "N/A", numeric: true), .init("unrated", "Unrated", numeric: true), .init("check", "Check"),
            .init("delivery", "Delivery"),
        ])
        for record in input.deliveries {
            let own = record.bands
            let a = record.adherence
            table.rows.append([
                .text(record.date), .text(record.site), .text(record.group), .text(record.sessionID),
                .text(record.facilitators.map(\.code).joined(separator: ", ")), .integer(a.score), .integer(a.maximum),
                .percent(a.percent, bands: own), .integer(a.ratedItems), .integer(a.excludedItems), .integer(a.unratedItems), input.checkCell(record),
                .text(record.id),
            ])
        }
        return .init(id: "deliveries", title: "Adherence per delivery",
                     note: "Each delivery's score over its maximum, on the scale and bands it pinned when it opened. Check is failed when the delivery was read from a journal that failed `iwotch journal check`: its figures stand as far as the file could be read.", table: table)
    }

    static func activities(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        var pools: [SessionItem: Pool] = [:]
        var order: [(session: String, activity: String, title: String)] = []
        for record in input.deliveries {
            // An activity's items are next to each other: they are pooled a run at a time.
            let items = record.items
            var start = items.startIndex
            while start < items.endIndex {
                let activity = items.activity(at: start)
                var end = start + 1
                while end < items.endIndex, items.activity(at: end) == activity { end += 1 }
                let key = SessionItem(session: record.sessionID, id: activity)
                if pools[key] == nil {
                    order.append((record.sessionID, activity, record.opened.session.agenda.first { $0.id == activity }?.title ?? activity))
                }
                pools[key, default: Pool()].add(items[start..<end], delivery: record.id)
                start = end
            }
        }
        var table = Table(columns: [
            .init("session", "Session"), .init("activity", "Activity"), .init("title", "Title"),
            .init("deliveries", "Deliveries", numeric: true), .init("rated", "Rated", numeric: true), .init("adherence", "Adherence", numeric: true),
            .failedColumn,
        ])
        for entry in order {
            let pool = pools[SessionItem(session: entry.session, id: entry.activity)]!
            table.rows.append([.text(entry.session), .text(entry.activity), .text(entry.title), .integer(pool.deliveries.count),
                               .integer(pool.rated), .percent(pool.percent, bands: bands), .integer(input.failedCount(pool.deliveries))])
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
                                    .init("rated", "Rated", numeric: true), .init("adherence", "Adherence", numeric: true), .failedColumn])
        // With --facilitator, the others' pools hold only the deliveries they shared with the named
        // ones: not their figure, so their rows are left out rather than shown beside it.
        let named = input.filters.facilitators
        for code in pools.keys.sorted() where named.isEmpty || named.contains(where: { Code.same($0, code) }) {
            let pool = pools[code]!
            table.rows.append([.text(code), .text(roles[code]!.sorted().joined(separator: ", ")), .integer(pool.deliveries.count),
                               .integer(pool.rated), .percent(pool.percent, bands: bands), .integer(input.failedCount(pool.deliveries))])
        }
        return .init(id: "facilitators", title: "Adherence per facilitator",
                     note: "Every delivery a facilitator co-delivered, its items pooled (both facilitators of a delivery share its figure)."
                        + (named.isEmpty ? "" : " Only the facilitators named by --facilitator are shown: a co-facilitator's figure over the deliveries they shared with them alone would not be that co-facilitator's figure; report without --facilitator for it."),
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
                                    .init("adherence", "Adherence", numeric: true), .failedColumn])
        for name in pools.keys.sorted() {
            let pool = pools[name]!
            table.rows.append([.text(name), .integer(pool.deliveries.count), .integer(pool.rated), .percent(pool.percent, bands: bands),
                               .integer(input.failedCount(pool.deliveries))])
        }
        return .init(id: id, title: title, note: note, table: table, chart: .init(labelColumn: 0, valueColumn: 3, bands: bands))
    }

    /// Items rated below the top of the scale, the largest share of the times they applied first.
    static func missed(_ input: ReportInput, limit: Int = 15) -> ReportDocument.Section {
        var tallies: [SessionItem: MissedTally] = [:]
        for record in input.deliveries {
            for (position, item) in record.items.enumerated() where item.isApplicable {
                let key = SessionItem(session: record.sessionID, id: item.item)
                // Counted in place: copying the tally out and back cost more than the counting.
                if let index = tallies.index(forKey: key) {
                    tallies.values[index].count(item)
                } else {
                    var tally = MissedTally(session: record.sessionID, position: position, activity: item.activity, item: item.item,
                                            text: input.itemText(item.item, in: record) ?? "")
                    tally.count(item)
                    tallies[key] = tally
                }
            }
        }
        var table = Table(columns: [.init("session", "Session"), .init("activity", "Activity"), .init("item", "Item"), .init("text", "What is delivered"),
                                    .init("applied", "Applied", numeric: true), .init("not_delivered", "Not", numeric: true),
                                    .init("partly", "Partly", numeric: true), .init("short", "Short of full", numeric: true),
                                    .init("short_share", "Share short", numeric: true)])
        for tally in MissedTally.ranked(Array(tallies.values)).prefix(limit) {
            table.rows.append([.text(tally.session), .text(tally.activity), .text(tally.item), .text(tally.text), .integer(tally.applied),
                               .integer(tally.missed), .integer(tally.partly), .integer(tally.short), .percent(tally.share, bands: nil)])
        }
        return .init(id: "missed", title: "Items most often missed or partly delivered",
                     note: "Applicable ratings only. Share short is short of full (not delivered or partly) over the times the item applied. Up to \(limit) items, the largest share first; equal shares, the larger count first, then in agenda order. No minimum: an item that applied once and was missed shows 1 of 1 (100.0%), so read the count beside the share.",
                     table: table)
    }

    /// Self-report beside supervisors' reviews, item by item, with Cohen's kappa.
    static func agreement(_ input: ReportInput, _ bands: BandMarks) -> ReportDocument.Section {
        var table = Table(columns: [
            .init("delivery", "Delivery"), .init("reviewer", "Reviewer"), .init("method", "Method"), .init("items", "Items", numeric: true),
            .init("self_adherence", "Self", numeric: true), .init("review_adherence", "Reviewer", numeric: true),
            .init("agreement", "Agree", numeric: true), .init("kappa", "Kappa", numeric: true), .init("strength", "Strength"),
            .init("competence", "Competence", numeric: true), .init("competence_label", "Competence level"),
        ])
        var allPairs: [Agreement.Pair] = []
        var selfPool = Pool(), reviewPool = Pool()
        for record in input.deliveries where !record.reviews.isEmpty {
            for review in record.reviews {
                let pairs = Agreement.pairs(record, review.review)
                var ownSelf = Pool(), ownReview = Pool()
                for pair in pairs {
                    ownSelf.add(pair.own, delivery: record.id)
                    ownReview.add(pair.reviewed, delivery: record.id)
                }
                allPairs += pairs
                selfPool.merge(ownSelf)
                reviewPool.merge(ownReview)
                let agreement = Agreement(pairs)
                table.rows.append([.text(record.id), .text(review.rater), .text(review.review.method.rawValue), .integer(agreement.pairs),
                                   .percent(ownSelf.percent, bands: bands), .percent(ownReview.percent, bands: bands),
                                   .percent(agreement.percent, bands: nil), .number(agreement.kappa, decimals: 2),
                                   .text(Agreement.strength(agreement.kappa)), .integer(review.review.competence),
                                   .text(review.review.competenceLabel ?? "")])
            }
        }
        if !table.rows.isEmpty {
            let overall = Agreement(allPairs)
            table.rows.append([.text("All reviews"), .text(""), .text(""), .integer(overall.pairs), .percent(selfPool.percent, bands: bands),
                               .percent(reviewPool.percent, bands: bands), .percent(overall.percent, bands: nil),
                               .number(overall.kappa, decimals: 2), .text(Agreement.strength(overall.kappa)), .empty, .text("")])
        }
        return .init(id: "agreement", title: "Self-report and supervisor review",
                     note: "Items rated by both the facilitators (live) and a supervisor (afterwards) on a scored level: an item either side rated not applicable is left out, as it is left out of adherence. Each side's adherence on those items, exact agreement, and Cohen's kappa over the scale's levels (Landis and Koch's words).",
                     table: table)
    }
}

/// An activity or item of one session: the key that pools it across deliveries (two strings
/// hashed together, rather than joined into a new string for every item of every delivery).
struct SessionItem: Hashable {
    var session: String
    var id: String
}

/// One fidelity item of one session across deliveries: how often it applied and fell short.
struct MissedTally {
    var session = "", position = 0, activity = "", item = "", text = "", applied = 0, partly = 0, missed = 0
    var short: Int { missed + partly }
    var share: Double? { applied > 0 ? Double(short) * 100 / Double(applied) : nil }

    mutating func count(_ item: DeliveryRecord.ItemRating) {
        applied += 1
        if item.score == 0 { missed += 1 } else if item.score! < item.maximum { partly += 1 }
    }

    /// The guide's rule: largest share short first, ties by the larger count, then session and the
    /// item's place in the agenda. Shares compare as exact fractions (a·d against c·b), never as
    /// rounded decimals, so 9 of 18 and 10 of 20 tie and 2 of 3 beats 66 of 100.
    static func ranked(_ tallies: [MissedTally]) -> [MissedTally] {
        tallies.filter { $0.short > 0 }.sorted { a, b in
            let left = a.short * b.applied, right = b.short * a.applied
            if left != right { return left > right }
            if a.short != b.short { return a.short > b.short }
            return (a.session, a.position, a.item) < (b.session, b.position, b.item)
        }
    }
}
