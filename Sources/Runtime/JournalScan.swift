import Foundation
import Journal
import SessionEngine

/// What the console needs from the journal folder at start-up: open deliveries to offer for
/// resuming, and each group's latest site, facilitators and roster to carry over.
///
/// Each journal is summarised once and the summary kept in the folder's `JournalIndex`; a later
/// start-up reads only the files that changed since (by size, modification time and inode), so
/// the first frame does not grow with every delivery ever recorded.
enum JournalScan {
    struct Found {
        var resumable: [ResumableDelivery] = []
        var groups: [String: GroupHistory] = [:]
    }

    /// `programme`: the id of the programme the console runs; groups are carried over only from
    /// its own deliveries (nil: from every programme's).
    static func scan(_ directory: JournalDirectory, mode: JournalEvent.Mode, programme: String? = nil) -> Found {
        var found = Found()
        let folder = directory.folder(for: mode)
        let previous = JournalIndex.load(folder)
        var index = JournalIndex()
        var changed = false
        var read: [String: (entry: JournalIndex.Entry, data: Data)] = [:]   // files read now, kept for the rosters below
        // Stamped before reading: a write in between leaves an older stamp, so the file is read
        // again next time rather than trusted with a summary of less than it holds.
        for (name, stamp) in JournalIndex.list(folder) {
            if let stamp, let row = previous.rows[name], row.stamp == stamp {
                index.rows[name] = row
                continue
            }
            changed = true
            let url = folder.appendingPathComponent(name)
            // Regular files only: a FIFO never blocks start-up. A journal that cannot be read may
            // be an open delivery, so it is listed with the reason rather than left out (and not
            // indexed: it is looked at again next time).
            let bytes: Data
            do { bytes = try RawJournal.readData(url) } catch {
                found.resumable.append(unreadable(url, reason(error)))
                continue
            }
            let closed = bytes.range(of: Data(#""type":"delivery-closed""#.utf8)) != nil
            guard let firstLine = bytes.split(separator: 0x0A, maxSplits: 1).first,
                  case .success(let opening) = LineCodec.decode(Data(firstLine)) else {
                if !closed { found.resumable.append(unreadable(url, "has a first line that cannot be read")) }
                continue
            }
            guard case .deliveryOpened(let opened) = opening.body, let stamp else { continue }
            // Closed deliveries are recognised without decoding them; open ones are read in full.
            let last = closed ? opening.time : (ReadJournal.parse(bytes, url: url).events.last?.event.time ?? opening.time)
            let entry = JournalIndex.Entry(stamp: stamp, closed: closed, modeMatches: opening.mode == mode, group: opened.group,
                                           programme: opened.programme.id, site: opened.site, title: opened.session.title, openedAt: opening.time.journalMilliseconds,
                                           lastEventAt: last.journalMilliseconds, facilitators: opened.facilitators, roster: nil,
                                           oneToOne: opened.session.isOneToOne)
            index.rows[name] = JournalIndex.row(name, entry)
            read[name] = (entry, bytes)
        }
        if previous.rows.count != index.rows.count { changed = true }
        // The folder keeps modes apart; a journal copied into the wrong one is still not offered
        // (a rehearsal must never be resumed as, or carried over into, a live delivery).
        var latest: [String: (name: String, openedAt: Int64)] = [:]
        func ownProgramme(_ row: JournalIndex.Row) -> Bool { programme.map { $0 == row.programme } ?? true }
        for (name, row) in index.rows where row.modeMatches {
            // Group codes are compared without case: g03 and G03 are one group's history.
            let group = Code.canonical(row.group)
            if ownProgramme(row), latest[group].map({ ($0.openedAt, $0.name) < (row.openedAt, name) }) ?? true { latest[group] = (name, row.openedAt) }
            if !row.closed, let entry = read[name]?.entry ?? row.entry {
                found.resumable.append(ResumableDelivery(url: folder.appendingPathComponent(name), title: entry.title, group: entry.group,
                                                         lastEvent: Date(journalMilliseconds: entry.lastEventAt)))
            }
        }
        // The roster of a delivery, replayed once and kept in the index.
        func roster(_ name: String) -> [String]? {
            guard var entry = read[name]?.entry ?? index.rows[name]?.entry else { return nil }
            if entry.roster == nil {
                let url = folder.appendingPathComponent(name)
                guard let bytes = read[name]?.data ?? (try? RawJournal.readData(url)) else { return nil }
                entry.roster = ReadJournal.parse(bytes, url: url).state.roster
                index.rows[name] = JournalIndex.row(name, entry)
                changed = true
            }
            return entry.roster
        }
        for (group, pick) in latest {
            guard let entry = read[pick.name]?.entry ?? index.rows[pick.name]?.entry else { continue }
            // After a one-to-one the site and facilitators are its, but the roster is the group's
            // latest group session's: a call's one participant is not the group.
            var source: String? = pick.name
            if entry.oneToOne {
                source = index.rows.compactMap { name, row -> (name: String, openedAt: Int64)? in
                    guard row.modeMatches, Code.canonical(row.group) == group, ownProgramme(row),
                          let candidate = read[name]?.entry ?? row.entry, !candidate.oneToOne else { return nil }
                    return (name, row.openedAt)
                }.max { ($0.openedAt, $0.name) < ($1.openedAt, $1.name) }?.name
            }
            // No group session yet: no roster to carry over.
            var groupRoster: [String] = []
            var facilitators = entry.facilitators
            if let source {
                guard let replayed = roster(source) else { continue }
                groupRoster = replayed
                // Roles the call did not have (a group day's other facilitators) come from that day.
                let held = Set(facilitators.map(\.role))
                facilitators += (read[source]?.entry ?? index.rows[source]?.entry)?.facilitators.filter { !held.contains($0.role) } ?? []
            }
            found.groups[group] = GroupHistory(site: entry.site, facilitators: facilitators, roster: groupRoster)
        }
        if changed { index.save(folder) }
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
