import DeliveryFacts
import Foundation
import Journal
import Programme

/// What happens to the console: a key, the clock, the window, or the runtime reporting back.
public enum Action: Sendable {
    case key(Key)
    /// Once a second, so timers move without a key press.
    case tick
    /// The runtime wrote an event to disk: only now is it part of the record on screen.
    case saved(JournalEvent)
    /// The runtime could not write; the message says why, in plain words.
    case saveFailed(String)
    /// Something else the runtime was asked to do could not be done (e.g. a delivery to resume
    /// is open in another iwotch); nothing was written.
    case failed(String)
    /// A delivery the runtime opened to continue, replayed from its journal.
    case resumed(DeliveryState, events: [JournalEvent])
    /// The runtime switched journal folders (live or rehearsal): what that folder holds.
    case modeChanged(JournalEvent.Mode, resumable: [ResumableDelivery], groups: [String: GroupHistory])
    /// The terminal's size, so scrolling screens can page by what fits.
    case viewport(width: Int, height: Int)
    /// The content files changed and passed the checker: the programme as it now stands.
    case contentReloaded(Programme)
    /// The content files changed but the checker found errors: the first of them.
    case contentRejected([ContentProblem])
    /// The journals for the audit screen, read and joined as the reports read them.
    case auditLoaded(records: [DeliveryRecord], sources: AuditBook.Sources)
}

/// What the engine asks the runtime to do. The engine itself never touches files or the terminal.
public enum Effect: Sendable, Equatable {
    /// Create the journal of a new delivery with this opening record.
    case createDelivery(DeliveryOpened, delivery: String)
    /// Append one event to the open delivery's journal.
    case append(EventBody)
    /// Open an existing delivery's journal to continue it.
    case resume(URL)
    /// Work in the other journal folder from now on (live or rehearsal): its deliveries to resume
    /// and its groups to carry over.
    case changeMode(JournalEvent.Mode)
    /// Read the journals for the audit screen (again).
    case loadAudit
    /// Leave the console; the sentence is printed after the terminal is restored.
    case quit(String)
}
