import Foundation
import Testing
@testable import Journal
import Programme
@testable import Runtime
@testable import SessionEngine
import TestSupport
import Views

enum Fixture {
    static let repository = Repository.root
    static let mini = repository.appendingPathComponent("Tests/ProgrammeTests/Fixtures/mini").path
    static let golden = GoldenFolder()
    static func programme() throws -> Programme { try #require(ProgrammeLoader.load(path: mini).programme) }
    static let start = Timestamp.parse("2026-03-04T10:00:00.000Z")!
}

/// Drives the console with keys and an injected clock, recording into a temporary journal, as
/// the terminal loop does: key -> engine -> effects -> journal -> engine.
final class Driver {
    let folder: URL
    var runner: ConsoleRunner
    var now = Fixture.start
    let programme: Programme
    let mode: JournalEvent.Mode

    init(programme: Programme? = nil, folder: URL? = nil, mode: JournalEvent.Mode = .live) throws {
        self.programme = try programme ?? Fixture.programme()
        self.mode = mode
        self.folder = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-engine-\(UUID().uuidString)")
        runner = ConsoleRunner(programme: self.programme, directory: JournalDirectory(root: self.folder), mode: mode, utcOffsetMinutes: 0)
    }

    /// A new console on the same journal folder, as after a crash and a restart.
    func restart() {
        runner.writer?.close()
        runner = ConsoleRunner(programme: programme, directory: JournalDirectory(root: folder), mode: mode, utcOffsetMinutes: 0)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    var state: ConsoleState { runner.state }
    var delivery: DeliveryState? { runner.state.delivery }

    func press(_ keys: Key...) { for key in keys { runner.handle(.key(key), now: now) } }
    func type(_ text: String) { for character in text { press(.character(character)) } }
    func wait(minutes: Double) { now = now.addingTimeInterval(minutes * 60); runner.handle(.tick, now: now) }

    /// Home -> set-up -> start the mini group session with three participants.
    func startGroupSession(participants: String = "P01 P02 P03") {
        press(.enter)                                     // Run a live session
        press(.tab)                                       // session: group-1 is first
        type("G01"); press(.tab)
        type("S01"); press(.tab)
        type("N01"); press(.tab)                          // the nurse facilitator
        type("L01"); press(.tab)                          // the lay facilitator
        type(participants); press(.tab)
        press(.enter)                                     // Start
    }

    /// Home -> set-up -> start the mini telephone call (call-1: the nurse alone) with one participant.
    func startCall(group: String = "G01", participant: String = "P01") {
        press(.enter)                                     // Run a live session
        press(.right)                                     // session: call-1
        press(.tab); type(group); press(.tab)
        type("S01"); press(.tab)
        type("N01"); press(.tab)                          // the nurse facilitator, the call's one slot
        type(participant); press(.tab)
        press(.enter)                                     // Start
    }

    /// `iwotch rehearse --session group-1`: the set-up with its sample codes, started as it comes.
    func startRehearsal(session: String = "group-1") {
        runner.startSetup(session: session, group: nil)
        press(.up)                                        // from Session round to Start
        press(.enter)
    }

    func frame(_ width: Int = 80, _ height: Int = 24) -> Grid {
        ConsoleView.render(runner.state, width: width, height: height, now: now)
    }

    var journalURL: URL? { runner.writer?.url }
    func events() throws -> [JournalEvent] { try ReadJournal.read(try #require(journalURL)).events.map(\.event) }
}

/// Compares a frame, text and styles (see FrameText), with Golden/NAME-WxH.txt. `masking` replaces
/// text that differs from run to run (such as a delivery id's random part).
func expectGolden(_ grid: Grid, _ name: String, masking: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) {
    let text = masking.reduce(FrameText.golden(grid)) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    Fixture.golden.expect(text, "\(name)-\(grid.width)x\(grid.height).txt", sourceLocation: sourceLocation)
}
