import DeliveryFacts
import Foundation
import Journal

/// Which deliveries a report covers. Every filter left empty lets everything through; values of
/// one filter are alternatives (`--site A --site B`), and different filters must all hold.
public struct Filters: Sendable, Equatable {
    /// Inclusive local dates, YYYY-MM-DD.
    public var from: String?
    public var to: String?
    public var sites: [String] = []
    public var groups: [String] = []
    public var facilitators: [String] = []
    public var sessions: [String] = []
    public var contentVersions: [String] = []
    /// Programme ids: with several programmes in one journal folder (I-WOTCH and its training
    /// course), a report can keep to one.
    public var programmes: [String] = []
    /// Rehearsals are practice, not delivery: they are left out unless asked for.
    public var includeRehearsals = false

    public init() {}

    public func admits(_ record: DeliveryRecord) -> Bool {
        if record.mode == .rehearsal && !includeRehearsals { return false }
        if let from, record.date < from { return false }
        if let to, record.date > to { return false }
        // Codes are compared without case, as everywhere (`Code`).
        if !sites.isEmpty && !sites.contains(where: { Code.same($0, record.site) }) { return false }
        if !groups.isEmpty && !groups.contains(where: { Code.same($0, record.group) }) { return false }
        if !facilitators.isEmpty && !record.facilitators.contains(where: { f in facilitators.contains { Code.same($0, f.code) } }) { return false }
        if !sessions.isEmpty && !sessions.contains(record.sessionID) { return false }
        if !contentVersions.isEmpty && !contentVersions.contains(record.programmeVersion) { return false }
        if !programmes.isEmpty && !programmes.contains(record.opened.programme.id) { return false }
        return true
    }

    /// The filters in force, for report headers: a report always says what it covers.
    public var description: String {
        var parts: [String] = []
        if let from { parts.append("from \(from)") }
        if let to { parts.append("to \(to)") }
        if !sites.isEmpty { parts.append("site " + sites.joined(separator: " or ")) }
        if !groups.isEmpty { parts.append("group " + groups.joined(separator: " or ")) }
        if !facilitators.isEmpty { parts.append("facilitator " + facilitators.joined(separator: " or ")) }
        if !sessions.isEmpty { parts.append("session " + sessions.joined(separator: " or ")) }
        if !programmes.isEmpty { parts.append("programme " + programmes.joined(separator: " or ")) }
        if !contentVersions.isEmpty { parts.append("content version " + contentVersions.joined(separator: " or ")) }
        parts.append(includeRehearsals ? "live and rehearsal" : "live deliveries only")
        return parts.joined(separator: ", ")
    }

    /// Checks a date given on the command line.
    public static func isDate(_ text: String) -> Bool {
        text.utf8.count == 10 && Timestamp.parse(text + "T00:00:00.000Z") != nil
    }
}
