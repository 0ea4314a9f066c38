import Foundation
import Journal
import Programme

/// Everything the console shows. Facts (who attended, what was delivered) live only in
/// `delivery`, which is built from events already on disk; the rest is where the facilitators
/// are looking and what they are typing.
public struct ConsoleState: Sendable {
    public enum Screen: Sendable, Equatable {
        case home, setup, walkthrough, register, checklist, agenda, note, help, close
    }

    public var screen: Screen = .home
    /// The screen `help` returns to.
    public var previousScreen: Screen = .home
    public var programme: Programme
    public var mode: JournalEvent.Mode
    public var delivery: DeliveryState?
    /// The events of the open delivery, kept so a correction can be replayed.
    public var events: [JournalEvent] = []
    public var status: Status?
    public var dialog: Dialog?

    // Where the facilitators are looking.
    public var homeSelection = 0
    public var resumable: [ResumableDelivery]
    public var setup: SetupForm
    public var registerSelection = 0
    public var checklistSelection = 0
    /// The agenda item the checklist rates (the current one unless chosen from the agenda).
    public var checklistActivity: String?
    /// Where Esc leaves the checklist for: the screen it was opened from.
    public var checklistReturn: Screen = .walkthrough
    public var agendaSelection = 0
    public var note = TextInput()
    /// Set when the last step was passed once: the next "next" moves on to the next item.
    public var advanceArmed = false
    /// Sign-offs given on the close screen, written with the delivery-closed event.
    public var signoffs: [DeliveryClosed.Signoff] = []
    /// The acting facilitator's code: who is at the keyboard.
    public var actor: String = ""
    /// Participants to enrol once the delivery is open.
    public internal(set) var pendingRoster: [String] = []
    /// The local offset from UTC, for dates in delivery ids (the runtime sets it).
    public var utcOffsetMinutes = 0

    public struct Status: Sendable, Equatable {
        public enum Kind: Sendable { case saved, info, problem }
        public var kind: Kind
        public var text: String
        public var at: Date
    }

    public enum Dialog: Sendable, Equatable {
        /// Leaving a live session asks first.
        case confirmQuit
        /// After marking someone absent: did they let the team know?
        case absenceNotice(participant: String)
        /// Adding a participant who turned up on the day.
        case walkIn(TextInput)
        /// Recording an adaptation for a rated item (FRAME: planned or reactive, consistent or not, why).
        case adaptation(AdaptationForm)
    }

    public struct AdaptationForm: Sendable, Equatable {
        public var item: String
        public var timing: FidelityRated.Adaptation.Timing = .reactive
        public var consistent = true
        public var reason = TextInput(limit: 200)
        public init(item: String) { self.item = item }
    }

    public init(programme: Programme, mode: JournalEvent.Mode = .live, resumable: [ResumableDelivery] = [],
                groups: [String: GroupHistory] = [:]) {
        self.programme = programme
        self.mode = mode
        self.resumable = resumable
        setup = SetupForm(programme: programme, groups: groups)
    }

    /// The content session being delivered.
    public var session: Session? { delivery?.opened.flatMap { programme.session($0.session.id) } }
    /// The agenda as pinned when the delivery opened (the content may have moved on since).
    public var agenda: [DeliveryOpened.AgendaItem] { delivery?.opened?.session.agenda ?? [] }
    public var currentIndex: Int? { delivery?.currentActivity.flatMap { id in agenda.firstIndex { $0.id == id } } }
    public var currentItem: Activity? { delivery?.currentActivity.flatMap(activity) }
    public func activity(_ id: String) -> Activity? { session?.agenda.first { $0.id == id } }
}

/// An open delivery found in the journal at start-up, offered for resuming.
public struct ResumableDelivery: Sendable, Equatable {
    public var url: URL
    public var title: String
    public var group: String
    public var lastEvent: Date
    public init(url: URL, title: String, group: String, lastEvent: Date) {
        self.url = url; self.title = title; self.group = group; self.lastEvent = lastEvent
    }
}

/// What a group's earlier deliveries say, to carry over into a new one.
public struct GroupHistory: Sendable, Equatable {
    public var site: String
    public var facilitators: [DeliveryOpened.Facilitator]
    public var roster: [String]
    public init(site: String, facilitators: [DeliveryOpened.Facilitator], roster: [String]) {
        self.site = site; self.facilitators = facilitators; self.roster = roster
    }
}
