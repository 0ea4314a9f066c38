import Foundation
import Journal

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
}

/// What the engine asks the runtime to do. The engine itself never touches files or the terminal.
public enum Effect: Sendable, Equatable {
    /// Create the journal of a new delivery with this opening record.
    case createDelivery(DeliveryOpened, delivery: String)
    /// Append one event to the open delivery's journal.
    case append(EventBody)
    /// Open an existing delivery's journal to continue it.
    case resume(URL)
    /// Leave the console; the sentence is printed after the terminal is restored.
    case quit(String)
}
