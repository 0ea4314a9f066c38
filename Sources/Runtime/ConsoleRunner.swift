import Audit
import Foundation
import Journal
import Programme
import SessionEngine

/// Carries out the engine's effects against the journal and feeds the outcome back: the one
/// place where the console touches the disk. The terminal loop and the tests both drive it.
public final class ConsoleRunner {
    public private(set) var state: ConsoleState
    public private(set) var writer: JournalWriter?
    public let directory: JournalDirectory
    /// Set when the engine asks to leave; the sentence to print after the terminal is restored.
    public private(set) var quitMessage: String?
    /// Watches the content files while the console follows edits (rehearsing, browsing).
    private var reloader: ContentReloader?
    private var nextContentPoll = Date.distantPast
    /// The journals the audit screen reads: those named to `iwotch audit`, else the journal
    /// folder's live journals and reviews (as `iwotch report` reads by default).
    private var auditFiles: [URL]?
    /// Or, when set, what reads them (`iwotch audit --database`: the region's database), asked
    /// again each time the screen reloads.
    private var auditSource: (@Sendable () -> AuditSet)?
    /// Where random ids come from: the engine's fresh id for each action, and each event's id.
    private let ids: () -> UUID

    /// The local offset from UTC at a moment: taken afresh for each action and each event, so
    /// events after a daylight-saving change carry the new offset.
    private let utcOffset: (Date) -> Int

    /// `ids` draws the random ids (fresh UUIDs; a test may give a known sequence); `utcOffset`
    /// gives the local offset in minutes at a moment (the system time zone's; a test may give its own).
    public init(programme: Programme, directory: JournalDirectory, mode: JournalEvent.Mode = .live,
                utcOffset: @escaping (Date) -> Int = { TimeZone.current.secondsFromGMT(for: $0) / 60 },
                ids: @escaping () -> UUID = UUID.init) {
        self.ids = ids
        self.utcOffset = utcOffset
        self.directory = directory
        let found = JournalScan.scan(directory, mode: mode, programme: programme.id)
        state = ConsoleState(programme: programme, mode: mode, resumable: found.resumable, groups: found.groups)
        if mode == .live { state.signOffs = SignOffs.read(directory) }
        state.utcOffsetMinutes = utcOffset(Date())
    }

    /// The facilitator's own keys (keys.yaml), in place of the standard ones.
    public func useKeys(_ map: KeyMap) { state.keyMap = map }

    /// The same, at a fixed offset.
    public convenience init(programme: Programme, directory: JournalDirectory, mode: JournalEvent.Mode = .live,
                            utcOffsetMinutes: Int, ids: @escaping () -> UUID = UUID.init) {
        self.init(programme: programme, directory: directory, mode: mode, utcOffset: { _ in utcOffsetMinutes }, ids: ids)
    }

    /// Starts on the set-up screen (`iwotch run`), with a session and group chosen in advance.
    /// Set-up for `session` even though deliveries are open, saying they are kept (`iwotch rehearse --session`).
    public func startSetup(asking session: String, now: Date = Date()) {
        state.openSetup(asking: session, now: now)
    }

    public func startSetup(session: String?, group: String?) {
        state.openSetup()
        if let session { state.setup.choose(session: session) }
        if let group {
            state.setup.group = TextInput(group, limit: 12)
            state.setup.carryOver()
        }
    }

    /// Opens the manual browser: on its own (`iwotch browse`, where leaving it leaves iwotch),
    /// or from the home screen.
    public func startBrowsing(manualOnly: Bool) {
        state.manualOnly = manualOnly
        state.openManual()
    }

    /// Opens the audit screen on `files` (`iwotch audit`), where leaving it leaves iwotch.
    public func startAudit(files: [URL]?, now: Date = Date()) {
        auditFiles = files
        state.auditOnly = true
        handle(readAudit(), now: now)
    }

    /// Opens the audit screen on journals `source` reads (the region's database).
    public func startAudit(reading source: @escaping @Sendable () -> AuditSet, now: Date = Date()) {
        auditSource = source
        state.auditOnly = true
        handle(readAudit(), now: now)
    }

    private func readAudit() -> Action {
        Self.auditLoaded(auditSource?() ?? AuditSet.read(auditFiles ?? directory.auditFiles()))
    }

    /// What the audit screen is handed of the journals read: the records, and what was read.
    public static func auditLoaded(_ set: AuditSet) -> Action {
        .auditLoaded(records: set.records, sources: AuditBook.Sources(
            files: set.files.count, failed: set.files.filter(\.failedCheck).map(\.path),
            copies: set.files.filter { $0.kind == .copy }.count, reviews: set.files.filter { $0.kind == .review }.count))
    }

    /// Watches the programme at `path` for edits; `pollContent` takes them up.
    public func followContent(at path: String) {
        reloader = ContentReloader(path: path)
    }

    /// About once a second: when the console follows edits and a content file changed, reload
    /// it through the checker and hand the outcome to the engine. A live console never looks.
    public func pollContent(now: Date) {
        guard state.followsContentEdits, let reloader, now >= nextContentPoll else { return }
        nextContentPoll = now.addingTimeInterval(ContentReloader.interval)
        if let action = reloader.poll() { handle(action, now: now) }
    }

    public func handle(_ action: Action, now: Date) {
        state.utcOffsetMinutes = utcOffset(now)
        var queue = Engine.update(&state, action, now: now, fresh: ids())
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            guard let outcome = perform(effect, now: now) else { continue }
            queue.append(contentsOf: Engine.update(&state, outcome, now: now, fresh: ids()))
        }
    }

    /// Carries out one effect and says how it went, as the next action for the engine.
    private func perform(_ effect: Effect, now: Date) -> Action? {
        do {
            switch effect {
            case .createDelivery(let opening, let delivery):
                let (created, event) = try JournalWriter.create(in: directory.folder(for: state.mode), delivery: delivery, mode: state.mode,
                                                                opening: opening, actor: opening.facilitators.first?.code ?? "", at: now,
                                                                utcOffsetMinutes: utcOffset(now), ids: ids)
                writer = created
                return .saved(event)
            case .append(let body):
                guard let writer else { return .saveFailed("no delivery is open") }
                return .saved(try writer.append(body, actor: state.actor, at: now, utcOffsetMinutes: utcOffset(now), ids: ids))
            case .resume(let url):
                do {
                    // Its first line, before taking the writer: a delivery of another programme is refused untouched.
                    let pinned = (try? ReadJournal.read(url))?.events.first.flatMap { event -> DeliveryOpened? in
                        if case .deliveryOpened(let opened) = event.event.body { opened } else { nil }
                    }
                    if let refusal = ResumeCheck.refusal(pinned, title: pinned?.session.title ?? url.lastPathComponent,
                                                         loaded: state.programme, mode: state.mode) {
                        return .failed(refusal)
                    }
                    let opened = try JournalWriter.open(url)
                    let journal = try ReadJournal.read(url)
                    writer = opened
                    let events = journal.events.map(\.event)
                    return .resumed(DeliveryState.replay(events), events: events)
                } catch {
                    return .failed(String(describing: error))
                }
            case .changeMode(let mode):
                let found = JournalScan.scan(directory, mode: mode, programme: state.programme.id)
                return .modeChanged(mode, resumable: found.resumable, groups: found.groups)
            case .loadAudit:
                return readAudit()
            case .quit(let message):
                quitMessage = message
                writer?.close()
                return nil
            }
        } catch {
            return .saveFailed(String(describing: error))
        }
    }
}
