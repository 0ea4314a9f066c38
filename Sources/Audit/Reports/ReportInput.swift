import DeliveryFacts
import Foundation
import Journal
import Programme

/// What every report starts from: the deliveries that pass the filters, the whole set they came
/// from (for the sources list), and, when at hand, content to name fidelity items in words.
public struct ReportInput: Sendable {
    public var set: AuditSet
    public var filters: Filters
    public var deliveries: [DeliveryRecord]
    /// Content files at hand: used only for wording (item texts); the figures come from the journals.
    public var programmes: [Programme] { didSet { fingerprints = programmes.map(\.fingerprint) } }
    /// The programmes' fingerprints, worked out once: each is a hash of the whole programme, and
    /// wording a region's report asked for them over a hundred times.
    private var fingerprints: [String]
    /// The deliveries (ids) read from a file that failed `iwotch journal check`, worked out once:
    /// every pooled row of a region's report asks.
    private let failedDeliveries: Set<String>

    public init(set: AuditSet, filters: Filters, programmes: [Programme] = []) {
        self.set = set
        self.filters = filters
        self.programmes = programmes
        fingerprints = programmes.map(\.fingerprint)
        deliveries = set.filtered(filters)
        let failedPaths = Set(set.files.filter(\.failedCheck).map(\.path))
        failedDeliveries = Set(deliveries.filter { $0.files.contains(where: failedPaths.contains) }.map(\.id))
    }

    /// The bands for figures that span deliveries: those of the newest content version read (each
    /// delivery's own row uses the bands it pinned).
    public var bands: BandMarks {
        let latest = deliveries.max { (ContentVersion($0.programmeVersion), $0.date) < (ContentVersion($1.programmeVersion), $1.date) }
        return latest.map { BandMarks(high: $0.opened.bands.high, low: $0.opened.bands.low) } ?? BandMarks(high: 80, low: 50)
    }

    /// The text of a fidelity item, from content with the same fingerprint if possible.
    public func itemText(_ item: String, in record: DeliveryRecord) -> String? {
        // Only the delivery's own programme: another programme's item of the same id is another item.
        for programme in [self.programme(of: record)].compactMap({ $0 }) + programmes where programme.id == record.opened.programme.id {
            if let text = programme.session(record.sessionID)?.agenda.flatMap(\.fidelity).first(where: { $0.id == item })?.behaviour { return text }
        }
        return nil
    }

    /// The delivery's own programme as loaded: the content with its fingerprint if present, else
    /// the loaded content of the same programme id (another version); nil when none is loaded.
    public func programme(of record: DeliveryRecord) -> Programme? {
        zip(programmes, fingerprints).first { $0.1 == record.opened.programme.fingerprint }?.0
            ?? programmes.first { $0.id == record.opened.programme.id }
    }

    /// Header facts every report carries; `bands: false` for a report with no banded figure.
    public func facts(bands showBands: Bool = true, extra: [ReportDocument.Fact] = []) -> [ReportDocument.Fact] {
        var facts = [ReportDocument.Fact("Covers", filters.description)]
        facts.append(.init("Deliveries", "\(deliveries.count) of \(set.records.count) read"))
        // Oldest version first, versions compared as numbers (2026.9 before 2026.10).
        var versions: [[String]: Int] = [:]
        for record in deliveries { versions[[record.opened.programme.id, record.programmeVersion, record.opened.programme.fingerprint], default: 0] += 1 }
        let ordered = versions.keys.sorted { ($0[0], ContentVersion($0[1]), $0[2]) < ($1[0], ContentVersion($1[1]), $1[2]) }
        facts.append(.init("Content versions", ordered.isEmpty ? "none" : ordered.map {
            "\($0[0]) \($0[1]) (\($0[2].prefix(19))…): \(versions[$0]!)"
        }.joined(separator: "; ")))
        let bandSets = Set(deliveries.map { "\($0.opened.bands.high)/\($0.opened.bands.low)" })
        if showBands { facts.append(.init("Bands", bands.legend + (bandSets.count > 1 ? " (deliveries pinned \(bandSets.count) different band sets; each delivery's row uses its own)" : ""))) }
        facts.append(contentsOf: extra)
        let failed = set.files.filter(\.failedCheck).count
        let rehearsals = set.files.filter(\.isRehearsal).count
        facts.append(.init("Journals", "\(set.files.count) files read, \(failed) failed `iwotch journal check`, \(set.files.filter { $0.kind == .copy }.count) copies counted once"
            + (rehearsals > 0 && !filters.includeRehearsals ? ", \(rehearsals) rehearsal \(rehearsals == 1 ? "file" : "files") left out" : "")
            + "; chain heads digest \(set.headsDigest)"))
        // Erasure on request changes the figures; every report says so rather than let them change unseen.
        let erased = set.files.filter { $0.erasedLines > 0 && $0.kind != .copy }
        if !erased.isEmpty {
            let lines = erased.reduce(0) { $0 + $1.erasedLines }
            facts.append(.init("Erased on request", "\(lines) \(lines == 1 ? "line" : "lines") in \(erased.count) \(erased.count == 1 ? "journal" : "journals") erased on request (a participant's records): the figures leave the participant out; each closing summary still counts them"))
        }
        // Content that was not a released version when the delivery opened (`programme.unreleased`):
        // named in every report, so no figure from unreviewed words passes unseen.
        let unreleased = deliveries.filter { $0.opened.programme.isUnreleased }
        if !unreleased.isEmpty {
            let named = unreleased.prefix(10).map(\.id).joined(separator: ", ") + (unreleased.count > 10 ? ", and \(unreleased.count - 10) more" : "")
            facts.append(.init("Unreleased content", "\(unreleased.count) of the \(deliveries.count) deliveries followed content that was not a released version when they opened: \(named)"))
        }
        let flagged = deliveries.filter(readFromFailedFile).count
        if flagged > 0 {
            facts.append(.init("Failed files", "\(flagged) of the \(deliveries.count) deliveries \(flagged == 1 ? "was" : "were") read from a journal that failed the check: their figures stand as far as the file could be read, and their rows say so (Check failed, or From failed files)"))
        }
        return facts
    }

    /// Whether any journal file of the delivery failed `iwotch journal check`: its rows say so.
    public func readFromFailedFile(_ record: DeliveryRecord) -> Bool {
        failedDeliveries.contains(record.id)
    }

    /// How many of these deliveries (by id) were read from a journal that failed the check: the
    /// last column of every table that pools deliveries.
    public func failedCount(_ ids: Set<String>) -> Int {
        ids.count < failedDeliveries.count ? ids.filter(failedDeliveries.contains).count : failedDeliveries.filter(ids.contains).count
    }

    /// A delivery's check verdict as its rows show it.
    public func checkCell(_ record: DeliveryRecord) -> Cell { .text(readFromFailedFile(record) ? "failed" : "passed") }

    public var sources: ReportDocument.Sources {
        let journals = set.files.sorted { $0.path < $1.path }.map { file in
            ReportDocument.Sources.Journal(
                file: file.path, delivery: file.delivery ?? "", kind: kind(file), events: file.events, head: file.head ?? "",
                problem: file.errors.first.map { "line \($0.line): \($0.message)" } ?? "", errors: file.errors.count)
        }
        return ReportDocument.Sources(journals: journals, headsDigest: set.headsDigest)
    }

    /// A file's kind in the sources list: a rehearsal says whether it counted.
    func kind(_ file: AuditSet.FileReport) -> String {
        guard file.isRehearsal, file.kind != .review else { return file.kind.rawValue }
        let counted = filters.includeRehearsals ? "rehearsal" : "rehearsal — left out"
        return file.kind == .copy ? counted + " (copy)" : counted
    }

    /// "F1 (ROLE), F2 (OTHER)".
    static func facilitatorList(_ record: DeliveryRecord) -> String {
        record.facilitators.map { "\($0.code) (\($0.role))" }.joined(separator: ", ")
    }
}
