import Foundation

/// Why a journal could not be written, in words a facilitator can act on.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    /// Another iwotch holds the delivery: who, where, which process, since when.
    case locked(path: String, holder: LockHolder?)
    case system(path: String, action: String, errno: Int32)
    case refused(String)
    case unreadable(path: String, reason: String)

    /// `2026-11-23T14:50:49.631Z` as local `14:50` (and the date when it is not today).
    static func localClock(_ stamp: String) -> String {
        guard let date = Timestamp.parse(stamp) else { return stamp }
        let offset = TimeZone.current.secondsFromGMT(for: date) / 60
        let local = Timestamp.format(date.addingTimeInterval(Double(offset) * 60))
        let today = DeliveryID.localDate(Date(), offsetMinutes: TimeZone.current.secondsFromGMT() / 60)
        let time = String(local.dropFirst(11).prefix(5))
        return local.hasPrefix(today) ? time : String(local.prefix(10)) + " " + time
    }

    public var description: String {
        switch self {
        case let .locked(_, holder):
            // Short enough for a status line, with the time as the laptop's clock shows it.
            let who = holder.map { "\($0.user) on \($0.host), process \($0.pid), since \(Self.localClock($0.since))" } ?? "another iwotch process"
            return "This delivery is open in another iwotch (\(who)). Close that one first: only one may write a delivery."
        case let .system(path, action, errno):
            let reason = String(cString: strerror(errno))
            var advice = ""
            if errno == ENOSPC { advice = " The disk is full: free some space; nothing already saved is lost." }
            if errno == EACCES || errno == EPERM { advice = " Check the folder's permissions." }
            if errno == EROFS { advice = " The disk is read-only." }
            return "Could not \(action) \((path as NSString).lastPathComponent): \(reason).\(advice)"
        case let .refused(message):
            return message
        case let .unreadable(path, reason):
            return "Could not read \(path): \(reason)."
        }
    }
}

/// Who holds a delivery's lock, as the holder wrote it beside the journal.
public struct LockHolder: Sendable, Equatable, Codable {
    public var user: String
    public var host: String
    public var pid: Int32
    public var since: String
}
