import Foundation
import Journal
import SessionEngine

/// What the console needs from the journal folder at start-up: open deliveries to offer for
/// resuming, and each group's latest site, facilitators and roster to carry over.
enum JournalScan {
    struct Found {
        var resumable: [ResumableDelivery] = []
        var groups: [String: GroupHistory] = [:]
    }

    static func scan(_ directory: JournalDirectory, mode: JournalEvent.Mode) -> Found {
        var found = Found()
        // Each file is read once. Closed deliveries are recognised without decoding them, and only
        // open ones and each group's latest are decoded in full: start-up stays fast.
        var latest: [String: (date: Date, url: URL, data: Data)] = [:]
        for url in directory.files(mode) {
            // Regular files only: a FIFO never blocks start-up. A journal that cannot be read may
            // be an open delivery, so it is listed with the reason rather than left out.
            let data: Data
            do { data = try RawJournal.readData(url) } catch {
                found.resumable.append(unreadable(url, reason(error)))
                continue
            }
            let closed = data.range(of: Data(#""type":"delivery-closed""#.utf8)) != nil
            // The folder keeps modes apart; a journal copied into the wrong one is still not offered
            // (a rehearsal must never be resumed as, or carried over into, a live delivery).
            guard let firstLine = data.split(separator: 0x0A, maxSplits: 1).first,
                  case .success(let opening) = LineCodec.decode(Data(firstLine)) else {
                if !closed { found.resumable.append(unreadable(url, "has a first line that cannot be read")) }
                continue
            }
            guard opening.mode == mode, case .deliveryOpened(let opened) = opening.body else { continue }
            // Group codes are compared without case: g03 and G03 are one group's history.
            let group = Code.canonical(opened.group)
            if latest[group].map({ $0.date < opening.time }) ?? true { latest[group] = (opening.time, url, data) }
            if !closed {
                let last = ReadJournal.parse(data, url: url).events.last?.event.time ?? opening.time
                found.resumable.append(ResumableDelivery(url: url, title: opened.session.title, group: opened.group, lastEvent: last))
            }
        }
        for (group, entry) in latest {
            let state = ReadJournal.parse(entry.data, url: entry.url).state
            guard let opened = state.opened else { continue }
            found.groups[group] = GroupHistory(site: opened.site, facilitators: opened.facilitators, roster: state.roster)
        }
        // Newest first; the unreadable (no time known) after them, by name.
        found.resumable.sort { ($0.lastEvent, $1.url.lastPathComponent) > ($1.lastEvent, $0.url.lastPathComponent) }
        return found
    }

    private static func unreadable(_ url: URL, _ reason: String) -> ResumableDelivery {
        ResumableDelivery(url: url, title: url.deletingPathExtension().lastPathComponent, group: "", lastEvent: .distantPast,
                          problem: reason)
    }

    /// The cause, as the rest of a sentence about the file ("cannot be read (Permission denied)",
    /// "is not a regular file: it is a FIFO (named pipe)").
    private static func reason(_ error: Error) -> String {
        guard case JournalError.unreadable(let path, let reason) = error else { return "cannot be read" }
        let name = (path as NSString).lastPathComponent
        if reason.hasPrefix(name + " is "), let cut = reason.range(of: ";") {
            return String(reason[reason.index(reason.startIndex, offsetBy: name.count + 1)..<cut.lowerBound])
        }
        return "cannot be read (" + reason.prefix(1).lowercased() + reason.dropFirst() + ")"
    }
}
