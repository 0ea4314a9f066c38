import Foundation
import Testing
@testable import Journal
import Programme
@testable import SessionEngine

/// Drives `Engine.reduce` one action at a time and, after each, compares the WHOLE state with the
/// state expected and the effects with the effects expected. The expected state is the one before
/// the action with the changes the test says by hand; anything else that changed fails the test.
struct StateStore {
    private(set) var state: ConsoleState
    var now = Fixture.start
    var fresh = KnownIDs.id(1)

    init(_ state: ConsoleState) { self.state = state }

    mutating func send(_ action: Action, effects expectedEffects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                       _ change: (inout ConsoleState) -> Void = { _ in }) {
        var expected = state
        change(&expected)
        let (next, effects) = Engine.reduce(state, action, now: now, fresh: fresh)
        let same = next == expected                         // compared whole; the message names the fields that differ
        #expect(same, "state after \(action) differs:\n\(Self.difference(expected, next))", sourceLocation: sourceLocation)
        #expect(effects == expectedEffects, "effects of \(action)", sourceLocation: sourceLocation)
        state = next
    }

    /// Moves on without checking: for getting to a starting point, not for what is under test.
    mutating func skip(_ action: Action) -> [Effect] {
        let (next, effects) = Engine.reduce(state, action, now: now, fresh: fresh)
        state = next
        return effects
    }

    /// The lines of the two states' dumps that differ, expected first.
    static func difference(_ expected: ConsoleState, _ actual: ConsoleState) -> String {
        var left = "", right = ""
        dump(expected, to: &left)
        dump(actual, to: &right)
        let a = left.split(separator: "\n"), b = right.split(separator: "\n")
        return zip(a, b).filter { $0 != $1 }.prefix(12).map { "- \($0)\n+ \($1)" }.joined(separator: "\n")
    }
}

struct ExhaustiveStateTests {
    static func event(_ seq: Int, _ body: EventBody, in delivery: String) -> JournalEvent {
        JournalEvent(seq: seq, id: KnownIDs.id(100 + seq), time: Fixture.start, utcOffsetMinutes: 0, delivery: delivery, mode: .live,
                     actor: "N01", previous: nil, body: body)
    }

    @Test func homeToHelpAndBack() throws {
        var store = StateStore(ConsoleState(programme: try Fixture.programme()))
        #expect(store.state.screen == .home(HomeScreen(selection: 0)), "a live home with nothing to resume starts on Run")

        store.send(.key(.character("?"))) { $0.screen = .help(returningTo: .home(HomeScreen(selection: 0))) }
        store.send(.key(.character("?"))) { $0.screen = .home(HomeScreen(selection: 0)) }
        store.send(.key(.down)) { $0.screen = .home(HomeScreen(selection: 1)) }
        store.send(.key(.character("?"))) { $0.screen = .help(returningTo: .home(HomeScreen(selection: 1))) }
        store.send(.key(.escape)) { $0.screen = .home(HomeScreen(selection: 1)) }
        // Rehearse from a live home: the runtime switches folders; nothing on screen changes yet.
        store.send(.key(.enter), effects: [.changeMode(.rehearsal)])
        store.send(.key(.up)) { $0.screen = .home(HomeScreen(selection: 0)) }
        store.send(.key(.enter)) { $0.screen = .setup(returningTo: HomeScreen(selection: 0)) }
        store.send(.key(.escape)) { $0.screen = .home(HomeScreen(selection: 0)) }
    }

    @Test func walkthroughToRegisterMarkOneAndBack() throws {
        var store = StateStore(ConsoleState(programme: try Fixture.programme()))
        var created: [Effect] = []
        for key in DeterminismTests.setupKeys { created = store.skip(.key(key)) }
        guard case .createDelivery(let opening, let id) = try #require(created.first) else {
            Issue.record("expected a delivery to be created, got \(created)")
            return
        }
        #expect(id == "2026-03-04-G01-group-1-00000001")
        let first = try #require(opening.session.agenda.first).id

        // The delivery is on disk: the walk-through, the roster to enrol and the first item to start.
        let opened = Self.event(1, .deliveryOpened(opening), in: id)
        store.send(.saved(opened), effects: ["P01", "P02", "P03"].map { .append(.participantEnrolled(.init(participant: $0, walkIn: false))) }
            + [.append(.activityStarted(.init(activity: first)))]) {
            $0.events = [opened]
            $0.delivery = DeliveryState.replay([opened])
            $0.status = .init(kind: .saved, text: "✓ Saved 10:00: delivery opened for group G01", at: Fixture.start)
            $0.actor = "N01"
            $0.screen = .walkthrough(WalkthroughScreen())
            $0.pendingRoster = []
        }
        for (index, code) in ["P01", "P02", "P03"].enumerated() {
            let enrolled = Self.event(2 + index, .participantEnrolled(.init(participant: code, walkIn: false)), in: id)
            store.send(.saved(enrolled)) {
                $0.events.append(enrolled)
                $0.delivery?.fold(enrolled)
                $0.status = .init(kind: .saved, text: "✓ Saved 10:00: \(code) enrolled", at: Fixture.start)
            }
        }

        // Walk-through -> register -> mark P01 present -> back.
        store.send(.key(.character("a"))) { $0.screen = .register; $0.status = nil }     // the old "saved" goes with the key
        store.send(.key(.character("p")), effects: [.append(.attendanceMarked(.init(participant: "P01", status: .present)))]) {
            $0.registerSelection = 1                                    // marked: on to the next participant
        }
        let marked = Self.event(5, .attendanceMarked(.init(participant: "P01", status: .present)), in: id)
        store.send(.saved(marked)) {
            $0.events.append(marked)
            $0.delivery?.fold(marked)
            $0.status = .init(kind: .saved, text: "✓ Saved 10:00: P01 marked present", at: Fixture.start)
        }
        store.send(.key(.escape)) { $0.screen = .walkthrough(WalkthroughScreen()); $0.status = nil }

        // Help over the register keeps it as it was; Esc from the register's help goes back to it.
        store.send(.key(.character("a"))) { $0.screen = .register }      // the register reopens on P02, where it was left
        store.send(.key(.character("?"))) { $0.screen = .help(returningTo: .register) }
        store.send(.key(.escape)) { $0.screen = .register }
        store.send(.key(.character("a"))) { $0.screen = .walkthrough(WalkthroughScreen()) }

        // The agenda's checklist goes back to the agenda, at the item it was opened on.
        store.send(.key(.character("g"))) { $0.screen = .agenda(AgendaScreen(selection: 0)) }
        store.send(.key(.down)) { $0.screen = .agenda(AgendaScreen(selection: 1)) }
        let second = opening.session.agenda[1].id
        store.send(.key(.character("f"))) {
            $0.screen = .checklist(ChecklistScreen(activity: second, returnTo: .agenda(AgendaScreen(selection: 1))))
        }
        store.send(.key(.escape)) { $0.screen = .agenda(AgendaScreen(selection: 1)) }
        store.send(.key(.escape)) { $0.screen = .walkthrough(WalkthroughScreen()) }

        // The close screen's sign-offs go when it is left.
        store.send(.key(.character("c"))) { $0.screen = .close(CloseScreen()) }
        store.send(.key(.character("1"))) {
            $0.screen = .close(CloseScreen(signoffs: [.init(code: "N01", role: opening.facilitators[0].role, at: Fixture.start,
                                                             meaning: DeliveryClosed.signoffMeaning)]))
            $0.status = nil
        }
        store.send(.key(.escape)) { $0.screen = .walkthrough(WalkthroughScreen()) }
    }
}

extension ExhaustiveStateTests {
    /// A rehearsal's timing summary opened from the close screen goes back to it with the
    /// sign-offs given so far, and so does its c.
    @Test func closeToTimingAndBackKeepsTheSignOffs() throws {
        var store = StateStore(ConsoleState(programme: try Fixture.programme(), mode: .rehearsal))
        #expect(store.state.screen == .home(HomeScreen(selection: 1)), "a rehearsal home starts on Start a new rehearsal")
        store.send(.key(.enter)) { $0.screen = .setup(returningTo: HomeScreen(selection: 1)) }
        var created: [Effect] = []
        for _ in 0..<6 { created = store.skip(.key(.tab)) }   // session, group, site, two facilitators, participants: to Start
        created = store.skip(.key(.enter))
        guard case .createDelivery(let opening, let id) = try #require(created.first) else {
            Issue.record("expected a rehearsal to be created, got \(created)")
            return
        }
        var opened = Self.event(1, .deliveryOpened(opening), in: id)
        opened.mode = .rehearsal
        let first = try #require(opening.session.agenda.first).id
        store.send(.saved(opened), effects: RehearsalSample.groupRoster.map { .append(.participantEnrolled(.init(participant: $0, walkIn: false))) }
            + [.append(.activityStarted(.init(activity: first)))]) {
            $0.events = [opened]
            $0.delivery = DeliveryState.replay([opened])
            $0.status = .init(kind: .saved, text: "✓ Saved 10:00: delivery opened for group REH", at: Fixture.start)
            $0.actor = "TRN1"
            $0.screen = .walkthrough(WalkthroughScreen())
            $0.pendingRoster = []
        }

        let signed = CloseScreen(signoffs: [.init(code: "TRN1", role: opening.facilitators[0].role, at: Fixture.start,
                                                  meaning: DeliveryClosed.signoffMeaning)])
        store.send(.key(.character("c"))) { $0.screen = .close(CloseScreen()); $0.status = nil }   // the old "saved" goes with the key
        store.send(.key(.character("1"))) { $0.screen = .close(signed) }
        store.send(.key(.character("t"))) { $0.screen = .timing(TimingScreen(returnTo: .close(signed))) }
        store.send(.key(.escape)) { $0.screen = .close(signed) }
        store.send(.key(.character("t"))) { $0.screen = .timing(TimingScreen(returnTo: .close(signed))) }
        store.send(.key(.character("c"))) { $0.screen = .close(signed) }
        store.send(.key(.escape)) { $0.screen = .walkthrough(WalkthroughScreen()) }
        store.send(.key(.character("t"))) { $0.screen = .timing(TimingScreen(returnTo: .walkthrough)) }
        store.send(.key(.character("c"))) { $0.screen = .close(CloseScreen()) }
    }
}
