import Foundation
import Journal
import Programme

/// The live walk-through: the current item's steps, moving on, pausing, and the ways out to
/// the register, the checklist, notes, the agenda and closing.
enum Walkthrough {
    static func handle(_ state: inout ConsoleState, _ walk: WalkthroughScreen, _ key: Key, now: Date) -> [Effect] {
        guard let delivery = state.delivery, !delivery.isClosed else { return [] }
        // A blanked screen comes back on any key, and that key does nothing else: the room
        // sees the session again before anything moves.
        if walk.blanked {
            state.screen = .walkthrough(WalkthroughScreen(advanceArmed: walk.advanceArmed))
            return []
        }
        let wasArmed = walk.advanceArmed
        state.screen = .walkthrough(WalkthroughScreen(advanceArmed: false))
        switch key {
        // Presenter clickers send PgDn/PgUp, arrows or space: all of them step.
        case .right, .down, .pageDown, .space, .enter:
            return next(&state, armed: wasArmed, now: now)
        case .left, .up, .pageUp:
            if delivery.currentStep > 0, let current = delivery.currentActivity {
                return [.append(.stepShown(.init(activity: current, step: delivery.currentStep - 1)))]
            }
            state.status = .init(kind: .info, text: "First step of this item. Press g for the agenda to go back further.", at: now)
        case .character("a"): state.screen = .register
        case .character("f"):
            state.screen = .checklist(Checklist.open(state, activity: delivery.currentActivity, returnTo: .walkthrough))
        case .character("n"):
            state.screen = .note(TextInput(limit: 280))
        case .character("g"):
            state.screen = .agenda(AgendaScreen(selection: state.currentIndex ?? 0))
        case .character("p"):
            return [.append(delivery.isPaused ? .timerResumed : .timerPaused)]
        case .character("c"):
            state.screen = .close(CloseScreen())
        case .character("i"):
            ItemText.open(&state)
        // A clicker's blank-screen button (b or .): the body goes dark, the timers run on.
        case .character("b"), .character("."):
            state.screen = .walkthrough(WalkthroughScreen(advanceArmed: wasArmed, blanked: true))
        case .character("q"):
            state.dialog = .confirmQuit
        // Clickers send Esc and F5 (stop and start the show): neither may stop the session or
        // open a question that would then take the clicker's next PgDn.
        case .escape, .function(5):
            state.screen = .walkthrough(WalkthroughScreen(advanceArmed: wasArmed))
            // The leave key as the facilitator's own keys have it (keys.yaml may move it).
            let leave = KeyTables.key(for: "leave", on: .walkthrough, in: state) ?? "q"
            state.status = .init(kind: .info, text: "The session carries on. To leave, press \(leave) (everything is saved).", at: now)
        case .character("r") where state.mode == .rehearsal: return Rehearsal.restart(&state, now: now)
        case .character("s") where state.mode == .rehearsal: return Rehearsal.skip(&state, now: now)
        case .character("t") where state.mode == .rehearsal: Rehearsal.openTiming(&state, returningTo: .walkthrough)
        default: break
        }
        return []
    }

    static func next(_ state: inout ConsoleState, armed: Bool, now: Date) -> [Effect] {
        guard let delivery = state.delivery, let index = state.currentIndex else { return [] }
        // An item a reloaded rehearsal content no longer has reads as one step: moving on still works.
        let steps = max(1, state.currentItem?.steps.count ?? 1)
        if delivery.currentStep + 1 < steps {
            return [.append(.stepShown(.init(activity: state.agenda[index].id, step: delivery.currentStep + 1)))]
        }
        // After a jump with the agenda, "next" goes on to an item not yet run, never back into
        // one that ran (running one again is chosen on the agenda).
        guard let target = state.nextToRun else {
            let text = index + 1 < state.agenda.count
                ? "The items after this one have all run. Press g to choose another, or c to close the session."
                : "That was the last item. Press c to close the session."
            state.status = .init(kind: .info, text: text, at: now)
            return []
        }
        // Moving on ends this item: a stray click should not do it, so it takes a second press
        // (the view says so while `advanceArmed` is set).
        if !armed {
            state.screen = .walkthrough(WalkthroughScreen(advanceArmed: true))
            return []
        }
        return move(&state, to: state.agenda[target].id)
    }

    /// Ends the running item (if any) and starts another.
    static func move(_ state: inout ConsoleState, to item: String) -> [Effect] {
        var effects: [Effect] = []
        if let running = state.delivery?.running { effects.append(.append(.activityEnded(.init(activity: running)))) }
        effects.append(.append(.activityStarted(.init(activity: item))))
        state.screen = .walkthrough(WalkthroughScreen())
        return effects
    }
}

enum AgendaIndex {
    static func handle(_ state: inout ConsoleState, _ agenda: AgendaScreen, _ key: Key, now: Date) -> [Effect] {
        let count = state.agenda.count
        guard count > 0 else { state.screen = .walkthrough(WalkthroughScreen()); return [] }
        var agenda = agenda
        let asked = agenda.rerunAsked
        agenda.rerunAsked = false
        switch key {
        case .up, .pageUp: agenda.selection = max(0, agenda.selection - 1)
        case .down, .pageDown: agenda.selection = min(count - 1, agenda.selection + 1)
        case .home: agenda.selection = 0
        case .end: agenda.selection = count - 1
        case .escape, .character("g"), .character("q"):
            state.screen = .walkthrough(WalkthroughScreen())
            return []
        case .character("f"):
            state.screen = .checklist(Checklist.open(state, activity: state.agenda[agenda.selection].id, returnTo: .agenda(agenda)))
            return []
        case .enter:
            let target = state.agenda[agenda.selection].id
            if target == state.delivery?.currentActivity && state.delivery?.running == target {
                state.screen = .walkthrough(WalkthroughScreen())
                return []
            }
            // Going back to an item that ran is a second run of it: the agenda names that and
            // takes a second Enter. It carries on at the step it was left on.
            if state.delivery?.hasRun(target) == true && !asked {
                agenda.rerunAsked = true
                state.screen = .agenda(agenda)
                return []
            }
            return Walkthrough.move(&state, to: target)
        default: break
        }
        state.screen = .agenda(agenda)
        return []
    }
}

enum NoteEntry {
    static func handle(_ state: inout ConsoleState, _ input: TextInput, _ key: Key, now: Date) -> [Effect] {
        switch key {
        case .escape:
            state.screen = .walkthrough(WalkthroughScreen())
        case .enter:
            let text = input.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { state.screen = .walkthrough(WalkthroughScreen()); return [] }
            if let refusal = Privacy.refusal(forNote: text) {
                state.status = .init(kind: .problem, text: refusal, at: now)
                return []
            }
            // The note screen stays, text and all, until the note is on disk (Engine.saved).
            return [.append(.noteAdded(.init(text: text, activity: state.delivery?.currentActivity)))]
        default:
            var input = input
            _ = input.handle(key)
            state.screen = .note(input)
        }
        return []
    }
}
