import Foundation
import Programme

/// `iwotch journal check`: verifies journal files and reports every problem with file and line,
/// in the same form as the content checker.
public struct JournalCheck {
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var summaries: [DeliverySummary] = []
    /// Content to compare pinned agendas with, when a programme with the same fingerprint is at hand.
    private let content: [Content]
    /// Every event id seen, with where: a region's million events, so the place is kept as small
    /// numbers (the file and the delivery by their index in the tables below) rather than strings.
    private var seenIDs: [UUID: (file: Int32, line: Int32, delivery: Int32)] = [:]
    private var seenPaths: [String] = []
    private var deliveryNames: [String] = []
    private var deliveryIndex: [String: Int32] = [:]
    private var seenDeliveries: [String: String] = [:]

    private mutating func index(ofDelivery name: String) -> Int32 {
        if let known = deliveryIndex[name] { return known }
        let index = Int32(deliveryNames.count)
        deliveryNames.append(name)
        deliveryIndex[name] = index
        return index
    }

    /// Every file's own checks run on every core at once (`FileOutcome`); what spans files (a
    /// delivery or an event id seen twice) is then decided in the order the files were given, so
    /// the report is the same whatever the number of cores.
    /// `load` gives a file's bytes: the file's own by default, or a delivery's lines read back
    /// from the region's database under the name the file had (`iwotch db check`).
    public static func run(_ files: [URL], programmes: [Programme] = [],
                           load: @escaping @Sendable (URL) throws -> Data = RawJournal.readData) -> JournalCheck {
        var check = JournalCheck(programmes: programmes)
        let outcomes = FileOutcome.all(files, content: check.content, load: load)
        check.seenIDs.reserveCapacity(outcomes.reduce(0) { $0 + $1.ids.count })
        for outcome in outcomes { check.join(outcome) }
        return check
    }

    init(programmes: [Programme]) { content = programmes.map(Content.init) }

    /// A programme with its fingerprint worked out once: it hashes the whole programme, and
    /// checking a region's journals asked for it once per journal (most of the time taken).
    struct Content {
        let programme: Programme
        let fingerprint: String
        init(_ programme: Programme) { self.programme = programme; fingerprint = programme.fingerprint }
    }

    /// One file's checks on their own, and what the checks across files need of it.
    struct FileOutcome: @unchecked Sendable {
        let url: URL
        var problems: [Diagnostic] = []
        var summary: DeliverySummary?
        var delivery = ""
        var isReview = false
        /// The delivery the file's events name (all but `otherDeliveries`).
        var deliveryOfEvents = ""
        /// Each event's id and line, in file order. (The journal itself is not kept: a region's
        /// files would all be in memory at once.)
        var ids: [(id: UUID, line: Int32)] = []
        /// The few events whose delivery is not the file's own (a line copied in), by position in `ids`.
        var otherDeliveries: [Int: String] = [:]

        init(_ url: URL, content: [Content], load: (URL) throws -> Data) {
            self.url = url
            let journal: ReadJournal
            do {
                journal = ReadJournal.parse(try load(url), url: url)
            } catch {
                // A file that is no journal (not a regular file, or far too large) already says to move
                // it out; any other failure to read is most often its permissions.
                let said = "\(error)"
                problems.append(Diagnostic(path: url.path, line: 1, column: 1, message: "the journal cannot be read",
                                           excerpt: nil, help: said + (said.contains("move it out of the folder") ? "" : " Check the file's permissions.")))
                return
            }
            problems = JournalCheck.check(journal, content: content).problems
            summary = DeliverySummary(journal)
            delivery = journal.state.delivery
            isReview = journal.isReview
            ids.reserveCapacity(journal.events.count)
            let own = journal.isReview ? (journal.events.first?.event.delivery ?? "") : delivery
            for (position, entry) in journal.events.enumerated() {
                ids.append((entry.event.id, Int32(clamping: entry.line)))
                if entry.event.delivery != own { otherDeliveries[position] = entry.event.delivery }
            }
            deliveryOfEvents = own
        }

        /// The outcomes of `files`, in their order, worked out on every core.
        static func all(_ files: [URL], content: [Content], load: @escaping @Sendable (URL) throws -> Data) -> [FileOutcome] {
            final class Slots: @unchecked Sendable {
                var outcomes: [FileOutcome?]
                init(_ count: Int) { outcomes = Array(repeating: nil, count: count) }
            }
            let slots = Slots(files.count)
            let lock = NSLock()
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, files.count))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < files.count {
                    let outcome = FileOutcome(files[index], content: content, load: load)
                    lock.lock(); slots.outcomes[index] = outcome; lock.unlock()
                    index += workers
                }
            }
            return slots.outcomes.map { $0! }
        }
    }

    mutating func join(_ outcome: FileOutcome) {
        diagnostics += outcome.problems
        guard let summary = outcome.summary else { return }
        summaries.append(summary)
        let url = outcome.url
        // The same journal copied twice is one delivery, not a clash of event ids.
        let delivery = outcome.delivery
        if !outcome.isReview, !delivery.isEmpty, let other = seenDeliveries[delivery] {
            diagnostics.append(Diagnostic(path: url.path, line: 1, column: 1, severity: .warning,
                                          message: "this delivery (\(delivery)) is also in \(other)",
                                          excerpt: nil, help: "Probably a copy of the same journal. Reports count each event once, by its id."))
            return
        }
        if !outcome.isReview, !delivery.isEmpty { seenDeliveries[delivery] = url.path }
        var file: FileCheck?   // read again only when a clash needs its lines (rare: a copied line)
        let fileIndex = Int32(seenPaths.count)
        seenPaths.append(url.path)
        let own = index(ofDelivery: outcome.deliveryOfEvents)
        for (position, (id, line)) in outcome.ids.enumerated() {
            let eventDelivery = outcome.otherDeliveries[position].map { index(ofDelivery: $0) } ?? own
            if let first = seenIDs[id] {
                guard first.delivery != eventDelivery else { continue }
                if file == nil, let journal = try? ReadJournal.read(url) { file = FileCheck(journal: journal) }
                let message = "event id \(id.uuidString.lowercased()) is also used at \(seenPaths[Int(first.file)]):\(first.line)"
                let help = "Event ids are unique across all journals. One of these lines was made by copying, not by iwotch."
                diagnostics.append(file?.diagnostic(Int(line), message, key: "id", help: help)
                                   ?? Diagnostic(path: url.path, line: Int(line), column: 1, message: message, excerpt: nil, help: help))
            } else {
                seenIDs[id] = (fileIndex, line, eventDelivery)
            }
        }
    }

    public var errorCount: Int { diagnostics.errorCount }

    /// The checks of one file on its own (everything but ids shared with other files); reports
    /// run these on every journal they read.
    public static func problems(of journal: ReadJournal, programmes: [Programme] = []) -> [Diagnostic] {
        check(journal, programmes: programmes).problems
    }

    /// `problems(of:)`, and the journal's replayed state (`journal.state`) when the checks worked it
    /// out on the way, which they do for a journal without corrections or repeated event ids:
    /// reports then need not replay the journal again.
    public static func check(_ journal: ReadJournal, programmes: [Programme] = []) -> (problems: [Diagnostic], state: DeliveryState?) {
        check(journal, content: programmes.map(Content.init))
    }

    static func check(_ journal: ReadJournal, content: [Content]) -> (problems: [Diagnostic], state: DeliveryState?) {
        var file = FileCheck(journal: journal)
        file.run(content: content)
        // A file that is not a journal at all would otherwise give a problem per line.
        let limit = 100
        var result = Array(file.diagnostics.prefix(limit))
        if file.diagnostics.count > limit {
            result.append(Diagnostic(path: journal.url.path, line: 1, column: 1, message: "and \(file.diagnostics.count - limit) more problems in this file",
                                     excerpt: nil, help: "Is this a journal? Journals are written by iwotch, one JSON object per line."))
        }
        return (result, file.replayed)
    }
}

/// The checks of one file.
struct FileCheck {
    let journal: ReadJournal
    var diagnostics: [Diagnostic] = []
    /// `journal.state`, when checking the events folded exactly that.
    var replayed: DeliveryState?

    init(journal: ReadJournal) { self.journal = journal }

    var path: String { journal.url.path }

    func excerpt(_ line: Int) -> String? {
        guard line >= 1, line <= journal.raw.lines.count else { return nil }
        return String(decoding: journal.raw.lines[line - 1].bytes, as: UTF8.self)
    }

    /// A diagnostic pointing at `"key":` on the line when the key is there.
    func diagnostic(_ line: Int, _ message: String, key: String? = nil, severity: Diagnostic.Severity = .error, help: String) -> Diagnostic {
        let text = excerpt(line)
        var column = 1
        if let key, let text, let range = text.range(of: "\"\(key)\":") {
            column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.startIndex) + 1
        }
        let span = key.map { $0.count + 2 } ?? 1
        return Diagnostic(path: path, line: line, column: column, severity: severity, message: message, excerpt: text, span: span, help: help)
    }

    mutating func report(_ line: Int, _ message: String, key: String? = nil, severity: Diagnostic.Severity = .error, help: String) {
        diagnostics.append(diagnostic(line, message, key: key, severity: severity, help: help))
    }

    mutating func run(content: [JournalCheck.Content]) {
        if journal.raw.lines.isEmpty {
            report(1, "the journal is empty", help: "A journal starts with a delivery-opened event. An empty file was not written by iwotch; it can be removed.")
            return
        }
        // Damage iwotch itself found and recorded is part of the record; damage nobody has
        // recorded yet is an error until the delivery is opened again (or the file restored).
        var recorded: [Int: Int] = [:]
        // By index into a local copy of the list, here and below: looping over the (line, event)
        // pairs, or reading them through `self` while reporting, copies every event.
        let events = journal.events
        for index in events.indices {
            if case .damageFound(let damage) = events[index].event.body {
                for damaged in damage.lines { recorded[damaged] = events[index].line }
                checkPins(damage.before ?? [], recordedOn: events[index].line)
            }
        }
        for (line, reason) in journal.unreadable {
            if let by = recorded[line] {
                report(line, "line \(line) is damaged (\(reason)); iwotch recorded this on line \(by)", severity: .warning,
                       help: "A crash or power cut interrupted this write, so it was never shown as saved; the lines after it are intact.")
                continue
            }
            let torn = reason.contains("cut short")
            var diagnostic = diagnostic(line, "line \(line) cannot be read: \(reason)",
                                        help: torn ? "A crash or power cut stopped this write; the event was never shown as saved. The other lines are read as usual, and iwotch records the damage the next time the delivery is opened. Do not edit the file."
                                                   : "The other lines are read as usual. If the file was edited by hand, restore it from a copy; iwotch never writes such a line.")
            // A repeated key is pointed at where it repeats.
            if !torn, line <= journal.raw.lines.count, let repeated = LineCodec.repeatedKey(in: journal.raw.lines[line - 1].bytes) {
                diagnostic.column = repeated.column
                diagnostic.span = repeated.key.count + 2
            }
            diagnostics.append(diagnostic)
        }
        checkChain()
        checkSequence()
        checkEvents(content: content)
    }

    /// The lines a damage-found event pinned (the one before each damaged line) must still have
    /// the hashes it recorded: a damaged line may have lost its own `prev`, which would otherwise
    /// have checked them.
    mutating func checkPins(_ pins: [DamageFound.Pin], recordedOn recorder: Int) {
        let lines = journal.raw.lines
        for pin in pins {
            guard pin.line >= 1, pin.line < recorder, pin.line <= lines.count else {
                report(recorder, "the damage-found event names line \(pin.line), which is not a line before it", key: "before",
                       help: "iwotch names only earlier lines of the same file. This line was edited, or lines were removed.")
                continue
            }
            if !chainHash(lines[pin.line - 1].bytes, is: pin.hash) {
                report(pin.line, "line \(pin.line) does not match the hash recorded for it by the damage-found event on line \(recorder)",
                       help: "Line \(pin.line) was changed after the damage-found event recorded its hash, or lines were removed or inserted. The journal is the record: find out who edited it, and restore it from a copy.")
            }
        }
    }

    /// Each line's `prev` must be the hash of the line before it, as bytes stand now.
    mutating func checkChain() {
        let lines = journal.raw.lines
        let events = journal.events
        // Events are in line order, so each line's event (if it has one) is found by walking along.
        var next = events.startIndex
        for (index, line) in lines.enumerated() {
            while next < events.endIndex, events[next].line < line.number { next += 1 }
            guard next < events.endIndex, events[next].line == line.number else {
                // A line erased on request keeps the erased line's own `prev`.
                if let tombstone = journal.erased[line.number] {
                    if index == 0 {
                        report(line.number, "line 1 is erased", help: "A delivery's opening names no participant and is never erased. Lines were removed from the start of this file, or it was edited.")
                    } else if !linked(index - 1, tombstone.prev) {
                        report(lines[index - 1].number, "line \(lines[index - 1].number) does not match the hash recorded on erased line \(line.number)",
                               help: "Line \(lines[index - 1].number) was changed after it was written, or lines were removed or inserted after it. The journal is the record: find out who edited it, and restore it from a copy.")
                    }
                    continue
                }
                // A damaged line still names the line before it when its `prev` survived: without
                // this, the line before any damage (a torn tail above all) was never checked.
                if index > 0, let previous = Self.recordedPrevious(in: line.bytes), !linked(index - 1, previous) {
                    report(lines[index - 1].number, "line \(lines[index - 1].number) does not match the hash recorded on damaged line \(line.number)",
                           help: "Line \(line.number) cannot be read as an event, but the hash of the line before it is legible in its bytes. Line \(lines[index - 1].number) was changed after it was written, or lines were removed or inserted after it. The journal is the record: find out who edited it, and restore it from a copy.")
                }
                continue
            }
            let previous = events[next].event.previous
            if index == 0 {
                if previous != nil {
                    report(line.number, "the first line names a previous line", key: "prev",
                           help: "Line 1 of a journal has `prev: null`. Lines were removed from the start of this file.")
                }
                continue
            }
            if !linked(index - 1, previous) {
                report(lines[index - 1].number, "line \(lines[index - 1].number) does not match the hash recorded on line \(line.number)",
                       help: "Line \(lines[index - 1].number) was changed after it was written, or lines were removed or inserted after it. The journal is the record: find out who edited it, and restore it from a copy.")
            }
        }
    }

    /// Whether the line at `index` has the hash `previous` names: for an erased line, the hash it
    /// recorded of the line it replaced.
    func linked(_ index: Int, _ previous: String?) -> Bool {
        let line = journal.raw.lines[index]
        if let tombstone = journal.erased[line.number] { return tombstone.erased == previous }
        return lineHash(line.bytes, is: previous)
    }

    /// The `"prev":"sha256:…"` hash written in a line that cannot be read as an event, if its bytes
    /// still hold one: the last such member (an envelope's `prev` follows its `data`), whose key
    /// follows `{` or `,` (inside a string the quote would follow a backslash).
    static func recordedPrevious(in bytes: Data) -> String? {
        let key = Array(#""prev":"sha256:"#.utf8)
        let hashLength = 64
        return bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard bytes.count >= key.count + hashLength + 2 else { return nil }
            var start = bytes.count - (key.count + hashLength + 1)
            while start >= 1 {
                defer { start -= 1 }
                guard bytes[start] == key[0], bytes[start - 1] == 0x2C || bytes[start - 1] == 0x7B else { continue }
                guard (0..<key.count).allSatisfy({ bytes[start + $0] == key[$0] }) else { continue }
                let digits = start + key.count
                guard bytes[digits + hashLength] == 0x22,
                      (digits..<digits + hashLength).allSatisfy({ (0x30...0x39).contains(bytes[$0]) || (0x61...0x66).contains(bytes[$0]) })
                else { continue }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start + key.count - 7..<digits + hashLength]), as: UTF8.self)
            }
            return nil
        }
    }

    mutating func checkSequence() {
        var expected = 1
        let events = journal.events
        // Erased lines keep their numbers: the events number on past them.
        let erasedSeqs = Set(journal.erased.values.map(\.seq))
        if !journal.erased.isEmpty {
            let count = journal.erased.count
            report(journal.erased.keys.min()!, "\(count) \(count == 1 ? "line" : "lines") erased on request (a participant's records); the chain still checks through \(count == 1 ? "it" : "them")",
                   severity: .warning, help: "iwotch journal erase and iwotch db erase replace the lines naming a participant with tombstones that keep each line's hash. The figures leave the participant out; the closing summary still counts them (Manuals/region-guide.md).")
        }
        for index in events.indices {
            let seq = events[index].event.seq
            while erasedSeqs.contains(expected), seq != expected { expected += 1 }
            if seq != expected {
                report(events[index].line, "sequence number \(seq) where \(expected) was expected", key: "seq",
                       help: seq > expected ? "Events are missing before this line: lines were removed." : "Lines were repeated or moved.")
            }
            expected = seq + 1
        }
    }

    mutating func checkEvents(content: [JournalCheck.Content]) {
        if journal.isReview { return checkReview() }
        var state = DeliveryState()
        let events = journal.events
        // The events before the current one are events[..<position].
        var position = 0
        // Each id's first line, and the latest event with it as a position in `events` (corrections
        // look their target up): one table, so each event's id is hashed twice rather than three times.
        var ids: [UUID: (line: Int, latest: Int)] = [:]
        ids.reserveCapacity(events.count)
        var pinned: Pinned?
        var started: Set<String> = []
        // The time of the last event other than a damage-found: a console-resumed names it.
        var lastRecordAt: Date?
        // Until a correction is met, replaying the events so far gives exactly `state`.
        var corrected = false
        var repeated = false
        // By index: a (line, event) pair is copied through its type's metadata, slowly.
        for index in events.indices {
            let line = events[index].line
            let event = events[index].event
            // The body is looked at once, here: each `if case` on it made a copy of the whole event.
            var isReview = false, isCorrection = false, isDamage = false
            var openedHere: DeliveryOpened?, closedHere: DeliveryClosed?
            switch event.body {
            case .supervisorReview: isReview = true
            case .deliveryOpened(let data): openedHere = data
            case .deliveryClosed(let data): closedHere = data
            case .correction: isCorrection = true
            case .damageFound: isDamage = true
            case .participantEnrolled, .attendanceMarked, .activityStarted, .activityEnded, .stepShown, .timerPaused, .timerResumed,
                 .fidelityRated, .noteAdded, .consoleResumed:
                break
            }
            let allowedAfterClose = event.body.kind.allowedAfterClose
            let seen = ids.index(forKey: event.id)
            if let seen {
                repeated = true
                report(line, "event id \(event.id.uuidString.lowercased()) is used again (first on line \(ids.values[seen].line))", key: "id",
                       help: "Every event has its own id. This line was copied, not written by iwotch.")
            }
            if isReview {
                report(line, "a supervisor review inside a delivery's journal", key: "type",
                       help: "Reviews are written to files of their own (iwotch review); the facilitators' journal is never added to by a reviewer.")
            } else if let data = openedHere {
                if pinned != nil {
                    report(line, "a second delivery-opened event", key: "type", help: "A journal holds one delivery; this line belongs in another file.")
                } else {
                    pinned = Pinned(data)
                    if line != 1 || event.seq != 1 {
                        report(line, "the delivery is opened on line \(line), not line 1", key: "type", help: "A journal starts with its delivery-opened event.")
                    }
                    checkOpening(data, line: line, content: content)
                }
            } else if pinned == nil {
                report(line, "an event before the delivery was opened", key: "type", help: "A journal starts with its delivery-opened event; this file's start is missing or damaged.")
            }
            if !state.delivery.isEmpty, event.delivery != state.delivery {
                report(line, "this event belongs to delivery \(event.delivery), not \(state.delivery)", key: "delivery",
                       help: "Lines from another journal were added to this file.")
            }
            if pinned != nil, event.mode != state.mode, state.eventCount > 0 {
                report(line, "a \(event.mode.rawValue) event in a \(state.mode.rawValue) journal", key: "mode",
                       help: "Rehearsal and live records are never mixed; this line was copied in from elsewhere.")
            }
            if state.isClosed, !allowedAfterClose {
                report(line, "a \(event.type) event after the delivery was closed", key: "type",
                       help: "After sign-off only corrections and notes are added.")
            }
            checkPrivacy(event, line: line, participantCodes: pinned?.participantCodes)
            if let pinned {
                checkReferences(event, line: line, pinned: pinned, state: state, started: &started, lastRecordAt: lastRecordAt,
                                earlier: { ids[$0].map { events[$0.latest].event } })
            }
            if !isDamage && !isReview { lastRecordAt = event.time }
            // The closing counts are those of the corrected record, so they are recounted by replay.
            if let data = closedHere {
                checkClosing(data, line: line, state: corrected ? DeliveryState.replay(events[..<position].map(\.event)) : state, opened: pinned?.opened)
            }
            if isCorrection { corrected = true }
            // Nothing was added to `ids` since `seen` was found, so the index still holds.
            if let seen { ids.values[seen].latest = position } else { ids[event.id] = (line, position) }
            position += 1
            state.fold(event)
        }
        // Without corrections (which replay applies) or repeated ids (which a join counts once),
        // the state folded here is the journal's replayed state.
        if !corrected, !repeated { replayed = state }
        if pinned != nil, !state.isClosed, journal.events.last != nil {
            let last = journal.events.last!
            report(last.line, "the delivery is still open (last event \(Timestamp.format(last.event.time)))", severity: .warning,
                   help: "If the session is under way, this is expected. If it is over, open it in iwotch to resume and close it: nothing recorded is lost.")
        }
    }

    /// A review file: one or more supervisor-review events of one delivery, and nothing else.
    mutating func checkReview() {
        var ids: [UUID: Int] = [:]
        let delivery = journal.events.first?.event.delivery ?? ""
        for (line, event) in journal.events {
            if let first = ids[event.id] {
                report(line, "event id \(event.id.uuidString.lowercased()) is used again (first on line \(first))", key: "id",
                       help: "Every event has its own id. This line was copied, not written by iwotch.")
            } else {
                ids[event.id] = line
            }
            guard case .supervisorReview(let review) = event.body else {
                report(line, "a \(event.type) event in a review file", key: "type",
                       help: "A review file holds supervisor-review events only; this line belongs in a delivery's journal.")
                continue
            }
            if event.delivery != delivery {
                report(line, "this review is of delivery \(event.delivery), not \(delivery)", key: "delivery",
                       help: "A review file reviews one delivery.")
            }
            // A rehearsal is assessed by a trainer (with a decision); a live delivery is reviewed by a
            // supervisor (without one). Each mixed case is a file copied or written by hand.
            if event.mode != .live && !review.isAssessment {
                report(line, "a review of a rehearsal without a decision", key: "mode",
                       help: "Supervisors review live deliveries; a trainer's assessment of a rehearsal says whether the trainee is ready (decision).")
            }
            if event.mode == .live && review.isAssessment {
                report(line, "a trainer's decision on a live delivery", key: "decision",
                       help: "Decisions (ready, needs-practice) belong to assessments of rehearsals; live deliveries are reviewed without one.")
            }
            if review.decision == .needsPractice && (review.toPractise ?? "").isEmpty {
                report(line, "needs-practice without what to practise", key: "decision", help: "An assessment that asks for more practice says what to practise (to_practise).")
            }
            if !review.competenceScale.contains(where: { $0.score == review.competence }) {
                report(line, "competence \(review.competence) is not a point of the competence scale recorded with it", key: "competence",
                       help: "The points are: \(review.competenceScale.map { String($0.score) }.joined(separator: ", ")).")
            }
            checkPrivacy(event, line: line)
        }
    }

    /// Every code and free-text field of the event, screened as when it was entered (`Privacy`).
    mutating func checkPrivacy(_ event: JournalEvent, line: Int, participantCodes: ParticipantCodeShape? = nil) {
        for problem in Privacy.problems(in: event, participantCodes: participantCodes) {
            report(line, problem.message, key: problem.key,
                   help: "The journal holds pseudonymous codes only and no identifiers. Ask the data protection lead what to do; do not edit the journal.")
        }
    }

    mutating func checkOpening(_ data: DeliveryOpened, line: Int, content: [JournalCheck.Content]) {
        let masks = data.participantCodes ?? []
        if data.participantCodes != nil, !(1...ParticipantCodeShape.maximumMasks).contains(masks.count) {
            report(line, "\(masks.count) participant code masks; there are 1 to \(ParticipantCodeShape.maximumMasks)", key: "participant_codes",
                   help: "The delivery-opened line was edited after it was written.")
        }
        for mask in masks {
            if let problem = ParticipantCodeShape.problem(withMask: mask) {
                report(line, "`\(mask)` is not a participant code mask: \(problem)", key: "participant_codes",
                       help: "The delivery-opened line was edited after it was written.")
            }
        }
        if let programme = content.first(where: { $0.programme.id == data.programme.id && $0.fingerprint == data.programme.fingerprint })?.programme,
           !data.matches(programme) {
            report(line, "the agenda recorded here differs from content \(data.programme.id) \(data.programme.version) with the same fingerprint",
                   key: "session", help: "The delivery-opened line was edited after it was written.")
        }
    }

    /// What the opening event pinned, made once and shared by reference while the events are
    /// walked: copying the opening record for each event was a large part of the check.
    final class Pinned {
        let opened: DeliveryOpened
        /// The agenda by item id: every event that names an item looks it up.
        let agenda: [String: DeliveryOpened.AgendaItem]
        let roles: Set<String>
        let participantCodes: ParticipantCodeShape?
        init(_ opened: DeliveryOpened) {
            self.opened = opened
            participantCodes = opened.participantCodeShape
            agenda = Dictionary(opened.session.agenda.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            roles = Set(opened.facilitators.map(\.role))
        }
    }

    /// `lastRecordAt`: the time of the last event before this one other than a damage-found.
    mutating func checkReferences(_ event: JournalEvent, line: Int, pinned: Pinned, state: DeliveryState,
                                  started: inout Set<String>, lastRecordAt: Date?, earlier: (UUID) -> JournalEvent?) {
        func item(_ id: String, key: String) -> DeliveryOpened.AgendaItem? {
            guard let found = pinned.agenda[id] else {
                report(line, "`\(id)` is not an item of session \(pinned.opened.session.id) in content \(pinned.opened.programme.version)", key: key,
                       help: "The event names an agenda item that the pinned content does not have.")
                return nil
            }
            return found
        }
        switch event.body {
        case .participantEnrolled:
            break   // its code is held to the pinned masks with the other privacy rules (`checkPrivacy`)
        case .attendanceMarked(let data):
            if !state.roster.contains(data.participant) {
                report(line, "attendance for \(data.participant), who is not enrolled", key: "participant",
                       help: "A participant-enrolled event comes before their first attendance mark.")
            }
            // Not answered and rearranged say what became of a one-to-one contact that did not take place.
            if let outcome = data.outcome, data.status != .absent || !pinned.opened.session.isOneToOne {
                report(line, "the outcome `\(outcome.rawValue)` is given for a mark that is not an absence from a one-to-one", key: "outcome",
                       help: "An outcome belongs only to an absence (status absent) in a one-to-one session; a correction can remove it.")
            }
        case .activityStarted(let data):
            if item(data.activity, key: "activity") != nil { started.insert(data.activity) }
        case .activityEnded(let data):
            if item(data.activity, key: "activity") != nil, !started.contains(data.activity) {
                report(line, "`\(data.activity)` ends without having started", key: "activity", help: "An activity-started event for it is missing.")
            }
        case .stepShown(let data):
            _ = item(data.activity, key: "activity")
            if data.step < 0 { report(line, "step \(data.step) is not a step", key: "step", help: "Steps are counted from 0.") }
        case .noteAdded(let data):
            if let activity = data.activity { _ = item(activity, key: "activity") }
        case .fidelityRated(let data):
            if let found = item(data.activity, key: "activity"), !found.fidelity.contains(data.item) {
                report(line, "`\(data.item)` is not a fidelity item of `\(data.activity)`", key: "item",
                       help: "The rating names an item the pinned content does not have for this activity.")
            }
            if !pinned.opened.fidelityScale.contains(where: { $0.id == data.level }) {
                report(line, "`\(data.level)` is not a level of the fidelity scale in force", key: "level",
                       help: "The levels are: \(pinned.opened.fidelityScale.map(\.id).joined(separator: ", ")).")
            }
            for role in data.deliveredBy where !pinned.roles.contains(role) {
                report(line, "delivered by `\(role)`, a role no facilitator of this delivery has", key: "delivered_by",
                       help: "The roles are: \(pinned.roles.sorted().joined(separator: ", ")).")
            }
            if let replaced = data.replaces {
                let target = earlier(replaced)
                let sameItem = if case .fidelityRated(let old) = target?.body { old.item == data.item && old.activity == data.activity } else { false }
                if !sameItem {
                    report(line, "the rating replaces event \(replaced.uuidString.lowercased()), which is not an earlier rating of `\(data.item)` in this journal",
                           key: "replaces", help: "A re-rating names the earlier fidelity-rated event of the same item that it supersedes.")
                }
            }
        case .correction(let data):
            guard let target = earlier(data.refersTo) else {
                report(line, "the correction refers to event \(data.refersTo.uuidString.lowercased()), which is not earlier in this journal",
                       key: "refers_to", help: "A correction names an earlier event of the same delivery.")
                return
            }
            if !Corrections.canApply(data, to: target) {
                report(line, "the correction changes `\(data.field)`, which a \(target.type) event does not have or cannot take this value",
                       key: "field", help: "Name a field of the corrected event's data, with a value of the right kind.")
            }
        // These name nothing the opening pinned: the opening and closing records and reviews are
        // checked on their own, and damage is reported where the lines are read.
        case .consoleResumed(let data):
            // It says when the delivery's last event before it was (a damage-found the reopened
            // writer put just before it aside), and how long before it that was.
            if let last = lastRecordAt, abs(data.lastEventAt.timeIntervalSince(last)) >= 0.001 {
                report(line, "the resume says the last event was at \(Timestamp.format(data.lastEventAt)), but it was at \(Timestamp.format(last))",
                       key: "last_event_at", help: "console-resumed names the time of the event just before it.")
            }
            if abs(Double(data.gapSeconds) - event.time.timeIntervalSince(data.lastEventAt)) >= 1 {
                report(line, "gap_seconds is \(data.gapSeconds), but the event is \(Int(event.time.timeIntervalSince(data.lastEventAt))) s after last_event_at",
                       key: "gap_seconds", help: "gap_seconds is the whole seconds from last_event_at to the event's own time.")
            }
        case .deliveryOpened, .timerPaused, .timerResumed, .damageFound, .deliveryClosed, .supervisorReview:
            break
        }
    }

    mutating func checkClosing(_ data: DeliveryClosed, line: Int, state: DeliveryState, opened: DeliveryOpened?) {
        let computed = state.summary
        let pairs: [(String, Int, Int)] = [
            ("participants", data.summary.participants, computed.participants),
            ("present", data.summary.present, computed.present),
            ("late", data.summary.late, computed.late),
            ("left_early", data.summary.leftEarly, computed.leftEarly),
            ("absent", data.summary.absent, computed.absent),
            ("activities_delivered", data.summary.activitiesDelivered, computed.activitiesDelivered),
            ("items_rated", data.summary.itemsRated, computed.itemsRated),
            ("items_unrated", data.summary.itemsUnrated, computed.itemsUnrated),
        ]
        // After an erasure the events give fewer people and marks than were counted at the close:
        // the closing record keeps what was delivered, the figures what is left (Manuals/region-guide.md).
        let attendance: Set<String> = ["participants", "present", "late", "left_early", "absent"]
        for (name, recorded, actual) in pairs where recorded != actual && !(!journal.erased.isEmpty && attendance.contains(name) && actual < recorded) {
            report(line, "the closing summary says \(name) \(recorded), but the events give \(actual)", key: name,
                   help: "The closing record must agree with the events before it. Was an earlier line edited or removed?")
        }
        for facilitator in opened?.facilitators ?? [] where !data.signoffs.contains(where: { $0.code == facilitator.code }) {
            report(line, "facilitator \(facilitator.code) (\(facilitator.role)) did not sign off", key: "signoffs", severity: .warning,
                   help: "Each facilitator signs off a delivery when it closes.")
        }
    }
}
