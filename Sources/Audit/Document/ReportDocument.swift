import DeliveryFacts

/// A report before it is written out: header facts, then sections of tables. Every format
/// (terminal, CSV, JSON, Markdown, HTML) is written from this one value, so they cannot disagree.
public struct ReportDocument: Sendable {
    public var title: String
    /// What the report covers and the rules it used: filters, content versions, bands, dose rule.
    public var facts: [Fact]
    public var sections: [Section]
    /// The journals read, with their chain heads, and the files that failed the check.
    public var sources: Sources

    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
    }

    public struct Section: Sendable {
        /// A short machine name (`--table NAME` for CSV; JSON keys).
        public var id: String
        public var title: String
        /// How the figures were computed, in a sentence or two.
        public var note: String
        public var table: Table
        /// A bar per row for the HTML page, when the section has a percentage worth seeing.
        public var chart: Chart?
        public init(id: String, title: String, note: String, table: Table, chart: Chart? = nil) {
            self.id = id; self.title = title; self.note = note; self.table = table; self.chart = chart
        }
    }

    public struct Chart: Sendable {
        /// The column whose row labels name the bars, and the column holding the percentages.
        public var labelColumn: Int
        public var valueColumn: Int
        public var bands: BandMarks
        public init(labelColumn: Int, valueColumn: Int, bands: BandMarks) {
            self.labelColumn = labelColumn; self.valueColumn = valueColumn; self.bands = bands
        }
    }

    public struct Sources: Sendable {
        public var journals: [Journal]
        public var headsDigest: String
        public struct Journal: Sendable {
            public var file: String
            public var delivery: String
            public var kind: String
            public var events: Int
            public var head: String
            /// Empty when the file passed the check; else the first problem, with its line.
            public var problem: String
            public var errors: Int
            /// `iwotch journal check`'s verdict on the file, which covers its hash chain.
            public var verdict: String { errors == 0 ? "passed" : "failed" }
        }
        public var failed: [Journal] { journals.filter { $0.errors > 0 } }

        /// The sources as a table, the same in every format: the check's verdict stands beside the
        /// head, since a head vouches for the lines before it only when the chain checks out.
        public var table: Table {
            var table = Table(columns: [.init("file", "File"), .init("kind", "Kind"), .init("events", "Events", numeric: true),
                                        .init("check", "Check"), .init("head", "Chain head"), .init("problem", "First problem")])
            table.rows = journals.map { [.text($0.file), .text($0.kind), .integer($0.events), .text($0.verdict), .text($0.head), .text($0.problem)] }
            return table
        }

        /// What the sources list says of the journals' heads: the guide's words, once.
        public static let headsNote = "Check is `iwotch journal check` on each file: passed means every line holds the hash of the line before it and reads as an event. A chain head is the hash of a file's last line: a line added or the last line changed gives a new head and digest; a change to an earlier line does not, and shows only as a failed check."
    }
}

/// A table: typed columns and rows of cells.
public struct Table: Sendable {
    public var columns: [Column]
    public var rows: [[Cell]]
    public init(columns: [Column], rows: [[Cell]] = []) { self.columns = columns; self.rows = rows }

    public struct Column: Sendable, Equatable {
        public var key: String
        public var title: String
        public var numeric: Bool
        public init(_ key: String, _ title: String, numeric: Bool = false) { self.key = key; self.title = title; self.numeric = numeric }

        /// The last column of a table that pools deliveries: how many of them were read from a
        /// journal that failed the check, so no figure hides where it came from.
        public static let failedColumn = Column("failed_check", "From failed files", numeric: true)
    }
}

/// One cell: the text people read, the value machines read, and a mark when it falls below a band.
public struct Cell: Sendable, Equatable {
    public enum Value: Sendable, Equatable { case text(String), number(Double), integer(Int), bool(Bool), null }
    public var display: String
    public var value: Value
    public var mark: BandMarks.Band?
    /// For a number: the decimals it is written with in every format that writes it bare (CSV), so a
    /// column reads 50.0, 80.0, 77.3 and never 50, 80, 77.3.
    public var decimals: Int
    /// For a percentage judged against bands: its band, high included (`mark` leaves high out, as
    /// high needs no symbol on screen; machine-readable formats name every band).
    public var band: BandMarks.Band?

    public init(display: String, value: Value, mark: BandMarks.Band? = nil, decimals: Int = 1, band: BandMarks.Band? = nil) {
        self.display = display; self.value = value; self.mark = mark; self.decimals = decimals; self.band = band
    }

    public static func text(_ text: String) -> Cell { Cell(display: text, value: .text(text)) }
    public static func integer(_ number: Int) -> Cell { Cell(display: String(number), value: .integer(number)) }
    public static func bool(_ flag: Bool, yes: String = "yes", no: String = "no") -> Cell { Cell(display: flag ? yes : no, value: .bool(flag)) }
    public static let empty = Cell(display: "", value: .null)

    /// A number with one decimal, or "–" (and null) when there is none.
    public static func number(_ number: Double?, decimals: Int = 1) -> Cell {
        guard let number else { return Cell(display: "–", value: .null) }
        return Cell(display: Format.fixed(number, decimals), value: .number(Format.rounded(number, decimals)), decimals: decimals)
    }

    /// A percentage marked against the bands: "72.5% ▽".
    public static func percent(_ value: Double?, bands: BandMarks?) -> Cell {
        guard let value else { return Cell(display: "–", value: .null) }
        let band = bands?.band(of: value)
        let mark = band.flatMap { $0 == .high ? nil : $0 }
        return Cell(display: Format.fixed(value, 1) + "%" + (mark.map { " " + $0.symbol } ?? ""), value: .number(Format.rounded(value, 1)),
                    mark: mark, decimals: 1, band: band)
    }
}
