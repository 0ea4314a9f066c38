import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per delivery. The lock is an flock on the journal file itself, so it disappears
/// with the process however it ends (even kill -9): a crash never leaves a stale lock. Who holds
/// it is written beside the journal so a second iwotch can say so.
enum JournalLock {
    static func acquire(fd: Int32, journal: URL) throws {
        // A lock can outlive its holder's close for a moment: a process forked elsewhere (by this
        // iwotch or a backup tool) shares the file until it execs. So a held lock is asked again
        // for a quarter of a second before another iwotch is named as holding it.
        var tries = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw JournalError.system(path: journal.path, action: "lock", errno: errno) }
            tries += 1
            if tries > 25 { throw JournalError.locked(path: journal.path, holder: holder(of: journal)) }
            usleep(10_000)
        }
        let holder = LockHolder(user: ProcessInfo.processInfo.userName, host: ProcessInfo.processInfo.hostName,
                                pid: getpid(), since: Timestamp.format(Date()))
        guard let data = try? JSONEncoder().encode(holder) else { return }
        try writeHolder(data, to: infoURL(journal))
    }

    /// Writes who holds the lock into the `.lock` file in place. The file is opened without
    /// following a symbolic link and without truncating on open: only once it is known to be a
    /// regular file of this user is it cut back and written, through the descriptor opened, so
    /// no link or swapped-in file can make iwotch overwrite something else.
    static func writeHolder(_ data: Data, to url: URL) throws {
        // O_NONBLOCK: opening a FIFO for writing would otherwise wait for a reader for ever.
        let fd = Glibc.open(url.path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw JournalError.refused("\(url.lastPathComponent) is a symbolic link, not a regular file; iwotch does not write through links. Remove it: it only names who last held the delivery.")
            }
            if code == EISDIR || code == ENXIO {
                throw JournalError.refused("\(url.lastPathComponent) is not a regular file; iwotch writes who holds the delivery there. Remove it: it only names who last held the delivery.")
            }
            throw JournalError.system(path: url.path, action: "open the lock file", errno: code)
        }
        defer { close(fd) }
        try requireOwnRegularFile(fd, url)
        guard ftruncate(fd, 0) == 0 else { throw JournalError.system(path: url.path, action: "write the lock file", errno: errno) }
        fchmod(fd, 0o600)
        let written = data.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
        guard written == data.count else { throw JournalError.system(path: url.path, action: "write the lock file", errno: written < 0 ? errno : EIO) }
    }

    /// The file open at `fd` must be a regular file owned by this user.
    static func requireOwnRegularFile(_ fd: Int32, _ url: URL) throws {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw JournalError.system(path: url.path, action: "look at", errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw JournalError.refused("\(url.lastPathComponent) is not a regular file, so iwotch will not write it. Move it out of the journal folder.")
        }
        guard info.st_uid == geteuid() else {
            throw JournalError.refused("\(url.lastPathComponent) is owned by another user (uid \(info.st_uid)), so iwotch will not write it. Journals and their lock files belong to the user who keeps them.")
        }
    }

    static func infoURL(_ journal: URL) -> URL { journal.appendingPathExtension("lock") }

    /// Who last held the lock, read (like it is written) only from a regular file, never through a link.
    static func holder(of journal: URL) -> LockHolder? {
        let fd = Glibc.open(infoURL(journal).path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return try? JSONDecoder().decode(LockHolder.self, from: Data(buffer[0..<count]))
    }
}
