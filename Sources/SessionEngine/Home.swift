import Foundation
import Programme
import Journal

/// The home screen: resume an open delivery, start one, rehearse, browse the manual, audit. Its list of
/// deliveries to resume is of the console's mode only: a live home never offers a rehearsal, and
/// a rehearsal home never offers a live delivery.
public enum Home {
    public enum Item: Sendable, Equatable {
        case resume(ResumableDelivery), run, rehearse, browse, audit, quit

    }

    public static func items(_ state: ConsoleState) -> [Item] {
        state.resumable.map(Item.resume) + [.run, .rehearse, .browse, .audit, .quit]
    }

    /// The first delivery to resume; else what the mode is for, so that Enter on a rehearsal's
    /// home never starts a live delivery by accident.
    static func defaultSelection(_ state: ConsoleState) -> Int {
        state.resumable.isEmpty && state.mode == .rehearsal ? items(state).firstIndex(of: .rehearse) ?? 0 : 0
    }

    /// The home screen as left for the screen opened from `item`: back on that item.
    static func returning(from item: Item, _ state: ConsoleState) -> HomeScreen {
        HomeScreen(selection: items(state).firstIndex(of: item) ?? defaultSelection(state))
    }

    static func handle(_ state: inout ConsoleState, _ home: HomeScreen, _ key: Key, now: Date) -> [Effect] {
        let items = items(state)
        var home = home
        // A message shown here (a delivery that cannot be resumed) has been read once a key is
        // pressed; it must not stay to cover the next screen's own messages.
        if state.status?.kind == .problem { state.status = nil }
        switch key {
        case .up, .backTab, .pageUp: home.selection = (home.selection + items.count - 1) % items.count
        case .down, .tab, .pageDown: home.selection = (home.selection + 1) % items.count
        case .character("q"), .escape: return [.quit("Goodbye.")]
        case .enter, .space, .right:
            switch items[min(home.selection, items.count - 1)] {
            case .resume(let delivery):
                if let problem = delivery.problem {
                    state.status = .init(kind: .problem, text: "\(delivery.title) \(problem). Run `iwotch journal check` on it; nothing can be added to it until it reads.", at: now)
                    break
                }
                return [.resume(delivery.url)]
            case .run where state.mode != .live: return [.changeMode(.live)]
            case .rehearse where state.mode != .rehearsal: return [.changeMode(.rehearsal)]
            case .run, .rehearse:
                state.screen = .setup(returningTo: home)
                state.setup.problem = nil
            case .browse:
                Browsing.open(&state)
            case .quit: return [.quit("Goodbye.")]
            case .audit: return [.loadAudit]
            }
            return []
        default: return []
        }
        state.screen = .home(home)
        return []
    }

    /// The console now works in `mode`'s journal folder: its home when it has deliveries to
    /// resume (so they are seen first), else straight to setting one up.
    static func enter(_ state: inout ConsoleState, mode: JournalEvent.Mode, resumable: [ResumableDelivery], groups: [String: GroupHistory]) {
        state.mode = mode
        state.resumable = resumable
        state.setup = SetupForm(programme: state.programme, groups: groups, rehearsal: mode == .rehearsal)
        state.status = nil
        let home = HomeScreen(selection: defaultSelection(state))
        state.screen = resumable.isEmpty ? .setup(returningTo: home) : .home(home)
    }
}

extension ConsoleState {
    /// Opens the set-up form (`iwotch run`); Esc goes back to the home screen as it was.
    public mutating func openSetup() {
        let home = if case .home(let home) = screen { home } else { HomeScreen(selection: Home.defaultSelection(self)) }
        screen = .setup(returningTo: home)
    }

    /// Set-up for a session asked for by name while deliveries are open (`iwotch rehearse
    /// --session`): the request is honoured, and the screen says the open ones are kept and where.
    public mutating func openSetup(asking session: String, now: Date) {
        openSetup()
        setup.choose(session: session)
        guard !resumable.isEmpty else { return }
        let what = mode == .rehearsal ? "rehearsal" : "delivery"
        let text = resumable.count == 1
            ? "Your open \(what) is kept: Esc goes home, where Enter resumes it."
            : "Your \(resumable.count) open \(what == "delivery" ? "deliveries" : "rehearsals") are kept: Esc goes home to resume one."
        status = .init(kind: .info, text: text, at: now)
    }
}

enum Setup {
    /// `fresh`: a random id from the runtime, for the delivery's id should this key start one.
    static func handle(_ state: inout ConsoleState, returningTo home: HomeScreen, _ key: Key, now: Date, fresh: UUID) -> [Effect] {
        var form = state.setup
        defer { state.setup = form }
        func move(_ step: Int) {
            if form.focus == .group { form.carryOver() }
            let fields = form.fields
            let index = fields.firstIndex(of: form.focus) ?? 0
            form.focus = fields[(index + step + fields.count) % fields.count]
        }
        switch key {
        case .escape:
            state.screen = .home(home)
            return []
        case .tab, .down: move(1); return []
        case .backTab, .up: move(-1); return []
        default: break
        }
        switch form.focus {
        case .session:
            switch key {
            case .left, .character("-"): form.stepSession(-1)
            case .right, .space, .character("+"): form.stepSession(1)
            case .enter: move(1)
            default: break
            }
        case .start:
            if key == .enter || key == .space { return start(&state, &form, now: now, fresh: fresh) }
        case .group, .site, .facilitator, .participants:
            if key == .enter { move(1); return [] }
            form.problem = nil
            guard var input = form.input(form.focus) else { return [] }
            // Ctrl-U empties the field, as in a shell: no run of Backspaces to clear a long roster.
            if key == .control("u") { input = TextInput(limit: input.limit) } else { _ = input.handle(key) }
            form.setInput(form.focus, input)
        }
        return []
    }

    static func start(_ state: inout ConsoleState, _ form: inout SetupForm, now: Date, fresh: UUID) -> [Effect] {
        guard let session = state.programme.session(form.sessionID) else { return [] }
        switch form.validated(session: session, roleTitle: { state.programme.role($0)?.title ?? $0 }) {
        case .failure(let problem):
            form.problem = problem.message
            form.focus = problem.field
            return []
        case .success(let entered):
            form.problem = nil
            state.pendingRoster = entered.roster
            let opening = DeliveryOpened(programme: state.programme, session: session, group: entered.group,
                                         site: entered.site, facilitators: entered.facilitators)
            let id = DeliveryID.make(date: now, offsetMinutes: state.utcOffsetMinutes, group: entered.group, session: session.id,
                                     random: fresh)
            return [.createDelivery(opening, delivery: id)]
        }
    }
}

/// Whether an open delivery can be taken up with the programme loaded now. A delivery pins its
/// programme; one opened with another programme would show this programme's titles over that
/// one's agenda, so it is refused, saying which programme to open instead.
public enum ResumeCheck {
    public static func refusal(_ opened: DeliveryOpened?, title: String, loaded: Programme, mode: JournalEvent.Mode) -> String? {
        guard let pinned = opened?.programme, pinned.id != loaded.id else { return nil }
        let command = mode == .rehearsal ? "iwotch rehearse" : "iwotch run"
        // Two lines at 80 columns: the status line keeps a problem's advice on the row above it.
        return "“\(title)” belongs to programme \(pinned.id) \(pinned.version), not \(loaded.id): "
            + "resume it with `\(command) --content` and its folder."
    }
}
