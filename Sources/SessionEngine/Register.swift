import Foundation
import Journal

/// The attendance register: each participant present, late, left early or absent (notified or
/// not), and walk-ins added. Marks can be changed at any time; the latest one counts.
enum Register {
    static func handle(_ state: inout ConsoleState, _ key: Key, now: Date) -> [Effect] {
        let roster = state.delivery?.roster ?? []
        let oneToOne = state.delivery?.opened?.session.isOneToOne ?? false
        switch key {
        // A one-to-one has its one participant: no walk-ins; its outcomes in one key each.
        case .character("w") where oneToOne: break
        case .character("x") where oneToOne, .character("u") where oneToOne, .character("r") where oneToOne:
            guard let code = roster.first else { return [] }
            let mark: AttendanceMarked = switch key {
            case .character("u"): .init(participant: code, status: .absent, notified: false, outcome: .notAnswered)
            case .character("r"): .init(participant: code, status: .absent, notified: true, outcome: .rearranged)
            default: .init(participant: code, status: .absent, notified: false)
            }
            return [.append(.attendanceMarked(mark))]
        case .up, .pageUp: state.registerSelection = max(0, state.registerSelection - 1)
        case .down, .pageDown: state.registerSelection = min(max(0, roster.count - 1), state.registerSelection + 1)
        case .escape, .character("a"), .character("q"): state.screen = .walkthrough(WalkthroughScreen())
        case .character("w"): state.dialog = .walkIn(TextInput(limit: 12))
        case .character(let letter) where "plex".contains(letter):
            guard state.registerSelection < roster.count else { return [] }
            let code = roster[state.registerSelection]
            let current = state.delivery?.attendance[code]
            if letter != "x" { state.registerSelection = min(roster.count - 1, state.registerSelection + 1) }
            switch letter {
            case "p": return [.append(.attendanceMarked(.init(participant: code, status: .present)))]
            case "l":
                // Late after having left early: both.
                let status: AttendanceMarked.Status = current?.status == .leftEarly ? .lateAndLeftEarly : .late
                return [.append(.attendanceMarked(.init(participant: code, status: status, arrivedAt: now, leftAt: current?.leftAt)))]
            case "e":
                let wasLate = current?.status == .late || current?.status == .lateAndLeftEarly
                return [.append(.attendanceMarked(.init(participant: code, status: wasLate ? .lateAndLeftEarly : .leftEarly,
                                                        arrivedAt: current?.arrivedAt, leftAt: now)))]
            default:
                state.dialog = .absenceNotice(participant: code)
            }
        default: break
        }
        return []
    }
}

/// The fidelity checklist of one activity: each item rated on the programme's scale with one
/// digit key, who delivered it, and an optional adaptation note.
enum Checklist {
    /// The checklist of `activity`, opened on its first unrated item (the last item when all are rated).
    static func open(_ state: ConsoleState, activity: String?, returnTo: ChecklistScreen.Return) -> ChecklistScreen {
        let items = state.agenda.first { $0.id == activity }?.fidelity ?? []
        let firstUnrated = items.firstIndex { state.delivery?.ratings[$0] == nil } ?? max(0, items.count - 1)
        return ChecklistScreen(activity: activity, selection: firstUnrated, returnTo: returnTo)
    }

    static func handle(_ state: inout ConsoleState, _ checklist: ChecklistScreen, _ key: Key, now: Date) -> [Effect] {
        guard let activityID = checklist.activity ?? state.delivery?.currentActivity,
              let item = state.agenda.first(where: { $0.id == activityID }),
              let scale = state.delivery?.opened?.fidelityScale else {
            state.screen = .walkthrough(WalkthroughScreen())
            return []
        }
        let items = item.fidelity
        var checklist = checklist
        // A change waiting for its second press is dropped by any other key.
        let pending = checklist.pendingChange
        checklist.pendingChange = nil
        defer { if state.screen.kind == .checklist { state.screen = .checklist(checklist) } }
        switch key {
        case .up, .pageUp: checklist.selection = max(0, checklist.selection - 1)
        case .down, .pageDown: checklist.selection = min(max(0, items.count - 1), checklist.selection + 1)
        case .escape where pending != nil:
            state.status = .init(kind: .info, text: "Rating kept.", at: now)
        case .escape, .character("f"), .character("q"): state.screen = checklist.back
        case .character(let character) where RatingKeys.level(for: character, in: scale) != nil:
            guard checklist.selection < items.count, let level = RatingKeys.level(for: character, in: scale) else { return [] }
            let itemID = items[checklist.selection]
            let previous = state.delivery?.ratings[itemID]
            if let previous {
                if previous.level == level.id {
                    state.status = .init(kind: .info, text: "Already rated \(RatingKeys.describe(level)).", at: now)
                    return []
                }
                // Changing a rating takes a second press of the same key, so one stray digit
                // cannot overwrite what was recorded.
                // (The checklist asks "Change …: old -> new? Press 2 again to confirm, Esc to keep".)
                guard pending == .init(item: itemID, level: level.id) else {
                    checklist.pendingChange = .init(item: itemID, level: level.id)
                    state.status = nil
                    return []
                }
            }
            let deliverers = !RatingKeys.meansDelivered(level) ? []
                : (previous.map(\.deliveredBy).flatMap { $0.isEmpty ? nil : $0 } ?? defaultDeliverers(item, state))
            let rating = FidelityRated(activity: item.id, item: itemID, level: level.id, deliveredBy: deliverers,
                                       adaptation: previous?.adaptation, replaces: latestRating(of: itemID, in: state))
            // Rated: move to the next item, so a checklist is a run of single key presses.
            checklist.selection = min(items.count - 1, checklist.selection + 1)
            return [.append(.fidelityRated(rating))]
        case .character("b"):
            guard checklist.selection < items.count, let previous = state.delivery?.ratings[items[checklist.selection]] else {
                state.status = .init(kind: .info, text: "Rate the item first (\(String(RatingKeys.keys(scale)))), then b sets who delivered it.", at: now)
                return []
            }
            let level = scale.first { $0.id == previous.level }
            guard RatingKeys.meansDelivered(level) else {
                state.status = .init(kind: .info, text: "Rated \(level?.label.lowercased() ?? previous.level): nobody to name as delivering it.", at: now)
                return []
            }
            var rating = previous
            rating.deliveredBy = nextDeliverers(previous.deliveredBy, state)
            rating.replaces = latestRating(of: previous.item, in: state)
            return [.append(.fidelityRated(rating))]
        case .character("m"):
            guard checklist.selection < items.count, state.delivery?.ratings[items[checklist.selection]] != nil else {
                state.status = .init(kind: .info, text: "Rate the item first, then m records an adaptation.", at: now)
                return []
            }
            var form = ConsoleState.AdaptationForm(item: items[checklist.selection])
            // An existing adaptation opens filled in, to be amended rather than typed again.
            if let existing = state.delivery?.ratings[items[checklist.selection]]?.adaptation {
                form.timing = existing.timing
                form.consistent = existing.fidelityConsistent
                form.reason = TextInput(existing.reason, limit: 200)
            }
            state.dialog = .adaptation(form)
        default: break
        }
        return []
    }

    /// The id of the latest rating of `item` on disk: a new rating of it replaces that one.
    static func latestRating(of item: String, in state: ConsoleState) -> UUID? {
        state.events.last { if case .fidelityRated(let data) = $0.body { data.item == item } else { false } }?.id
    }

    /// The item's leads, among the roles present in this delivery.
    static func defaultDeliverers(_ item: DeliveryOpened.AgendaItem, _ state: ConsoleState) -> [String] {
        let roles = roles(state)
        let leads = item.lead.filter(roles.contains)
        return leads.isEmpty ? Array(roles.prefix(1)) : leads
    }

    /// One role, the next one, ..., then all of them together ("both").
    static func nextDeliverers(_ current: [String], _ state: ConsoleState) -> [String] {
        let roles = roles(state)
        var options = roles.map { [$0] }
        if roles.count > 1 { options.append(roles) }
        guard let index = options.firstIndex(of: current) else { return options.first ?? current }
        return options[(index + 1) % options.count]
    }

    static func roles(_ state: ConsoleState) -> [String] {
        var seen: [String] = []
        for facilitator in state.delivery?.opened?.facilitators ?? [] where !seen.contains(facilitator.role) { seen.append(facilitator.role) }
        return seen
    }
}

/// The close: a summary, each facilitator's sign-off, then the delivery-closed event.
enum Closing {
    static func handle(_ state: inout ConsoleState, _ close: CloseScreen, _ key: Key, now: Date) -> [Effect] {
        guard let delivery = state.delivery, let opened = delivery.opened else { return [] }
        var close = close
        defer { if state.screen.kind == .close { state.screen = .close(close) } }
        switch key {
        case .escape, .character("q"):
            state.screen = .walkthrough(WalkthroughScreen())
        case .character("t") where state.mode == .rehearsal:
            Rehearsal.openTiming(&state, returningTo: .close(close))
        case .character(let digit) where digit.isASCII && digit.isNumber:
            guard let number = digit.wholeNumberValue, number >= 1, number <= opened.facilitators.count else { return [] }
            let facilitator = opened.facilitators[number - 1]
            // The hint that sign-offs are saved with the close replaces the last "saved" message.
            state.status = nil
            if let index = close.signoffs.firstIndex(where: { $0.code == facilitator.code }) {
                close.signoffs.remove(at: index)
            } else {
                close.signoffs.append(.init(code: facilitator.code, role: facilitator.role, at: now, meaning: DeliveryClosed.signoffMeaning))
            }
        case .enter:
            guard close.signoffs.count == opened.facilitators.count else {
                state.status = .init(kind: .info, text: "Each facilitator signs off first: press their number.", at: now)
                return []
            }
            var effects: [Effect] = []
            var finalState = delivery
            if let running = delivery.running {
                effects.append(.append(.activityEnded(.init(activity: running))))
                // The summary counts what the record will hold once the running item has ended.
                finalState.fold(JournalEvent(seq: 0, time: now, utcOffsetMinutes: 0, delivery: delivery.delivery, mode: delivery.mode,
                                             actor: state.actor, previous: nil, body: .activityEnded(.init(activity: running))))
            }
            effects.append(.append(.deliveryClosed(.init(summary: finalState.summary, signoffs: close.signoffs))))
            return effects
        default: break
        }
        return []
    }
}

enum Dialogs {
    static func handle(_ state: inout ConsoleState, _ dialog: ConsoleState.Dialog, _ key: Key, now: Date) -> [Effect] {
        switch dialog {
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"):
                state.dialog = nil
                return [.quit(state.mode == .rehearsal
                    ? "The rehearsal is saved. Run iwotch rehearse to resume it where you left off."
                    : "The session is saved. Run iwotch again to resume it where you left off.")]
            case .character("n"), .character("N"), .escape, .character("q"):
                state.dialog = nil
            default: break
            }
        case .absenceNotice(let code):
            switch key {
            case .character("y"), .character("Y"), .character("n"), .character("N"):
                state.dialog = nil
                state.registerSelection = min(max(0, (state.delivery?.roster.count ?? 1) - 1), state.registerSelection + 1)
                let notified = key == .character("y") || key == .character("Y")
                return [.append(.attendanceMarked(.init(participant: code, status: .absent, notified: notified)))]
            case .escape: state.dialog = nil
            default: break
            }
        case .walkIn(var input):
            switch key {
            case .escape: state.dialog = nil
            case .enter:
                let typed = input.text.trimmingCharacters(in: .whitespaces)
                if let refusal = Privacy.refusal(forParticipantCode: typed, shape: state.delivery?.opened?.participantCodeShape,
                                                           what: "The code") {
                    state.status = .init(kind: .problem, text: refusal, at: now)
                    return []
                }
                // New codes are stored in their canonical form; p02 where P02 exists is P02.
                let code = Code.canonical(typed)
                if let known = state.delivery?.rosterCode(code) {
                    state.status = .init(kind: .problem, text: "\(known) is already on the register: mark them with p, l, e or x.", at: now)
                    return []
                }
                state.dialog = nil
                state.registerSelection = state.delivery?.roster.count ?? 0
                return [.append(.participantEnrolled(.init(participant: code, walkIn: true))),
                        .append(.attendanceMarked(.init(participant: code, status: .present)))]
            default:
                _ = input.handle(key)
                state.dialog = .walkIn(input)
            }
        case .adaptation(var form):
            switch key {
            case .escape: state.dialog = nil
            case .tab:
                form.timing = form.timing == .planned ? .reactive : .planned
                state.dialog = .adaptation(form)
            case .backTab:
                form.consistent.toggle()
                state.dialog = .adaptation(form)
            case .enter:
                let reason = form.reason.text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else {
                    state.status = .init(kind: .problem, text: "Say briefly why the activity was adapted.", at: now)
                    return []
                }
                if let refusal = Privacy.refusal(forText: reason, what: "reason") {
                    state.status = .init(kind: .problem, text: refusal, at: now)
                    return []
                }
                guard var rating = state.delivery?.ratings[form.item] else { state.dialog = nil; return [] }
                rating.adaptation = .init(timing: form.timing, fidelityConsistent: form.consistent, reason: reason)
                rating.replaces = Checklist.latestRating(of: form.item, in: state)
                state.dialog = nil
                return [.append(.fidelityRated(rating))]
            default:
                _ = form.reason.handle(key)
                state.dialog = .adaptation(form)
            }
        }
        return []
    }
}
