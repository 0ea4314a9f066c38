import Views

/// A terminal in memory, for tests: a script of inputs to hand out, every drawn frame kept, and
/// a size the test sets (a scripted resize sets it too, as a real terminal's would be). When the
/// script runs out it reports SIGHUP, as a terminal that closed would, so a loop under test
/// always ends.
@MainActor
public final class TestBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public var usesColour: Bool
    public private(set) var cursor: (x: Int, y: Int)?
    /// Inputs still to hand out, first first.
    public var script: [TerminalInput]
    /// Every grid drawn, in order.
    public private(set) var frames: [Grid] = []
    /// The timeout of every read, in order.
    public private(set) var timeouts: [Int] = []
    /// Set when a read found the script empty.
    public private(set) var ranOut = false
    /// Called with each input just before it is handed out (to move a test clock on, say).
    public var willHandOut: ((TerminalInput) -> Void)?

    public static let hangUp: Int32 = 1

    public init(width: Int = 80, height: Int = 24, colour: Bool = false, script: [TerminalInput] = []) {
        size = (width, height)
        usesColour = colour
        self.script = script
    }

    public func draw(_ grid: Grid) {
        frames.append(grid)
        if let place = grid.cursor, place.x >= 0, place.x < size.width, place.y >= 0, place.y < size.height {
            cursor = place
        } else {
            cursor = nil
        }
    }

    public func read(timeout milliseconds: Int) -> TerminalInput {
        timeouts.append(milliseconds)
        guard !script.isEmpty else {
            ranOut = true
            return .interrupted(signal: Self.hangUp)
        }
        let input = script.removeFirst()
        if case .resize(let width, let height) = input { size = (width, height) }
        willHandOut?(input)
        return input
    }

    /// The last frame drawn, as plain text (one line a row).
    public var screen: String { frames.last?.plainText ?? "" }
    /// Every frame drawn, as plain text.
    public var screens: [String] { frames.map(\.plainText) }
}
