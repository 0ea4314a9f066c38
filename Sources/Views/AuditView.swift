import DeliveryFacts
import DisplayText
import Foundation
import Journal
import Programme
import SessionEngine

/// The supervisor's audit: the deliveries read (filterable), one delivery's activities, and one
/// activity's item ratings. Figures are the reports' own (`DeliveryRecord`), shown the same way:
/// one decimal, a band symbol (▽ moderate, ▼ low) beside any figure below the high band.
enum AuditView {
    static func draw(_ grid: inout Grid, _ frame: inout Frame) {
        let book = frame.state.audit
        switch book.level {
        case .deliveries, .filter: deliveries(&grid, &frame, book)
        case .delivery: delivery(&grid, &frame, book)
        case .activity: activity(&grid, &frame, book)
        }
    }

    // MARK: The list of deliveries

    static func deliveries(_ grid: inout Grid, _ frame: inout Frame, _ book: AuditBook) {
        frame.header(&grid, ["iwotch", "Audit"] + (book.filterWords.isEmpty ? [] : ["Filter: " + book.filterWords]))
        let width = frame.width
        let total = book.records.count
        let sources = book.sources
        var summary = book.shown.count == total
            ? "\(total) live \(total == 1 ? "delivery" : "deliveries")"
            : "\(book.shown.count) of \(total) live deliveries"
        summary += " from \(sources.files) journal \(sources.files == 1 ? "file" : "files")"
        var extras: [String] = []
        if sources.copies > 0 { extras.append("\(sources.copies) \(sources.copies == 1 ? "copy" : "copies") counted once") }
        if sources.reviews > 0 { extras.append("\(sources.reviews) \(sources.reviews == 1 ? "review" : "reviews")") }
        if !sources.failed.isEmpty { extras.append("⚠ \(sources.failed.count) failed the check") }
        if !extras.isEmpty { summary += " (" + extras.joined(separator: ", ") + ")" }
        grid.put(DisplayText.truncated(summary, toWidth: width), x: 0, y: 2, style: sources.failed.isEmpty ? .title : Style(.warning, bold: true))

        let columns = Columns(width: width)
        let heading = Style(.accent, bold: true)
        for (title, x, rightAlignedIn) in columns.headings {
            grid.put(rightAlignedIn.map { TimingView.right(title, $0) } ?? title, x: x, y: 3, style: heading)
        }

        // Below the list: the chosen delivery's id and counts, the bands, and the filter being typed.
        let footerRows = 2
        let rows = max(1, frame.bottom - 4 - footerRows + 1)
        let first = BrowserView.windowStart(selection: book.selection, count: book.shown.count, rows: rows)
        var y = 4
        for (position, index) in book.shown.enumerated().dropFirst(first).prefix(rows) {
            let record = book.records[index]
            let selected = position == book.selection
            let style: Style = selected ? .selected : .plain
            if selected { grid.fill(y: y, style: style); frame.cursor = (0, y) }
            columns.draw(&grid, record, y: y, style: style, selected: selected)
            y += 1
        }
        if book.shown.isEmpty {
            let text = total == 0 ? "No live deliveries in these journals." : "No delivery matches the filter. x clears it."
            grid.put(text, x: 2, y: 4, style: .muted)
        }
        let footer = frame.bottom - footerRows + 1
        if let record = book.chosen {
            let a = record.adherence
            let line = "\(record.id) · \(a.ratedItems) rated, \(a.excludedItems) N/A, \(a.unratedItems) unrated"
                + (record.reviews.isEmpty ? "" : " · \(record.reviews.count) \(record.reviews.count == 1 ? "review" : "reviews")")
            grid.put(DisplayText.truncated(line, toWidth: width), x: 0, y: footer, style: .muted)
        }
        if book.level == .filter {
            let label = "Filter: "
            grid.fill(y: footer + 1, style: .plain)
            let used = grid.put(label, x: 0, y: footer + 1, style: Style(.accent, bold: true))
            grid.put(book.query.text, x: used, y: footer + 1, limit: width - used)
            let before = String(book.query.characters.prefix(book.query.cursor))
            frame.cursor = (min(width - 1, used + DisplayText.width(before)), footer + 1)
            frame.keys = KeyTables.table(.audit, in: frame.state).bar
        } else {
            let bands = book.chosen?.bands ?? BandMarks(high: 80, low: 50)
            grid.put(DisplayText.truncated("Bands (each delivery's own): " + bands.legend, toWidth: width), x: 0, y: footer + 1, style: .muted)
            frame.keys = KeyTables.table(.audit, in: frame.state).bar
        }
    }

    /// The list's columns: the session column takes what the others leave.
    struct Columns {
        let dateX = 2, siteX = 14
        let groupX: Int, sessionX: Int, facilitatorsX: Int, attendedX: Int, adherenceX: Int, closedX: Int

        init(width: Int) {
            closedX = width - 6
            adherenceX = closedX - 10
            attendedX = adherenceX - 9
            facilitatorsX = attendedX - 13
            groupX = 23
            sessionX = 30
        }

        /// Title, column, and the width a numeric column's title is right-aligned in.
        var headings: [(String, Int, Int?)] {
            [("Date", dateX, nil), ("Site", siteX, nil), ("Group", groupX, nil), ("Session", sessionX, nil),
             ("Facilitators", facilitatorsX, nil), ("Attended", attendedX, 8), ("Adherence", adherenceX, 9), ("Record", closedX, nil)]
        }

        func draw(_ grid: inout Grid, _ record: DeliveryRecord, y: Int, style: Style, selected: Bool) {
            grid.put(selected ? "▶" : " ", x: 0, y: y, style: style)
            grid.put(record.date, x: dateX, y: y, style: style)
            grid.put(DisplayText.truncated(record.site, toWidth: groupX - siteX - 1), x: siteX, y: y, style: style)
            grid.put(DisplayText.truncated(record.group, toWidth: sessionX - groupX - 1), x: groupX, y: y, style: style)
            // A wide window has room for the session's title beside its id.
            let room = facilitatorsX - sessionX - 1
            let session = room >= 24 ? record.sessionID + "  " + record.opened.session.title : record.sessionID
            grid.put(DisplayText.truncated(session, toWidth: room), x: sessionX, y: y, style: style)
            grid.put(DisplayText.truncated(record.facilitators.map(\.code).joined(separator: " "), toWidth: attendedX - facilitatorsX - 1),
                     x: facilitatorsX, y: y, style: style)
            grid.put(TimingView.right("\(record.attendees.count) of \(record.roster.count)", 8), x: attendedX, y: y, style: style)
            AuditView.percent(&grid, record.adherence.percent, bands: record.bands, x: adherenceX, y: y, style: style)
            let closed = record.isSigned ? "signed" : record.isClosed ? "closed" : "open"
            grid.put(closed, x: closedX, y: y, style: record.isClosed ? style : Style(.warning, bold: !selected, reverse: selected))
        }
    }

    /// "83.3% ▽" right-aligned in 9 cells (the symbol after the figure), or "–" for nothing rated.
    static func percent(_ grid: inout Grid, _ value: Double?, bands: BandMarks, x: Int, y: Int, style: Style) {
        let figure = value.map(Format.percent) ?? "–"
        grid.put(TimingView.right(figure, 7), x: x, y: y, style: style)
        if let mark = value.map(bands.band(of:)), mark != .high {
            let role: Role = mark == .low ? .danger : .warning
            grid.put(mark.symbol, x: x + 8, y: y, style: style.reverse ? style : Style(role, bold: true))
        }
    }

    // MARK: One delivery

    static func delivery(_ grid: inout Grid, _ frame: inout Frame, _ book: AuditBook) {
        guard let record = book.chosen else { return }
        let width = frame.width
        frame.header(&grid, ["iwotch", "Audit", "\(record.date) \(record.group) \(record.opened.session.title)"])
        let offset = record.openingOffset
        let clock = { (date: Date) in Clock.local(date, offsetMinutes: offset) }
        let facts: [(String, String)] = [
            ("Session", "\(record.opened.session.title) (\(record.sessionID)), \(record.opened.programme.id) \(record.programmeVersion)"),
            ("Where", "site \(record.site), group \(record.group), opened \(record.date) \(clock(record.openedAt))"),
            ("Led by", record.facilitators.map { "\($0.code) (\($0.role))" }.joined(separator: ", ")),
            ("Record", recordWords(record, clock: clock)),
            ("Register", record.registerWords),
            ("Adherence", record.adherence.words),
            ("Review", reviewWords(record)),
        ]
        var y = 2
        for (label, value) in facts {
            grid.put(label, x: 0, y: y, style: Style(.accent, bold: true))
            grid.put(DisplayText.truncated(value, toWidth: width - 11), x: 11, y: y)
            y += 1
        }
        if let mark = record.band, mark != .high {
            // The band in words beside the figure: symbols are never the only sign.
            let words = mark.words
            let used = DisplayText.width(DisplayText.truncated(record.adherence.words, toWidth: width - 11))
            if 11 + used + 2 + DisplayText.width(words) <= width {
                grid.put(words, x: 11 + used + 2, y: 7, style: Style(mark == .low ? .danger : .warning, bold: true))
            }
        }
        y += 1
        let (plannedX, actualX, ratedX, adherenceX) = (width - 36, width - 27, width - 17, width - 10)
        let heading = Style(.accent, bold: true)
        grid.put("  #  Activity", x: 0, y: y, style: heading)
        grid.put("Planned", x: plannedX, y: y, style: heading)
        grid.put("  Actual", x: actualX, y: y, style: heading)
        grid.put("Rated", x: ratedX + 1, y: y, style: heading)
        grid.put("Adherence", x: adherenceX, y: y, style: heading)
        y += 1
        let activities = book.activities
        let rows = max(1, frame.bottom - y + 1)
        let first = BrowserView.windowStart(selection: book.activity, count: activities.count, rows: rows)
        for (index, item) in activities.enumerated().dropFirst(first).prefix(rows) {
            let selected = index == book.activity
            let style: Style = selected ? .selected : .plain
            if selected { grid.fill(y: y, style: style); frame.cursor = (0, y) }
            let a = record.adherence(ofActivity: item.id)
            let number = (selected ? "▶" : " ") + BrowserView.pad(index + 1, 2) + "  "
            grid.put(number + DisplayText.truncated(item.title, toWidth: plannedX - 6), x: 0, y: y, style: style)
            grid.put(BrowserView.pad(item.minutes, 3) + " min", x: plannedX, y: y, style: style)
            let actual = record.minutes(of: item.id).map { Format.fixed($0, 1) + " min" } ?? "not run"
            grid.put(TimingView.right(actual, 8), x: actualX, y: y, style: record.minutes(of: item.id) == nil ? Style(.muted, reverse: selected) : style)
            grid.put(TimingView.right("\(a.ratedItems) of \(item.fidelity.count)", 6), x: ratedX, y: y, style: style)
            percent(&grid, a.percent, bands: record.bands, x: adherenceX, y: y, style: style)
            y += 1
        }
        frame.keys = KeyTables.table(.audit, in: frame.state).bar
    }

    static func recordWords(_ record: DeliveryRecord, clock: (Date) -> String) -> String {
        var corrections = record.corrections == 0 ? "" : "; \(record.corrections) \(record.corrections == 1 ? "correction" : "corrections")"
        // A console that stopped and resumed the delivery says so: how often, and for how long.
        if !record.interruptions.isEmpty {
            let times = record.interruptions.count == 1 ? "once" : "\(record.interruptions.count) times"
            corrections += "; console stopped \(times), \(Clock.duration(TimeInterval(record.interruptedSeconds)))"
        }
        guard record.isClosed, let closedAt = record.closedAt else {
            return "still open, \(Minutes.whole(record.sessionSeconds)) min recorded" + corrections
        }
        let signed = record.signedBy.isEmpty ? "not signed" : "signed by " + record.signedBy.joined(separator: " and ")
        return "closed \(clock(closedAt)) after \(Minutes.whole(record.sessionSeconds)) min (\(record.opened.session.plannedMinutes) planned), \(signed)" + corrections
    }

    static func reviewWords(_ record: DeliveryRecord) -> String {
        guard let review = record.reviews.last else { return "none" }
        let competence = review.review.competenceLabel.map { "\(review.review.competence) \($0)" } ?? String(review.review.competence)
        let more = record.reviews.count > 1 ? " (latest of \(record.reviews.count))" : ""
        return "\(review.rater) (\(review.review.method.rawValue)): competence \(competence), \(review.review.ratings.count) items rated" + more
    }

    // MARK: One activity's item ratings

    static func activity(_ grid: inout Grid, _ frame: inout Frame, _ book: AuditBook) {
        guard let record = book.chosen, let item = book.chosenActivity else { return }
        let width = frame.width
        frame.header(&grid, ["iwotch", "Audit", "\(record.date) \(record.group)", item.title])
        let a = record.adherence(ofActivity: item.id)
        let ran = record.minutes(of: item.id).map { "ran \(Format.fixed($0, 1)) min" } ?? "not run"
        grid.put(DisplayText.truncated("Activity \(book.activity + 1) of \(book.activities.count): planned \(item.minutes) min, \(ran); led by "
                                       + (item.lead.isEmpty ? "–" : item.lead.joined(separator: " and ")), toWidth: width), x: 0, y: 2, style: .title)
        grid.put(DisplayText.truncated("Adherence " + a.words, toWidth: width), x: 0, y: 3)
        let lines = itemLines(record, item, programme: frame.state.programme, width: width)
        let rows = max(1, frame.bottom - 5 + 1)
        let scroll = min(book.itemScroll, max(0, lines.count - rows))
        var y = 5
        for line in lines.dropFirst(scroll).prefix(rows) {
            grid.put(line.text, x: line.indent, y: y, style: line.style, limit: width - line.indent)
            y += 1
        }
        if lines.count > rows {
            let more = "\(scroll + 1)–\(min(lines.count, scroll + rows)) of \(lines.count) rows"
            grid.put(more, x: width - DisplayText.width(more), y: 4, style: .muted)
        }
        frame.cursor = (0, 5)
        frame.keys = KeyTables.table(.audit, in: frame.state).bar
    }

    struct Line { var text: String; var indent: Int; var style: Style }

    /// Ratings name roles; the audit names the facilitator in each: "F11 (ROLE) and F12 (OTHER)".
    static func deliverers(_ roles: [String], _ record: DeliveryRecord) -> String {
        roles.map { role in
            let codes = record.facilitators.filter { $0.role == role }.map(\.code)
            return codes.isEmpty ? role : codes.joined(separator: ", ") + " (\(role))"
        }.joined(separator: " and ")
    }

    /// Each item: its wording (from the content at hand, else its id), then its rating, who
    /// delivered it, the supervisor's level if reviewed, and any adaptation.
    static func itemLines(_ record: DeliveryRecord, _ item: DeliveryOpened.AgendaItem, programme: Programme, width: Int) -> [Line] {
        let wording = programme.session(record.sessionID)?.agenda.first { $0.id == item.id }?.fidelity
        let scale = record.opened.fidelityScale
        let label = { (level: String) in scale.first { $0.id == level }?.label ?? level }
        var lines: [Line] = []
        for (number, id) in item.fidelity.enumerated() {
            let text = wording?.first { $0.id == id }?.behaviour ?? id
            let wrapped = DisplayText.wrap(DisplayText.sanitised(text), width: width - 5)
            for (index, part) in wrapped.enumerated() {
                lines.append(Line(text: index == 0 ? BrowserView.pad(number + 1, 2) + ". " + part : "    " + part, indent: 0, style: .plain))
            }
            let rating = record.items.first { $0.activity == item.id && $0.item == id }
            var facts: [String] = []
            let style: Style
            if let rating, let level = rating.level {
                facts.append(label(level))
                // "Delivered by" would misread beside "Not delivered": then it names who led the item.
                if !rating.deliveredBy.isEmpty { facts.append((rating.score == 0 ? "led by " : "delivered by ") + deliverers(rating.deliveredBy, record)) }
                let full = rating.score == rating.maximum || rating.score == nil
                style = full ? Style(.ok) : Style(.warning, bold: true)
            } else {
                facts.append("not rated")
                style = .muted
            }
            if let reviewed = record.reviewedLevel(of: id) { facts.append("supervisor \(reviewed.rater): \(label(reviewed.level).lowercased())") }
            lines.append(Line(text: "→ " + facts.joined(separator: " · "), indent: 4, style: style))
            if let adaptation = rating?.adaptation {
                let kind = "\(adaptation.timing.rawValue), \(adaptation.fidelityConsistent ? "consistent with" : "not consistent with") the aims"
                let words = DisplayText.wrap(DisplayText.sanitised("adapted (\(kind)): \(adaptation.reason)"), width: width - 6)
                lines += words.prefix(2).map { Line(text: $0, indent: 6, style: .muted) }
            }
            lines.append(Line(text: "", indent: 0, style: .plain))
        }
        return lines
    }
}
