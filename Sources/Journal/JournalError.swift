import Foundation

/// Why a journal could not be written, in words a facilitator can act on.
public enum JournalError: Error, Equatable, CustomStringConvertible {
    /// Another iwotch holds the delivery: who, where, which process, since when.
    case locked(path: String, holder: LockHolder?)
    case system(path: String, action: String, errno: Int32)
    case refused(String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .locked(path, holder):
            let who = holder.map { "\($0.user) on \($0.host), process \($0.pid), since \($0.since)" } ?? "another iwotch process"
            return "This delivery is open in another iwotch (\(who)). Only one iwotch may write a delivery at a time: close the other one first. (\((path as NSString).lastPathComponent))"
        case let .system(path, action, errno):
            let reason = String(cString: strerror(errno))
            var advice = ""
            if errno == ENOSPC { advice = " The disk is full: free some space; nothing already saved is lost." }
            if errno == EACCES || errno == EPERM { advice = " Check the folder's permissions." }
            if errno == EROFS { advice = " The disk is read-only." }
            return "Could not \(action) \(path): \(reason).\(advice)"
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
