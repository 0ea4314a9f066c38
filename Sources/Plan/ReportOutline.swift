/// A report as an outline of lines, written once and rendered both for the terminal and as
/// Markdown. Each line keeps our own words apart from text quoted out of the content and from
/// ids, because each renderer must treat them differently: content text is sanitised for the
/// terminal and escaped for Markdown, ids are set as code.
struct ReportSection {
    var heading: Words
    var lines: [ReportLine]
}

struct ReportLine {
    var words: Words
    var children: [ReportLine] = []

    init(_ words: Words, _ children: [ReportLine] = []) {
        self.words = words
        self.children = children
    }
}

enum Phrase: Equatable {
    /// Our own words: safe as they stand.
    case words(String)
    /// Text from a content file, shown as it is written.
    case text(String)
    /// A title from a content file, shown in quotation marks.
    case quote(String)
    /// An id or a fingerprint.
    case id(String)
}

/// A line built by interpolation: `"added \(id: item.id) \(quote: item.title)"`.
struct Words: ExpressibleByStringInterpolation, Equatable {
    var phrases: [Phrase]

    init(_ phrases: [Phrase]) { self.phrases = phrases }
    init(stringLiteral value: String) { phrases = [.words(value)] }
    init(stringInterpolation: Interpolation) { phrases = stringInterpolation.phrases }

    static func + (a: Words, b: Words) -> Words { Words(a.phrases + b.phrases) }

    struct Interpolation: StringInterpolationProtocol {
        var phrases: [Phrase] = []
        init(literalCapacity: Int, interpolationCount: Int) {}
        mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { phrases.append(.words(literal)) } }
        mutating func appendInterpolation(_ number: Int) { phrases.append(.words(String(number))) }
        /// Our own words held in a variable (an enum's name, a unit); never content text.
        mutating func appendInterpolation(words: String) { phrases.append(.words(words)) }
        mutating func appendInterpolation(text: String) { phrases.append(.text(text)) }
        mutating func appendInterpolation(quote: String) { phrases.append(.quote(quote)) }
        mutating func appendInterpolation(id: String) { phrases.append(.id(id)) }
        mutating func appendInterpolation(ids: [String]) {
            for (index, id) in ids.enumerated() {
                if index > 0 { phrases.append(.words(", ")) }
                phrases.append(.id(id))
            }
            if ids.isEmpty { phrases.append(.words("none")) }
        }
        mutating func appendInterpolation(_ words: Words) { phrases += words.phrases }
    }
}
