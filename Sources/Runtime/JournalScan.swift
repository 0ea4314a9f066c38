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
            guard let data = try? RawJournal.readData(url) else { continue }   // regular files only: a FIFO never blocks start-up
            let closed = data.range(of: Data(#""type":"delivery-closed""#.utf8)) != nil
            // The folder keeps modes apart; a journal copied into the wrong one is still not offered
            // (a rehearsal must never be resumed as, or carried over into, a live delivery).
            guard let firstLine = data.split(separator: 0x0A, maxSplits: 1).first,
                  case .success(let opening) = LineCodec.decode(Data(firstLine)), opening.mode == mode,
                  case .deliveryOpened(let opened) = opening.body else { continue }
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
        found.resumable.sort { $0.lastEvent > $1.lastEvent }
        return found
    }
}
