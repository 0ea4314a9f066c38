import Foundation
import Journal

extension ConsoleState {
    /// The screen shown, with that screen's own state: where its selection is, what is typed in
    /// it, where Esc leaves it for. A screen's state exists only while the screen is shown (or
    /// while a screen it returns to, such as help, is over it); leaving a screen drops it.
    public enum Screen: Sendable, Equatable {
        case home(HomeScreen)
        /// Setting up a delivery. The form itself lives on `ConsoleState.setup`: it keeps what
        /// was typed across a trip back home, and a change of mode makes a new one.
        case setup(returningTo: HomeScreen)
        case walkthrough(WalkthroughScreen)
        /// The attendance register. Its chosen row, `ConsoleState.registerSelection`, is kept between
        /// visits: the register reopens where it was left.
        case register
        case checklist(ChecklistScreen)
        case agenda(AgendaScreen)
        /// The current item in full, scrolled, over the walk-through.
        case itemText(ItemTextScreen)
        /// A note being typed over the walk-through.
        case note(TextInput)
        /// The keys; any key goes back to the screen it was opened over, as it was.
        indirect case help(returningTo: Screen)
        case close(CloseScreen)
        /// The manual browser: sessions, their agenda items, one item in full, and search. Its
        /// place, `ConsoleState.browser`, is kept between visits and follows reloaded content.
        case browse
        /// A rehearsal's timing practice: each item planned against actual, and what is unrated.
        case timing(TimingScreen)
        /// The supervisor's audit: deliveries, one delivery's activities, one activity's ratings.
        case audit(AuditBook)

        /// Which screen, without its state.
        public enum Kind: Sendable, Equatable {
            case home, setup, walkthrough, register, checklist, agenda, itemText, note, help, close, browse, timing, audit
        }

        public var kind: Kind {
            switch self {
            case .home: .home
            case .setup: .setup
            case .walkthrough: .walkthrough
            case .register: .register
            case .checklist: .checklist
            case .agenda: .agenda
            case .itemText: .itemText
            case .note: .note
            case .help: .help
            case .close: .close
            case .browse: .browse
            case .timing: .timing
            case .audit: .audit
            }
        }
    }
}

/// The home screen's chosen item.
public struct HomeScreen: Sendable, Equatable {
    public var selection: Int
    public init(selection: Int = 0) { self.selection = selection }
}

/// The walk-through's own state.
public struct WalkthroughScreen: Sendable, Equatable {
    /// Set when the last step was passed once: the next "next" moves on to the next item.
    public var advanceArmed: Bool
    /// The body hidden, as a presenter's blank-screen button asks; any key shows it again.
    public var blanked: Bool
    public init(advanceArmed: Bool = false, blanked: Bool = false) { self.advanceArmed = advanceArmed; self.blanked = blanked }
}

/// The agenda index's chosen item.
public struct AgendaScreen: Sendable, Equatable {
    public var selection: Int
    /// Set after Enter on an item that already ran: the screen names the choice, and Enter again
    /// runs it again.
    public var rerunAsked: Bool
    public init(selection: Int = 0, rerunAsked: Bool = false) { self.selection = selection; self.rerunAsked = rerunAsked }
}

/// The fidelity checklist of one agenda item.
public struct ChecklistScreen: Sendable, Equatable {
    /// Where Esc leaves the checklist for: the screen it was opened from, as it was.
    public enum Return: Sendable, Equatable {
        case walkthrough
        case agenda(AgendaScreen)
    }

    /// The agenda item the checklist rates (the current one unless chosen from the agenda).
    public var activity: String?
    public var selection: Int
    public var returnTo: Return
    /// A change to an existing rating waiting for its second press (the status line asks).
    public var pendingChange: PendingChange?

    public struct PendingChange: Sendable, Equatable {
        public var item: String
        public var level: String
        public init(item: String, level: String) { self.item = item; self.level = level }
    }

    public init(activity: String?, selection: Int = 0, returnTo: Return, pendingChange: PendingChange? = nil) {
        self.activity = activity
        self.selection = selection
        self.returnTo = returnTo
        self.pendingChange = pendingChange
    }

    /// The screen Esc goes back to.
    var back: ConsoleState.Screen {
        switch returnTo {
        case .walkthrough: .walkthrough(WalkthroughScreen())
        case .agenda(let agenda): .agenda(agenda)
        }
    }
}

/// The close screen's sign-offs, written with the delivery-closed event.
public struct CloseScreen: Sendable, Equatable {
    public var signoffs: [DeliveryClosed.Signoff]
    public init(signoffs: [DeliveryClosed.Signoff] = []) { self.signoffs = signoffs }
}

/// The timing practice summary's scroll, and where Esc leaves it for.
public struct TimingScreen: Sendable, Equatable {
    public enum Return: Sendable, Equatable {
        case walkthrough
        /// The close screen, with the sign-offs given so far.
        case close(CloseScreen)
        /// After the rehearsal has closed: leaving the summary leaves iwotch.
        case leave
    }

    public var scroll: Int
    public var returnTo: Return

    public init(scroll: Int = 0, returnTo: Return) {
        self.scroll = scroll
        self.returnTo = returnTo
    }
}

extension ConsoleState {
    // What the shown screen holds, for the views: a screen that is not shown reads as a fresh one.

    public var homeSelection: Int { if case .home(let home) = screen { home.selection } else { 0 } }
    public var advanceArmed: Bool { if case .walkthrough(let walk) = screen { walk.advanceArmed } else { false } }
    public var blanked: Bool { if case .walkthrough(let walk) = screen { walk.blanked } else { false } }
    public var agendaSelection: Int { if case .agenda(let agenda) = screen { agenda.selection } else { 0 } }
    public var agendaRerunAsked: Bool { if case .agenda(let agenda) = screen { agenda.rerunAsked } else { false } }
    public var checklistSelection: Int { if case .checklist(let checklist) = screen { checklist.selection } else { 0 } }
    public var checklistActivity: String? { if case .checklist(let checklist) = screen { checklist.activity } else { nil } }
    public var note: TextInput { if case .note(let input) = screen { input } else { TextInput(limit: 280) } }
    public var signoffs: [DeliveryClosed.Signoff] { if case .close(let close) = screen { close.signoffs } else { [] } }
    public var itemTextScroll: Int { if case .itemText(let pane) = screen { pane.scroll } else { 0 } }
    public var timingScroll: Int { if case .timing(let timing) = screen { timing.scroll } else { 0 } }
    public var audit: AuditBook { if case .audit(let book) = screen { book } else { AuditBook() } }
    /// Whether keys are typed into the screen as text (so ? is a character, not help).
    var takesText: Bool {
        switch screen {
        case .note, .setup: true
        case .browse: browser.level == .search
        case .audit(let book): book.level == .filter
        default: false
        }
    }

    /// The screen help returns to, while help is shown.
    public var previousScreen: Screen.Kind? { if case .help(let back) = screen { back.kind } else { nil } }
}
