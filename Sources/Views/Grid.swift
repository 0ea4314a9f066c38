import DisplayText

/// What a cell means, not how it looks: the backend maps roles to colours (or to nothing under
/// NO_COLOR or on a monochrome terminal). Nothing is ever told by a role alone: every warning,
/// overrun or mark also has a symbol or a word in the text.
public enum Role: Sendable, Equatable {
    case normal, title, accent, muted, ok, warning, danger, banner
}

public struct Style: Sendable, Equatable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()
    public static let title = Style(.title, bold: true)
    public static let selected = Style(.normal, reverse: true)
    public static let muted = Style(.muted)
    public static let bar = Style(.normal, reverse: true)
}

/// One terminal cell: the text drawn there (a scalar, plus any zero-width scalars joined to it),
/// or nothing when it is the right half of a wide character.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style
    /// True for the second cell of a two-cell character: the backend draws nothing there.
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", style: .plain, isContinuation: false)
}

/// A screen as a grid of styled cells: what every view produces, what the backend draws, and what
/// golden-frame tests compare. Text put here is sanitised and laid out scalar by scalar with the
/// same widths the backend uses, so rows never drift.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor goes: on the focused item, for screen readers.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Grid, b: Grid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text at (x, y), clipped to `limit` cells (and the grid's edge). Returns the cells used.
    /// A wide character that would straddle the limit is left out rather than cut in half.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        var lastCell: Int?
        for scalar in DisplayText.sanitised(text).unicodeScalars {
            if DisplayText.isDropped(scalar) { continue }
            var cells = DisplayText.width(of: scalar)
            var shown = String(scalar)
            if cells < 0 { cells = 1; shown = "\u{FFFD}" }
            if cells == 0 {
                // Combining marks join the cell before them.
                if let last = lastCell { self.cells[last].text.unicodeScalars.append(scalar) }
                continue
            }
            if column + cells > end { break }
            if column >= 0 {
                self[column, y] = Cell(text: shown, style: style, isContinuation: false)
                lastCell = y * width + column
                if cells == 2 { self[column + 1, y] = Cell(text: "", style: style, isContinuation: true) }
            }
            column += cells
        }
        return column - x
    }

    /// Fills a row segment with a style (and spaces), e.g. a highlighted line or a bar.
    public mutating func fill(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end ?? width) {
            self[column, y] = Cell(text: " ", style: style, isContinuation: false)
        }
    }

    /// Restyles existing cells without changing their text.
    public mutating func restyle(y: Int, from x: Int = 0, to end: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, end ?? width) { self[column, y].style = style }
    }

    /// Text wrapped to `width` cells from (x, y) down, at most `lines` lines; returns lines used.
    @discardableResult
    public mutating func paragraph(_ text: String, x: Int, y: Int, width: Int, lines: Int, style: Style = .plain,
                                   indent: String = "") -> Int {
        guard lines > 0, width > DisplayText.width(indent) else { return 0 }
        var wrapped = DisplayText.wrap(DisplayText.sanitised(text), width: width - DisplayText.width(indent))
        if wrapped.count > lines {
            wrapped = Array(wrapped.prefix(lines))
            wrapped[lines - 1] = DisplayText.truncated(wrapped[lines - 1] + " …", toWidth: width - DisplayText.width(indent))
        }
        for (index, line) in wrapped.enumerated() {
            put((index == 0 ? indent : String(repeating: " ", count: DisplayText.width(indent))) + line, x: x, y: y + index, style: style, limit: width)
        }
        return wrapped.count
    }

    /// The grid as plain text, one line per row, trailing spaces removed: for golden files.
    public var plainText: String {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }

    /// Rows whose cells differ from `other`'s: the backend redraws only these.
    public func changedRows(since other: Grid?) -> [Int] {
        guard let other, other.width == width, other.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            let range = (y * width)..<((y + 1) * width)
            return cells[range] != other.cells[range]
        }
    }
}
