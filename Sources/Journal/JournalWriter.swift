import Foundation
import Programme
#if canImport(Glibc)
import Glibc
#endif

/// Appends events to one delivery's journal file, durably: each event is one complete line,
/// written with O_APPEND and fsync'd before `append` returns, so anything the screen shows as
/// saved survives a crash, a killed terminal or a power cut. The file is never rewritten,
/// truncated or replaced. One writer per file: an exclusive lock says who holds it.
public final class JournalWriter {
    public private(set) var url: URL
    public let delivery: String
    public let mode: JournalEvent.Mode
    private var descriptor: Int32
    /// The last complete line's seq and hash: what the next event continues from.
    public private(set) var lastSeq: Int
    public private(set) var head: String?
    /// Damage found when the file was opened, recorded in the journal by the next append.
    public private(set) var pendingDamage: [Int]
    /// The line before each pending damaged line and its hash, pinned by the damage-found event.
    private var pendingPins: [Int: DamageFound.Pin]
    private var endsWithNewline: Bool
    /// After a failed write the file's tail is unknown; the next append reads it again first.
    private var needsRescan = false
    /// Every event is screened (`Privacy.problems`) before it is written, whoever built it: the
    /// console screens as things are typed, and this is the last door. Only tests that plant an
    /// identifier, to show `journal check` finds it, turn it off.
    var screensPrivacy = true
    /// The participant code masks the delivery pinned when it opened (nil: the default shape).
    private var participantCodes: ParticipantCodeShape?

    /// Creates the journal of a new delivery with its opening event. The file never exists
    /// without that first line: it is written and fsync'd under a hidden name, then linked into
    /// place (link fails rather than replace an existing journal), so a crash at any moment leaves
    /// either no journal or one that can be resumed.
    /// `ids` gives each event its id (random unless a caller, such as a test, wants them known).
    public static func create(in directory: URL, delivery: String, mode: JournalEvent.Mode, opening: DeliveryOpened,
                              actor: String, at time: Date, utcOffsetMinutes: Int? = nil,
                              ids: () -> UUID = UUID.init) throws -> (JournalWriter, JournalEvent) {
        try create(in: directory, name: delivery, delivery: delivery, mode: mode, first: .deliveryOpened(opening),
                   actor: actor, at: time, utcOffsetMinutes: utcOffsetMinutes, ids: ids)
    }

    /// As `create`, unscreened when `screened` is false: for tests that plant what a hand-edited
    /// journal could hold.
    static func create(in directory: URL, delivery: String, mode: JournalEvent.Mode, opening: DeliveryOpened,
                       actor: String, at time: Date, utcOffsetMinutes: Int?, screened: Bool) throws -> (JournalWriter, JournalEvent) {
        try create(in: directory, name: delivery, delivery: delivery, mode: mode, first: .deliveryOpened(opening),
                   actor: actor, at: time, utcOffsetMinutes: utcOffsetMinutes, screened: screened)
    }

    /// Writes a supervisor's review of `delivery` as a file of its own, created as a journal is:
    /// it exists complete with its event or not at all. The facilitators' journal is not touched.
    public static func createReview(in directory: URL, of delivery: String, review: SupervisorReview, actor: String,
                                    at time: Date, utcOffsetMinutes: Int? = nil) throws -> (URL, JournalEvent) {
        try createReview(in: directory, of: delivery, review: review, actor: actor, at: time, utcOffsetMinutes: utcOffsetMinutes, screened: true)
    }

    static func createReview(in directory: URL, of delivery: String, review: SupervisorReview, actor: String,
                             at time: Date, utcOffsetMinutes: Int?, screened: Bool) throws -> (URL, JournalEvent) {
        let suffix = String(UUID().uuidString.lowercased().prefix(8))
        // A trainer's assessment is of a rehearsal, and carries its mode.
        let (writer, event) = try create(in: directory, name: (review.isAssessment ? "assessment-" : "review-") + "\(delivery)-\(suffix)",
                                         delivery: delivery, mode: review.isAssessment ? .rehearsal : .live,
                                         first: .supervisorReview(review), actor: actor, at: time, utcOffsetMinutes: utcOffsetMinutes,
                                         screened: screened)
        writer.close()
        return (writer.url, event)
    }

    private static func create(in directory: URL, name: String, delivery: String, mode: JournalEvent.Mode, first: EventBody,
                               actor: String, at time: Date, utcOffsetMinutes: Int?,
                               ids: () -> UUID = UUID.init, screened: Bool = true) throws -> (JournalWriter, JournalEvent) {
        try JournalDirectory.prepare(directory)
        let url = directory.appendingPathComponent(name + ".jsonl")
        if FileManager.default.fileExists(atPath: url.path) {
            throw JournalError.refused("\(url.lastPathComponent) already exists; a new delivery never reuses a journal.")
        }
        let staging = directory.appendingPathComponent("." + name + ".jsonl.new")
        unlink(staging.path)   // left by a crash during an earlier attempt; it never held a saved record
        let fd = Glibc.open(staging.path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.system(path: staging.path, action: "create", errno: errno) }
        do {
            try JournalLock.acquire(fd: fd, journal: url)
            let writer = JournalWriter(url: staging, descriptor: fd, delivery: delivery, mode: mode, lastSeq: 0, head: nil,
                                       pendingDamage: [], pendingPins: [:], endsWithNewline: true)
            writer.screensPrivacy = screened
            if case .deliveryOpened(let opened) = first { writer.participantCodes = opened.participantCodeShape }
            let event = try writer.append(first, actor: actor, at: time, utcOffsetMinutes: utcOffsetMinutes, ids: ids)
            guard link(staging.path, url.path) == 0 else { throw JournalError.system(path: url.path, action: "create", errno: errno) }
            unlink(staging.path)
            // The new name must survive a power cut too: fsync the folder that holds it.
            try JournalDirectory.sync(directory)
            writer.url = url
            return (writer, event)
        } catch {
            Glibc.close(fd)
            unlink(staging.path)
            throw error
        }
    }

    /// Opens an existing journal to continue it (resume). Damage at its end is reported, kept,
    /// and recorded by the next append; nothing already in the file is changed.
    public static func open(_ url: URL) throws -> JournalWriter {
        // Never through a link, and (O_NONBLOCK) never waiting on a FIFO put in the journal's place.
        let fd = Glibc.open(url.path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw JournalError.refused("\(url.lastPathComponent) is a symbolic link, not a regular file; iwotch does not continue a journal through a link.")
            }
            if errno == ENXIO || errno == EISDIR {
                throw JournalError.refused("\(url.lastPathComponent) is not a regular file, so it is not a journal iwotch can continue.")
            }
            throw JournalError.system(path: url.path, action: "open", errno: errno)
        }
        do {
            // Checked before the lock is taken: its holder file is written beside the journal.
            try JournalLock.requireOwnRegularFile(fd, url)
            try JournalLock.acquire(fd: fd, journal: url)
            fchmod(fd, 0o600)
            let tail = try Tail.scan(url)
            guard let delivery = tail.delivery, let mode = tail.mode else {
                throw JournalError.refused("\(url.lastPathComponent) has no readable delivery-opened event, so it cannot be continued. Check it with `iwotch journal check`.")
            }
            let writer = JournalWriter(url: url, descriptor: fd, delivery: delivery, mode: mode, lastSeq: tail.lastSeq,
                                 head: tail.head, pendingDamage: tail.damagedLines, pendingPins: tail.pins, endsWithNewline: !tail.tornTail)
            writer.participantCodes = tail.participantCodes
            return writer
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    private init(url: URL, descriptor: Int32, delivery: String, mode: JournalEvent.Mode, lastSeq: Int, head: String?,
                 pendingDamage: [Int], pendingPins: [Int: DamageFound.Pin], endsWithNewline: Bool) {
        self.url = url
        self.descriptor = descriptor
        self.delivery = delivery
        self.mode = mode
        self.lastSeq = lastSeq
        self.head = head
        self.pendingDamage = pendingDamage
        self.pendingPins = pendingPins
        self.endsWithNewline = endsWithNewline
    }

    deinit { close() }

    /// Releases the file and its lock. Appending afterwards is refused.
    public func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// Appends one event and returns it once it is on disk. If damage was found, a
    /// `damage-found` event goes first, so the journal itself records it. `ids` gives each event
    /// written its id.
    @discardableResult
    public func append(_ body: EventBody, actor: String, at time: Date, utcOffsetMinutes: Int? = nil,
                       ids: () -> UUID = UUID.init) throws -> JournalEvent {
        guard descriptor >= 0 else { throw JournalError.refused("\(url.lastPathComponent) is closed; open it again to continue.") }
        if needsRescan { try rescan() }
        let offset = utcOffsetMinutes ?? TimeZone.current.secondsFromGMT(for: time) / 60
        if !pendingDamage.isEmpty {
            let pins = pendingDamage.compactMap { pendingPins[$0] }
            let damage = DamageFound(lines: pendingDamage, description: "unreadable or incomplete lines found when the journal was reopened; they are kept as they are",
                                     before: pins.isEmpty ? nil : pins)
            try write(.damageFound(damage), actor: actor, at: time, offset: offset, id: ids())
            pendingDamage = []
            pendingPins = [:]
        }
        return try write(body, actor: actor, at: time, offset: offset, id: ids())
    }

    @discardableResult
    private func write(_ body: EventBody, actor: String, at time: Date, offset: Int, id: UUID) throws -> JournalEvent {
        // Only an edited line can bring `seq` this far; a number past its range could not be read back.
        guard lastSeq < JournalRange.seq.upperBound else {
            throw JournalError.refused("\(url.lastPathComponent) has reached the largest event number (\(JournalRange.seq.upperBound)); it was edited. Run `iwotch journal check` on it.")
        }
        let event = JournalEvent(seq: lastSeq + 1, id: id, time: time, utcOffsetMinutes: offset, delivery: delivery, mode: mode,
                                 actor: actor, previous: head, body: body)
        if screensPrivacy, let problem = Privacy.problems(in: event, participantCodes: participantCodes).first {
            throw JournalError.refused("Not saved: \(problem.message)")
        }
        let line = try LineCodec.encode(event)
        // A torn line is closed off first, so the new event starts on a line of its own.
        var bytes = endsWithNewline ? Data() : Data([0x0A])
        bytes.append(line)
        bytes.append(0x0A)
        do {
            try writeAll(bytes)
            guard fsync(descriptor) == 0 else { throw JournalError.system(path: url.path, action: "save to disk", errno: errno) }
        } catch {
            needsRescan = true
            throw error
        }
        lastSeq = event.seq
        head = lineHash(line)
        endsWithNewline = true
        return event
    }

    private func writeAll(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JournalError.system(path: url.path, action: "write", errno: errno)
                }
                offset += written
            }
        }
    }

    /// Reads the file's end again after a failed write, which may have left part of a line.
    private func rescan() throws {
        let tail = try Tail.scan(url)
        lastSeq = tail.lastSeq
        head = tail.head
        endsWithNewline = !tail.tornTail
        pendingDamage = Array(Set(pendingDamage + tail.damagedLines)).sorted()
        pendingPins.merge(tail.pins) { kept, _ in kept }
        needsRescan = false
    }
}

/// What a writer needs from an existing file: where the chain and the numbering stand, and
/// which lines could not be read.
struct Tail {
    var delivery: String?
    var mode: JournalEvent.Mode?
    /// The participant code masks the opening pinned, if any.
    var participantCodes: ParticipantCodeShape?
    var lastSeq = 0
    var head: String?
    var tornTail = false
    var damagedLines: [Int] = []
    /// By damaged line: the line before it and that line's hash now.
    var pins: [Int: DamageFound.Pin] = [:]

    static func scan(_ url: URL) throws -> Tail {
        let raw = try RawJournal.read(url)
        var tail = Tail()
        tail.tornTail = raw.tornTail
        var recorded: Set<Int> = []
        for line in raw.lines {
            // The chain continues from the physical last line, readable or not.
            let previous = tail.head
            tail.head = lineHash(line.bytes)
            guard case .success(let event) = LineCodec.decode(line.bytes) else {
                // A line erased on request: the chain holds the erased line's hash, and it is no damage.
                if let tombstone = Tombstone.parse(line.bytes) {
                    tail.head = tombstone.erased
                    tail.lastSeq = max(tail.lastSeq, tombstone.seq)
                    continue
                }
                tail.damagedLines.append(line.number)
                if let previous, line.number > 1 { tail.pins[line.number] = DamageFound.Pin(line: line.number - 1, hash: previous) }
                continue
            }
            if tail.delivery == nil { tail.delivery = event.delivery; tail.mode = event.mode }
            if case .deliveryOpened(let opened) = event.body { tail.participantCodes = opened.participantCodeShape }
            tail.lastSeq = max(tail.lastSeq, event.seq)
            if case .damageFound(let damage) = event.body { recorded.formUnion(damage.lines) }
        }
        // Damage already recorded by an earlier damage-found event is not recorded again.
        tail.damagedLines.removeAll { recorded.contains($0) }
        for line in recorded { tail.pins[line] = nil }
        return tail
    }
}
