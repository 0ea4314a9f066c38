import DeliveryFacts
import Foundation
/// `iwotch report timing`: planned against actual minutes per agenda item across deliveries,
/// where sessions overrun, and how long whole sessions take.
public enum TimingReport {
    public static func make(_ input: ReportInput) -> ReportDocument {
        // Seconds throughout: overrun is judged by `Minutes.isOver`, the rule every screen uses.
        struct Item { var session: String, id: String, title: String, planned: Int, actual: [TimeInterval] }
        var items: [String: Item] = [:]
        var order: [String] = []
        var sessions: [String: (planned: Int, actual: [TimeInterval])] = [:]
        for record in input.deliveries {
            for agenda in record.opened.session.agenda {
                guard let seconds = record.seconds[agenda.id] else { continue }
                let key = record.sessionID + "\u{0}" + agenda.id
                if items[key] == nil { order.append(key) }
                items[key, default: Item(session: record.sessionID, id: agenda.id, title: agenda.title, planned: agenda.minutes, actual: [])]
                    .actual.append(seconds)
            }
            // Only closed deliveries have a length; an open one is still running.
            if record.isClosed {
                sessions[record.sessionID, default: (record.opened.session.plannedMinutes, [])].actual.append(record.sessionSeconds)
            }
        }
        var table = Table(columns: [
            .init("session", "Session"), .init("activity", "Item"), .init("title", "Title"), .init("planned", "Planned", numeric: true),
            .init("deliveries", "Runs", numeric: true), .init("median", "Median", numeric: true), .init("min", "Min", numeric: true),
            .init("max", "Max", numeric: true), .init("over", "Median over", numeric: true), .init("overran", "Overran"),
        ])
        var hot: [(Item, Double)] = []
        for key in order {
            let item = items[key]!
            let median = Statistics.median(item.actual)!
            let over = median / 60 - Double(item.planned)
            let overran = item.actual.filter { Minutes.isOver($0, planned: item.planned) }.count
            if Minutes.isOver(median, planned: item.planned) { hot.append((item, over)) }
            let fastest: Double = item.actual.min()! / 60, slowest: Double = item.actual.max()! / 60
            table.rows.append([.text(item.session), .text(item.id), .text(item.title), .integer(item.planned), .integer(item.actual.count),
                               .number(median / 60), .number(fastest), .number(slowest), .number(over),
                               .text(Format.share(overran, of: item.actual.count))])
        }
        var hotTable = Table(columns: [.init("session", "Session"), .init("activity", "Item"), .init("title", "Title"),
                                       .init("planned", "Planned", numeric: true), .init("median", "Median", numeric: true),
                                       .init("over", "Median over", numeric: true)])
        for (item, over) in hot.sorted(by: { ($1.1, $0.0.id) < ($0.1, $1.0.id) }).prefix(10) {
            hotTable.rows.append([.text(item.session), .text(item.id), .text(item.title), .integer(item.planned),
                                  .number(Statistics.median(item.actual)! / 60), .number(over)])
        }
        var sessionTable = Table(columns: [.init("session", "Session"), .init("planned", "Planned", numeric: true),
                                           .init("deliveries", "Closed runs", numeric: true), .init("median", "Median", numeric: true),
                                           .init("min", "Min", numeric: true), .init("max", "Max", numeric: true)])
        for name in sessions.keys.sorted() {
            let entry = sessions[name]!
            sessionTable.rows.append([.text(name), .integer(entry.planned), .integer(entry.actual.count), .number(Statistics.median(entry.actual)! / 60),
                                      .number(entry.actual.min()! / 60), .number(entry.actual.max()! / 60)])
        }
        return ReportDocument(title: "Timing: planned and actual minutes", facts: input.facts(extra: [
            .init("Minutes", "each item's running time from its start to its end, pauses of the session clock taken out; an item run twice counts both runs"),
        ]), sections: [
            .init(id: "items", title: "Minutes per agenda item", note: "Median and range across the deliveries that ran the item; overran counts runs over time: from half a minute past the plan, when the minutes rounded to the nearest are more than planned.", table: table),
            .init(id: "hotspots", title: "Overrun hot spots", note: "Items whose median run is over time (half a minute or more past the plan), longest overrun first (up to 10).", table: hotTable),
            .init(id: "sessions", title: "Session lengths", note: "Closed deliveries only: opening to sign-off, pauses taken out.", table: sessionTable),
        ], sources: input.sources)
    }
}

enum Statistics {
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
