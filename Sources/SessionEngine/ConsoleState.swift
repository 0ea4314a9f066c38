import Foundation
import Journal
import Programme

/// Everything the console shows. Facts (who attended, what was delivered) live only in
/// `delivery`, which is built from events already on disk; the rest is where the facilitators
/// are looking and what they are typing.
public struct ConsoleState: Sendable, Equatable {
    /// The screen shown, holding its own state (`Screen`).
    public var screen: Screen = .home(HomeScreen())
    public var programme: Programme
    public var mode: JournalEvent.Mode
    public var delivery: DeliveryState?
    /// The events of the open delivery, kept so a correction can be replayed.
    public var events: [JournalEvent] = []
    public var status: Status?
    public var dialog: Dialog?

    /// The open deliveries of the mode's journal folder, offered on the home screen.
    public var resumable: [ResumableDelivery]
    /// The set-up form: it keeps what was typed across a trip back home, until the mode changes.
    public var setup: SetupForm
    /// The register's chosen row: kept between visits, so the register reopens where it was left.
    public var registerSelection = 0
    /// The acting facilitator's code: who is at the keyboard.
    public var actor: String = ""
    /// Participants to enrol once the delivery is open.
    public internal(set) var pendingRoster: [String] = []
    /// The local offset from UTC, for dates in delivery ids (the runtime sets it).
    public var utcOffsetMinutes = 0

    /// The terminal's size as last reported: scrolling screens page by what fits.
    public var viewport = Viewport(width: 80, height: 24)
    /// The facilitator's own keys (keys.yaml); standard when there is no file.
    public var keyMap = KeyMap.standard
    /// The manual browser's place: level, selection, scroll and search. Kept between visits (it
    /// reopens at its list of sessions, with the same session chosen and the same search).
    public var browser = ManualBrowser()
    /// Opened as `iwotch browse`: the browser is the whole console, and leaving it leaves iwotch.
    public var manualOnly = false
    /// Opened as `iwotch audit`: the audit is the whole console, and leaving it leaves iwotch.
    public var auditOnly = false
    /// Why the content on disk was not taken up: the checker's first errors. Empty when the
    /// content shown is the content on disk.
    public var contentProblems: [ContentProblem] = []

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
        setup = SetupForm(programme: programme, groups: groups, rehearsal: mode == .rehearsal)
        screen = .home(HomeScreen(selection: Home.defaultSelection(self)))
    }

    /// The sessions each facilitator code (canonical) is signed off to deliver, from trainers'
    /// assessments on this laptop; the live set-up notes a missing one and never blocks.
    public var signOffs: [String: Set<String>] = [:]

    /// Whether the runtime watches the content files and reloads them. A live console never does:
    /// what facilitators read in the room, and the content a live delivery pins, cannot change
    /// under them. Rehearsals and the stand-alone browser follow a trainer's edits.
    public var followsContentEdits: Bool { manualOnly || mode.followsContentEdits }

    /// Rows between the header and the status line.
    public var bodyRows: Int { max(1, viewport.height - 4) }

    /// Whether live work here follows content that is not a released version: the open
    /// delivery's pinned flag, or, before one is open, the loaded content's release.
    public var isUnreleasedContent: Bool {
        if let opened = delivery?.opened { return opened.programme.isUnreleased }
        return !programme.release.isReleased
    }

    /// The content session being delivered.
    public var session: Session? { delivery?.opened.flatMap { programme.session($0.session.id) } }
    /// The agenda as pinned when the delivery opened (the content may have moved on since).
    public var agenda: [DeliveryOpened.AgendaItem] { delivery?.opened?.session.agenda ?? [] }
    public var currentIndex: Int? { delivery?.currentActivity.flatMap { id in agenda.firstIndex { $0.id == id } } }
    public var currentItem: Activity? { delivery?.currentActivity.flatMap(activity) }
    public func activity(_ id: String) -> Activity? { session?.agenda.first { $0.id == id } }
    /// Where "next" goes from the last step: the first item after the current one that has not
    /// run (after a jump with the agenda, never back into one that ran); nil when there is none.
    /// It never wraps round to an earlier item: going back is chosen on the agenda.
    public var nextToRun: Int? {
        guard let delivery else { return nil }
        return agenda.indices.dropFirst((currentIndex ?? -1) + 1).first { !delivery.hasRun(agenda[$0].id) }
    }
}

public struct Viewport: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

extension JournalEvent.Mode {
    /// Live deliveries keep the content they opened with for the whole day; rehearsals exist to
    /// try the manual out, so they follow edits to it as they are saved.
    public var followsContentEdits: Bool { self == .rehearsal }
}

/// An open delivery found in the journal at start-up, offered for resuming; or a journal file
/// that could not be read, listed with `problem` (why), so that a delivery never silently
/// disappears from the home screen.
public struct ResumableDelivery: Sendable, Equatable {
    public var url: URL
    public var title: String
    public var group: String
    public var lastEvent: Date
    /// Why the file cannot be resumed (it cannot be read, or its opening line cannot), or nil.
    public var problem: String?
    public init(url: URL, title: String, group: String, lastEvent: Date, problem: String? = nil) {
        self.url = url; self.title = title; self.group = group; self.lastEvent = lastEvent; self.problem = problem
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
