import DeliveryFacts
import Foundation
/// `iwotch report timing`: planned against actual minutes per agenda item across deliveries,
/// where sessions overrun, and how long whole sessions take.
public enum TimingReport {
    /// One agenda item of one session across deliveries: the minutes of each delivery that ran it,
    /// and how many deliveries had it on their agenda and never started it.
    struct Item { var session: String, id: String, title: String, planned: Int, actual: [TimeInterval] = [], notRun = 0, failed = 0 }

    public static func make(_ input: ReportInput) -> ReportDocument {
        // Seconds throughout: overrun is judged by `Minutes.isOver`, the rule every screen uses.
        var items: [String: Item] = [:]
        var order: [String] = []
        var sessions: [String: (planned: Int, actual: [TimeInterval], toClose: Int, interrupted: Int, stopped: Int)] = [:]
        for record in input.deliveries {
            for agenda in record.opened.session.agenda {
                let key = record.sessionID + "\u{0}" + agenda.id
                if items[key] == nil {
                    order.append(key)
                    items[key] = Item(session: record.sessionID, id: agenda.id, title: agenda.title, planned: agenda.minutes)
                }
                // An item never started is still on the agenda: it shows as not run, never vanishes.
                if let seconds = record.seconds[agenda.id] { items[key]!.actual.append(seconds) } else { items[key]!.notRun += 1 }
                if input.readFromFailedFile(record) { items[key]!.failed += 1 }
            }
            // Only closed deliveries have a length; an open one is still running. The length runs to
            // the last sign-off; a delivery closed with no sign-off is measured to its close.
            if record.isClosed {
                var entry = sessions[record.sessionID] ?? (record.opened.session.plannedMinutes, [], 0, 0, 0)
                entry.actual.append(record.signOffSeconds ?? record.sessionSeconds)
                if record.signOffSeconds == nil { entry.toClose += 1 }
                if !record.interruptions.isEmpty { entry.interrupted += 1 }
                entry.stopped += record.interruptedSeconds
                sessions[record.sessionID] = entry
            }
        }
        var table = Table(columns: [
            .init("session", "Session"), .init("activity", "Item"), .init("title", "Title"), .init("planned", "Planned", numeric: true),
            .init("deliveries", "Ran in", numeric: true), .init("not_run", "Not run", numeric: true),
            .init("median", "Median", numeric: true), .init("min", "Min", numeric: true),
            .init("max", "Max", numeric: true), .init("over", "Median over", numeric: true),
            .init("overran", "Overran", numeric: true), .init("overran_share", "Share overran", numeric: true), .failedColumn,
        ])
        var hot: [(Item, Double)] = []
        for key in order {
            let item = items[key]!
            let median = Statistics.median(item.actual)
            let over = median.map { $0 / 60 - Double(item.planned) }
            let overran = item.actual.filter { Minutes.isOver($0, planned: item.planned) }.count
            if let median, let over, Minutes.isOver(median, planned: item.planned) { hot.append((item, over)) }
            table.rows.append([.text(item.session), .text(item.id), .text(item.title), .integer(item.planned), .integer(item.actual.count),
                               .integer(item.notRun), .number(median.map { $0 / 60 }), .number(item.actual.min().map { $0 / 60 }),
                               .number(item.actual.max().map { $0 / 60 }), .number(over), .integer(overran),
                               .percent(item.actual.isEmpty ? nil : Double(overran) * 100 / Double(item.actual.count), bands: nil),
                               .integer(item.failed)])
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
                                           .init("min", "Min", numeric: true), .init("max", "Max", numeric: true),
                                           .init("to_close", "Unsigned, to close", numeric: true),
                                           .init("interrupted", "Interrupted", numeric: true), .init("stopped", "Minutes stopped", numeric: true)])
        for name in sessions.keys.sorted() {
            let entry = sessions[name]!
            sessionTable.rows.append([.text(name), .integer(entry.planned), .integer(entry.actual.count), .number(Statistics.median(entry.actual)! / 60),
                                      .number(entry.actual.min()! / 60), .number(entry.actual.max()! / 60), .integer(entry.toClose),
                                      .integer(entry.interrupted), .number(Double(entry.stopped) / 60)])
        }
        return ReportDocument(title: "Timing: planned and actual minutes", facts: input.facts(bands: false, extra: [
            .init("Minutes", "each item's running time from its start to its end, pauses of the session clock taken out; an item started more than once in a delivery (left and come back to) counts once for that delivery, its times added"),
        ]), sections: [
            .init(id: "items", title: "Minutes per agenda item", note: "Every item on the agenda of the deliveries read. Ran in counts the deliveries that started the item, not run those that had it on their agenda and never started it. Median and range are across the deliveries that ran it; from failed files counts the deliveries (ran or not) read from a journal that failed the check; overran counts those over time: from half a minute past the plan, when the minutes rounded to the nearest are more than planned; share overran is overran over ran in.", table: table),
            .init(id: "hotspots", title: "Overrun hot spots", note: "Items whose median run is over time (half a minute or more past the plan), longest overrun first (up to 10).", table: hotTable),
            .init(id: "sessions", title: "Session lengths", note: "Closed deliveries only: from opening to the last facilitator's sign-off, pauses taken out. A delivery closed with no sign-off is measured to its close and counted in Unsigned, to close. Interrupted counts the deliveries whose console stopped (a quit, a crash) and resumed them; minutes stopped adds up those stops across them (a stop is in the session's length: nothing was recorded while it lasted).", table: sessionTable),
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
