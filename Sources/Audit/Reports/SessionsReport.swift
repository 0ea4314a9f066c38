import DeliveryFacts
import Journal
/// `iwotch report sessions`: one line per delivery, and the audit sample: what a supervisor
/// should listen to next.
public enum SessionsReport {
    public struct SampleOptions: Sendable, Equatable {
        /// The share of deliveries the sample should reach, targeted ones included.
        public var share: Double
        public var seed: UInt64
        public init(share: Double = 0.10, seed: UInt64) { self.share = share; self.seed = seed }
    }

    public static func make(_ input: ReportInput, sample options: SampleOptions) -> ReportDocument {
        var table = Table(columns: [
            .init("date", "Date"), .init("site", "Site"), .init("group", "Group"), .init("session", "Session"),
            .init("facilitators", "Facilitators"), .init("attendees", "Attended", numeric: true), .init("roster", "Roster", numeric: true),
            .init("adherence", "Adherence", numeric: true), .init("closed", "Closed"), .init("signed", "Signed"),
            .init("reviewed", "Reviewed", numeric: true), .init("released", "Released"), .init("check", "Check"), .init("delivery", "Delivery"),
        ])
        for record in input.deliveries {
            let bands = record.bands
            table.rows.append([.text(record.date), .text(record.site), .text(record.group), .text(record.sessionID),
                               .text(record.facilitators.map(\.code).joined(separator: ", ")),
                               .integer(record.attendees.count), .integer(record.roster.count), .percent(record.adherence.percent, bands: bands),
                               .bool(record.isClosed), .bool(record.isSigned), .integer(record.reviews.count),
                               .bool(!record.opened.programme.isUnreleased), input.checkCell(record), .text(record.id)])
        }
        let picks = sample(input.deliveries, options)
        var sampleTable = Table(columns: [.init("delivery", "Delivery"), .init("date", "Date"), .init("facilitators", "Facilitators"),
                                          .init("adherence", "Adherence", numeric: true), .init("reason", "Why")])
        for (record, reason) in picks {
            let bands = record.bands
            sampleTable.rows.append([.text(record.id), .text(record.date), .text(record.facilitators.map(\.code).joined(separator: ", ")),
                                     .percent(record.adherence.percent, bands: bands), .text(reason)])
        }
        let target = targetSize(input.deliveries.count, options.share)
        return ReportDocument(title: "Deliveries and audit sample", facts: input.facts(extra: [
            .init("Audit sample", "\(picks.count) of \(input.deliveries.count) deliveries: first deliveries of each facilitator, deliveries below the high band, then a random top-up to \(Format.fixed(options.share * 100, 0))% (\(target)) with seed \(options.seed); the same journals, filters and seed give the same sample"),
        ]), sections: [
            .init(id: "deliveries", title: "Deliveries", note: "Attended counts present, late and leaving early; roster is everyone on it. Released is no when the delivery followed content that was not a released version when it opened (an unreviewed edit). Check is failed when the delivery was read from a journal that failed `iwotch journal check`.", table: table),
            .init(id: "sample", title: "Audit sample", note: "Targeted deliveries first, then the random top-up.", table: sampleTable),
        ], sources: input.sources)
    }

    static func targetSize(_ count: Int, _ share: Double) -> Int { Int((Double(count) * share).rounded(.up)) }

    /// The targeted picks (first delivery of each facilitator in these journals, and any delivery
    /// whose adherence is below its high band), then random picks until the share is reached.
    public static func sample(_ deliveries: [DeliveryRecord], _ options: SampleOptions) -> [(DeliveryRecord, String)] {
        var picks: [(DeliveryRecord, String)] = []
        var chosen = Set<String>()
        var seenFacilitators = Set<String>()
        // Deliveries arrive sorted by date and time, so the first seen is each facilitator's first.
        for record in deliveries {
            var reasons: [String] = []
            let new = record.facilitators.map(\.code).filter { seenFacilitators.insert(Code.canonical($0)).inserted }
            if !new.isEmpty { reasons.append("first delivery of \(new.joined(separator: ", "))") }
            if let band = record.band, band != .high { reasons.append("\(band.rawValue) adherence") }
            if !reasons.isEmpty {
                picks.append((record, reasons.joined(separator: "; ")))
                chosen.insert(record.id)
            }
        }
        let target = targetSize(deliveries.count, options.share)
        // Shuffled from a list sorted by id, so the order the files were named in does not matter.
        var rest = deliveries.filter { !chosen.contains($0.id) }.sorted { $0.id < $1.id }
        var generator = SplitMix64(state: options.seed)
        rest.shuffle(using: &generator)
        for record in rest.prefix(max(0, target - picks.count)) { picks.append((record, "random top-up")) }
        return picks
    }
}

/// A small deterministic generator (SplitMix64): the same sequence for a seed on every machine,
/// which Swift's system generator does not promise.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
