import Foundation
import Testing
@testable import Journal
import Programme
@testable import SessionEngine
import Views

/// What facilitators meet in the room: rating keys that are the scale's scores, a change of
/// rating that asks first, an agenda that remembers where each item was left, timer warnings that
/// scale with the item, messages that go on the next key, and a resume that goes on the record.
struct InTheRoomTests {
    /// A live delivery of the mini group session (G01, N01 nurse and L01 lay, P01-P03), opened at
    /// 10:00 with the arrival item started, as the engine holds it once those events are on disk.
    static func opened() throws -> (store: StateStore, id: String, seq: Int) {
        var store = StateStore(ConsoleState(programme: try Fixture.programme()))
        var created: [Effect] = []
        for key in DeterminismTests.setupKeys { created = store.skip(.key(key)) }
        guard case .createDelivery(let opening, let id) = try #require(created.first) else { throw Refused() }
        var seq = 0
        func save(_ body: EventBody) {
            seq += 1
            _ = store.skip(.saved(ExhaustiveStateTests.event(seq, body, in: id)))
        }
        save(.deliveryOpened(opening))
        for code in ["P01", "P02", "P03"] { save(.participantEnrolled(.init(participant: code, walkIn: false))) }
        save(.activityStarted(.init(activity: "g1-arrival")))
        return (store, id, seq)
    }

    struct Refused: Error {}

    // MARK: Rating keys

    @Test func theKeysOfAScaleAreItsScoresAndALetterForALevelWithoutOne() {
        let scale: [DeliveryOpened.ScaleLevel] = [.init(id: "fully", label: "Fully delivered", score: 2),
                                                   .init(id: "partly", label: "Partly delivered", score: 1),
                                                   .init(id: "not-delivered", label: "Not delivered", score: 0),
                                                   .init(id: "not-applicable", label: "Not applicable", score: nil)]
        #expect(RatingKeys.keys(scale) == ["2", "1", "0", "n"])
        #expect(RatingKeys.level(for: "2", in: scale)?.id == "fully")
        #expect(RatingKeys.level(for: "0", in: scale)?.id == "not-delivered")
        #expect(RatingKeys.level(for: "3", in: scale) == nil)
        #expect(RatingKeys.describe(scale[0]) == "Fully delivered (2)")
        #expect(RatingKeys.describe(scale[3]) == "Not applicable (no score)")
        // A score of 10 has no digit and two levels scored 1 cannot share one: each falls back to
        // the first free digit from 1 (1 is the first level's, so 2, then 3). "Missed" takes no
        // m (the checklist's adaptation key) but its next letter, i; "Void" its v.
        let odd: [DeliveryOpened.ScaleLevel] = [.init(id: "a", label: "A", score: 1), .init(id: "b", label: "B", score: 1),
                                                 .init(id: "c", label: "C", score: 10), .init(id: "d", label: "Missed", score: nil),
                                                 .init(id: "e", label: "Void", score: nil)]
        #expect(RatingKeys.keys(odd) == ["1", "2", "3", "i", "v"])
    }

    @Test func theChecklistOpensOnTheFirstUnratedItemAndAChangeTakesASecondPress() throws {
        var (store, id, seq) = try Self.opened()
        _ = store.skip(.saved(ExhaustiveStateTests.event(seq + 1, .activityStarted(.init(activity: "g1-welcome")), in: id)))
        let firstRating = ExhaustiveStateTests.event(seq + 2, .fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "fully",
                                                                                  deliveredBy: ["nurse", "lay"])), in: id)
        _ = store.skip(.saved(firstRating))
        #expect(store.state.status?.text == "✓ Saved 10:00: item rated fully delivered (2), delivered by both")

        // Item 1 is rated: the checklist opens on item 2. The old "saved" goes with the key.
        store.send(.key(.character("f"))) {
            $0.screen = .checklist(ChecklistScreen(activity: "g1-welcome", selection: 1, returnTo: .walkthrough))
            $0.status = nil
        }
        // 0 is "not delivered" (score 0): nobody delivered it, so nobody is named.
        let notDelivered = FidelityRated(activity: "g1-welcome", item: "g1-welcome-2", level: "not-delivered", deliveredBy: [])
        store.send(.key(.character("0")), effects: [.append(.fidelityRated(notDelivered))])
        let second = ExhaustiveStateTests.event(seq + 3, .fidelityRated(notDelivered), in: id)
        store.send(.saved(second)) {
            $0.events.append(second)
            $0.delivery?.fold(second)
            $0.status = .init(kind: .saved, text: "✓ Saved 10:00: item rated not delivered (0)", at: Fixture.start)
        }
        // b has nobody to name on a not-delivered item.
        store.send(.key(.character("b"))) {
            $0.status = .init(kind: .info, text: "Rated not delivered: nobody to name as delivering it.", at: Fixture.start)
        }
        store.send(.key(.up)) {
            $0.screen = .checklist(ChecklistScreen(activity: "g1-welcome", selection: 0, returnTo: .walkthrough))
            $0.status = nil
        }
        // The same level again changes nothing.
        store.send(.key(.character("2"))) {
            $0.status = .init(kind: .info, text: "Already rated Fully delivered (2).", at: Fixture.start)
        }
        // 1 on an item rated 2 asks first: nothing is written.
        let asking = ChecklistScreen(activity: "g1-welcome", selection: 0, returnTo: .walkthrough,
                                     pendingChange: .init(item: "g1-welcome-1", level: "partly"))
        store.send(.key(.character("1"))) { $0.screen = .checklist(asking); $0.status = nil }
        // The question takes two rows at 80 columns: read them as one line.
        let text = ConsoleView.render(store.state, width: 80, height: 24, now: Fixture.start).plainText.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Change “Introduces both facilitators.”: Fully delivered (2) -> Partly delivered (1)? Press 1 again to confirm, Esc to keep."),
                "\(text)")
        // The second 1 writes it, as a re-rating of the first rating's event; who delivered it stays.
        let changed = FidelityRated(activity: "g1-welcome", item: "g1-welcome-1", level: "partly", deliveredBy: ["nurse", "lay"],
                                    replaces: firstRating.id)
        store.send(.key(.character("1")), effects: [.append(.fidelityRated(changed))]) {
            $0.screen = .checklist(ChecklistScreen(activity: "g1-welcome", selection: 1, returnTo: .walkthrough))
        }
        let third = ExhaustiveStateTests.event(seq + 4, .fidelityRated(changed), in: id)
        store.send(.saved(third)) {
            $0.events.append(third)
            $0.delivery?.fold(third)
            $0.status = .init(kind: .saved, text: "✓ Saved 10:00: item re-rated partly delivered (1), delivered by both", at: Fixture.start)
        }
        // n on the not-delivered item asks; Esc keeps the rating and stays on the checklist.
        store.send(.key(.character("n"))) {
            $0.screen = .checklist(ChecklistScreen(activity: "g1-welcome", selection: 1, returnTo: .walkthrough,
                                                   pendingChange: .init(item: "g1-welcome-2", level: "not-applicable")))
            $0.status = nil
        }
        store.send(.key(.escape)) {
            $0.screen = .checklist(ChecklistScreen(activity: "g1-welcome", selection: 1, returnTo: .walkthrough))
            $0.status = .init(kind: .info, text: "Rating kept.", at: Fixture.start)
        }
        // A question is dropped by any other key: n, then ↑, then n again asks again rather than writing.
        _ = store.skip(.key(.character("n")))
        _ = store.skip(.key(.up))
        _ = store.skip(.key(.down))
        store.send(.key(.character("n"))) {
            $0.screen = .checklist(ChecklistScreen(activity: "g1-welcome", selection: 1, returnTo: .walkthrough,
                                                   pendingChange: .init(item: "g1-welcome-2", level: "not-applicable")))
        }
    }

    // MARK: The agenda

    @Test func nextAfterAJumpGoesToAnItemNotYetRunAndGoingBackAsksAndKeepsTheStep() throws {
        var (store, id, seq) = try Self.opened()
        func save(_ body: EventBody) {
            seq += 1
            _ = store.skip(.saved(ExhaustiveStateTests.event(seq, body, in: id)))
        }
        // The mini agenda: arrival, welcome, break, practice. A jump from the arrival to the break
        // (item 3), then back to the welcome (item 2), which has not run: no question for it.
        save(.activityEnded(.init(activity: "g1-arrival")))
        save(.activityStarted(.init(activity: "g1-break")))
        store.send(.key(.character("g"))) { $0.screen = .agenda(AgendaScreen(selection: 2)); $0.status = nil }
        store.send(.key(.up)) { $0.screen = .agenda(AgendaScreen(selection: 1)) }
        store.send(.key(.enter), effects: [.append(.activityEnded(.init(activity: "g1-break"))),
                                           .append(.activityStarted(.init(activity: "g1-welcome")))]) {
            $0.screen = .walkthrough(WalkthroughScreen())
        }
        save(.activityEnded(.init(activity: "g1-break")))
        save(.activityStarted(.init(activity: "g1-welcome")))
        save(.stepShown(.init(activity: "g1-welcome", step: 1)))
        // From the welcome's last step (2 of 2), next goes to the practice (item 4), not into the
        // break (item 3), which ran; the view's "Next:" says the same.
        #expect(store.state.nextToRun == 3)
        #expect(ConsoleView.render(store.state, width: 80, height: 24, now: Fixture.start).plainText.contains("Next: Relaxation practice (20 min)"))
        store.send(.key(.right)) { $0.screen = .walkthrough(WalkthroughScreen(advanceArmed: true)); $0.status = nil }
        store.send(.key(.right), effects: [.append(.activityEnded(.init(activity: "g1-welcome"))),
                                           .append(.activityStarted(.init(activity: "g1-practice")))]) {
            $0.screen = .walkthrough(WalkthroughScreen())
        }
        save(.activityEnded(.init(activity: "g1-welcome")))
        save(.activityStarted(.init(activity: "g1-practice")))
        // The last item: next never wraps round to an earlier one.
        #expect(store.state.nextToRun == nil)
        store.send(.key(.right)) {
            $0.status = .init(kind: .info, text: "That was the last item. Press c to close the session.", at: Fixture.start)
        }

        // Going back to the welcome from the agenda asks first, then carries on at its step 2.
        store.send(.key(.character("g"))) { $0.screen = .agenda(AgendaScreen(selection: 3)); $0.status = nil }
        store.send(.key(.up)) { $0.screen = .agenda(AgendaScreen(selection: 2)) }
        store.send(.key(.up)) { $0.screen = .agenda(AgendaScreen(selection: 1)) }
        store.send(.key(.enter)) { $0.screen = .agenda(AgendaScreen(selection: 1, rerunAsked: true)) }
        let text = ConsoleView.render(store.state, width: 80, height: 24, now: Fixture.start).plainText.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("“Welcome and aims” already ran (0 min). Enter again runs it again, from step 2; its time adds to the first run."),
                "\(text)")
        store.send(.key(.enter), effects: [.append(.activityEnded(.init(activity: "g1-practice"))),
                                           .append(.activityStarted(.init(activity: "g1-welcome")))]) {
            $0.screen = .walkthrough(WalkthroughScreen())
        }
        save(.activityEnded(.init(activity: "g1-practice")))
        save(.activityStarted(.init(activity: "g1-welcome")))
        #expect(store.state.delivery?.currentStep == 1, "back at step 2 of 2, where it was left")
        #expect(store.state.status?.text == "✓ Saved 10:00: started Welcome and aims again")
        // Every item after the welcome has run: next says so.
        store.send(.key(.right)) {
            $0.status = .init(kind: .info, text: "The items after this one have all run. Press g to choose another, or c to close the session.",
                              at: Fixture.start)
        }
        // Any other key drops the question.
        store.send(.key(.character("g"))) { $0.screen = .agenda(AgendaScreen(selection: 1)); $0.status = nil }
        store.send(.key(.down)) { $0.screen = .agenda(AgendaScreen(selection: 2)) }
        store.send(.key(.enter)) { $0.screen = .agenda(AgendaScreen(selection: 2, rerunAsked: true)) }
        store.send(.key(.down)) { $0.screen = .agenda(AgendaScreen(selection: 3)) }
    }

    // MARK: Timers and messages

    @Test func theWarningIsTheLastFifthAtLeastAMinuteAndAtMostTheContents() {
        // 3 min: a fifth is 36 s, so the minute; 10 min: 120 s; 15 min: 180 s; 20 min: a fifth is
        // 240 s, held to the content's 3 min (180 s); with 0 minutes set, no warning before time up.
        #expect(Timing.warning(budget: 180, contentMinutes: 3) == 60)
        #expect(Timing.warning(budget: 600, contentMinutes: 3) == 120)
        #expect(Timing.warning(budget: 900, contentMinutes: 3) == 180)
        #expect(Timing.warning(budget: 1200, contentMinutes: 3) == 180)
        #expect(Timing.warning(budget: 1200, contentMinutes: 10) == 240)
        #expect(Timing.warning(budget: 180, contentMinutes: 0) == 0)
    }

    @Test func aTenMinuteItemWarnsInItsLastFifth() throws {
        // The mini content warns at most 2 minutes before the end; the 10-minute arrival item warns
        // for its last 2 (a fifth of 10). At 00:00 and 07:59 it is on time; at 08:00, 2 min left.
        let (store, _, _) = try Self.opened()
        #expect(Timing(store.state, now: Fixture.start).state == .onTime)
        #expect(Timing(store.state, now: Fixture.start.addingTimeInterval(479)).state == .onTime)
        let warned = Timing(store.state, now: Fixture.start.addingTimeInterval(480))
        #expect(warned.state == .warning)
        #expect(warned.words == "⚠ 2 min left")
    }

    @Test func aMessageGoesOnTheNextKeyButAProblemStays() throws {
        var (store, _, _) = try Self.opened()
        #expect(store.state.status?.kind == .saved)
        store.send(.key(.character("a"))) { $0.screen = .register; $0.status = nil }
        store.send(.failed("disk full")) { $0.status = .init(kind: .problem, text: "✗ disk full", at: Fixture.start) }
        store.send(.key(.escape)) { $0.screen = .walkthrough(WalkthroughScreen()) }
    }

    // MARK: Resuming

    @Test func resumingRecordsTheGapSinceTheLastEvent() throws {
        let (store, id, _) = try Self.opened()
        let events = store.state.events
        let delivery = try #require(store.state.delivery)
        var home = ConsoleState(programme: try Fixture.programme())
        home.screen = .home(HomeScreen())
        // The last event was at 10:00:00; resumed at 10:12:34.5, 754.5 s later: 754 whole seconds.
        let later = Fixture.start.addingTimeInterval(754.5)
        let (state, effects) = Engine.reduce(home, .resumed(delivery, events: events), now: later, fresh: KnownIDs.id(1))
        #expect(effects == [.append(.consoleResumed(.init(lastEventAt: Fixture.start, gapSeconds: 754)))])
        #expect(state.screen == .walkthrough(WalkthroughScreen()))
        let saved = ExhaustiveStateTests.event(events.count + 1, .consoleResumed(.init(lastEventAt: Fixture.start, gapSeconds: 754)), in: id)
        let after = Engine.reduce(state, .saved(saved), now: later, fresh: KnownIDs.id(2)).state
        #expect(after.status?.text == "✓ Saved 10:00: resumed where you left off, after 12:34 stopped")
        #expect(after.delivery?.interruptions == [754])
    }
}
