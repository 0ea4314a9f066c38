import Foundation
import Programme

/// One problem the content checker found, as the console shows it: `file:line: message`.
public struct ContentProblem: Sendable, Equatable {
    /// The file, relative to the programme's folder.
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var text: String { "\(file):\(line): \(message)" }
}

/// Taking up edits to the content while rehearsing or browsing. The runtime watches the files
/// and runs the checker; the engine only decides what the new content changes on screen.
enum ContentFollowing {
    /// Clean content from disk: shown from now on. A delivery in progress keeps the agenda it
    /// pinned when it opened (order, minutes, fidelity items) and shows the items' new texts.
    static func take(_ state: inout ConsoleState, _ programme: Programme, now: Date) {
        // A live console never changes its content, whatever the runtime sends.
        guard state.followsContentEdits else { return }
        let old = state.programme
        state.programme = programme
        state.setup.follow(programme)
        state.browser.follow(from: old, to: programme)
        let hadProblems = !state.contentProblems.isEmpty
        state.contentProblems = []
        let clock = Clock.local(now, offsetMinutes: state.delivery?.openingOffset ?? state.utcOffsetMinutes)
        state.status = .init(kind: .info, text: (hadProblems ? "Content fixed and reloaded at " : "Content reloaded at ") + clock + ".", at: now)
    }

    /// Content with errors: the last good content stays on screen, with the checker's words.
    static func reject(_ state: inout ConsoleState, _ problems: [ContentProblem]) {
        guard state.followsContentEdits else { return }
        state.contentProblems = problems
    }
}
