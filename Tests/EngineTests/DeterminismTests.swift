import Foundation
import Testing
@testable import Journal
import Programme
@testable import Runtime
@testable import SessionEngine

/// Known "random" ids: the n-th is 0000000n-0000-4000-8000-00000000000n (in hex), and every one
/// handed out is kept.
final class KnownIDs {
    private(set) var issued: [UUID] = []

    static func id(_ n: Int) -> UUID {
        let hex = String(n, radix: 16)
        let eight = String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        let twelve = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
        return UUID(uuidString: "\(eight)-0000-4000-8000-\(twelve)")!
    }

    func next() -> UUID {
        let id = Self.id(issued.count + 1)
        issued.append(id)
        return id
    }
}

/// The engine is a pure function of the state and what comes in with each action (the time and
/// a fresh id): nothing it does depends on the clock or on randomness of its own.
struct DeterminismTests {
    /// The keys of Driver.startGroupSession, one action each.
    static let setupKeys: [Key] = {
        func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }
        var keys: [Key] = [.enter, .tab]
        keys += typed("G01"); keys.append(.tab)
        keys += typed("S01"); keys.append(.tab)
        keys += typed("N01"); keys += [.tab]
        keys += typed("L01"); keys += [.tab]
        keys += typed("P01 P02 P03"); keys += [.tab, .enter]
        return keys
    }()

    /// Every state and every effect list along the way, from the first action to the last.
    static func trace(_ programme: Programme) -> [(state: ConsoleState, effects: [Effect])] {
        var state = ConsoleState(programme: programme)
        var steps: [(state: ConsoleState, effects: [Effect])] = []
        var actions: [Action] = [.viewport(width: 80, height: 24), .tick]
        actions += setupKeys.map { .key($0) }
        for (index, action) in actions.enumerated() {
            let now = Fixture.start.addingTimeInterval(Double(index))
            let (next, effects) = Engine.reduce(state, action, now: now, fresh: KnownIDs.id(index + 1))
            steps.append((next, effects))
            state = next
        }
        return steps
    }

    @Test func theSameActionsTwiceGiveTheSameStatesAndEffects() throws {
        let programme = try Fixture.programme()
        let first = Self.trace(programme)
        let second = Self.trace(programme)
        #expect(first.count == second.count)
        for (a, b) in zip(first, second) {
            #expect(a.state == b.state)
            #expect(a.effects == b.effects)
        }
    }

    @Test func theNewDeliveryIsNamedWithTheFreshIdGiven() throws {
        let programme = try Fixture.programme()
        let steps = Self.trace(programme)
        let last = try #require(steps.last)
        // The Enter that starts the delivery is the last action, given id number steps.count.
        let suffix = String(KnownIDs.id(steps.count).uuidString.lowercased().prefix(8))
        #expect(suffix == String(repeating: "0", count: 8 - String(steps.count, radix: 16).count) + String(steps.count, radix: 16))
        guard case .createDelivery(let opening, let delivery) = try #require(last.effects.first) else {
            Issue.record("expected a delivery to be created, got \(last.effects)")
            return
        }
        #expect(delivery == "2026-03-04-G01-group-1-\(suffix)")
        #expect(opening.group == "G01")
        #expect(steps.dropLast().allSatisfy { $0.effects.isEmpty }, "nothing but the last key asks the runtime for anything")
        #expect(last.state.pendingRoster == ["P01", "P02", "P03"])
    }

    @Test func aDifferentFreshIdOnlyChangesTheDeliveryId() throws {
        let programme = try Fixture.programme()
        let before = try #require(Self.trace(programme).dropLast().last).state
        let one = Engine.reduce(before, .key(.enter), now: Fixture.start, fresh: KnownIDs.id(0xabc))
        let other = Engine.reduce(before, .key(.enter), now: Fixture.start, fresh: KnownIDs.id(0xdef))
        #expect(one.state == other.state)
        #expect(one.effects != other.effects)
        guard case .createDelivery(_, let delivery) = try #require(one.effects.first) else { return }
        #expect(delivery.hasSuffix("-00000abc"))
    }

    /// Through the runtime, onto disk and back: with the same ids and clock, two consoles in two
    /// folders end in identical states, and every event carries an id from the source given.
    @Test func theRuntimeGivesEventsTheIdsItIsGiven() throws {
        let programme = try Fixture.programme()
        var states: [ConsoleState] = []
        var issued: [[UUID]] = []
        for _ in 0..<2 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-determinism-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let ids = KnownIDs()
            let runner = ConsoleRunner(programme: programme, directory: JournalDirectory(root: folder), mode: .live,
                                       utcOffsetMinutes: 0, ids: ids.next)
            var now = Fixture.start
            for key in Self.setupKeys + [.right, .right, .character("r")] {
                runner.handle(.key(key), now: now)
                now = now.addingTimeInterval(1)
            }
            runner.writer?.close()
            states.append(runner.state)
            issued.append(ids.issued)
            let events = runner.state.events
            #expect(events.count >= 5, "opened, three enrolled, first item started")
            #expect(Set(events.map(\.id)).isSubset(of: Set(ids.issued)))
            // The opening event's id is the one drawn right after the fresh id that named the delivery.
            let delivery = try #require(events.first?.delivery)
            let named = try #require(ids.issued.firstIndex { delivery.hasSuffix("-" + $0.uuidString.lowercased().prefix(8)) })
            #expect(events.first?.id == ids.issued[named + 1])
            #expect(delivery == "2026-03-04-G01-group-1-" + String(ids.issued[named].uuidString.lowercased().prefix(8)))
        }
        #expect(states[0] == states[1])
        #expect(issued[0] == issued[1])
    }
}
