import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per delivery. The lock is an flock on the journal file itself, so it disappears
/// with the process however it ends (even kill -9): a crash never leaves a stale lock. Who holds
/// it is written beside the journal so a second iwotch can say so.
enum JournalLock {
    static func acquire(fd: Int32, journal: URL) throws {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK {
                throw JournalError.locked(path: journal.path, holder: holder(of: journal))
            }
            throw JournalError.system(path: journal.path, action: "lock", errno: errno)
        }
        let holder = LockHolder(user: ProcessInfo.processInfo.userName, host: ProcessInfo.processInfo.hostName,
                                pid: getpid(), since: Timestamp.format(Date()))
        if let data = try? JSONEncoder().encode(holder) {
            let url = infoURL(journal)
            let info = Glibc.open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            if info >= 0 {
                _ = data.withUnsafeBytes { Glibc.write(info, $0.baseAddress!, $0.count) }
                close(info)
            }
        }
    }

    static func infoURL(_ journal: URL) -> URL { journal.appendingPathExtension("lock") }

    static func holder(of journal: URL) -> LockHolder? {
        guard let data = try? Data(contentsOf: infoURL(journal)) else { return nil }
        return try? JSONDecoder().decode(LockHolder.self, from: data)
    }
}
