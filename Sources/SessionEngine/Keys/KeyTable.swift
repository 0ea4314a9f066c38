import Journal

/// One thing a screen does on a key: which keys do it, what it is called, and where it is said.
/// A screen's key bar, its help, the keys check and the manuals' key tables are all read from
/// these, so they cannot say different things.
public struct KeyBinding: Sendable, Equatable {
    /// Which of a live delivery and a rehearsal a key works in, or is shown on the bar in.
    public enum Modes: Sendable, Equatable {
        case both, live, rehearsal

        public func includes(_ mode: JournalEvent.Mode) -> Bool {
            switch self {
            case .both: true
            case .live: mode == .live
            case .rehearsal: mode == .rehearsal
            }
        }
    }

    /// What the key bar shows for the binding: "→← step".
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var words: String
        /// The modes whose bar shows it (a rehearsal's bar has its own keys in place of some live ones).
        public var modes: Modes

        public init(_ label: String, _ words: String, in modes: Modes = .both) {
            self.label = label
            self.words = words
            self.modes = modes
        }
    }

    /// The keys that do it.
    public var keys: [Key]
    /// Printable characters (space included) are typed into the screen's text.
    public var typed: Bool
    /// Any key at all does it (the help screen: any key returns).
    public var anyKey: Bool
    /// A word or two: what the keys check names beside the key ("next", "register").
    public var action: String
    /// The sentence the help screen and the manuals give.
    public var help: String
    /// Shown on the key bar as this; nil when only the help lists it.
    public var bar: Bar?
    /// Where the keys work: a rehearsal's own keys do nothing in a live delivery.
    public var modes: Modes

    public init(_ keys: [Key], _ action: String, help: String, bar: Bar? = nil, in modes: Modes = .both,
                typed: Bool = false, anyKey: Bool = false) {
        self.keys = keys
        self.typed = typed
        self.anyKey = anyKey
        self.action = action
        self.help = help
        self.bar = bar
        self.modes = modes
    }

    /// Whether `key` does what this binding says.
    public func matches(_ key: Key) -> Bool {
        if anyKey || keys.contains(key) { return true }
        if typed, case .character = key { return true }
        return false
    }

    /// The keys as the help screen lists them: "→  ↓  PgDn  Space  Enter".
    public var keyText: String {
        if anyKey { return "any key" }
        let names = keys.map(KeyBinding.shortName)
        return ((typed ? ["type"] : []) + names).joined(separator: "  ")
    }

    /// A key's short name, as on the key bar and the help screen.
    public static func shortName(_ key: Key) -> String { key.names.short }
}

/// A screen's keys, in the order the help lists them (and the bar shows the bar's share of them).
public struct KeyTable: Sendable, Equatable {
    /// The name the manuals use for the table: `<!-- keys: walkthrough live -->` precedes it.
    public var id: String
    /// What the help screen calls the screen.
    public var title: String
    /// Said under the keys on the help screen.
    public var footnote: String
    /// The mode the table is for: bindings of the other mode are left out.
    public var mode: JournalEvent.Mode
    public var all: [KeyBinding]

    public init(_ id: String, title: String, footnote: String = "", mode: JournalEvent.Mode = .live, _ bindings: [KeyBinding]) {
        self.id = id
        self.title = title
        self.footnote = footnote
        self.mode = mode
        self.all = bindings
    }

    /// The bindings that work in the table's mode, in order.
    public var bindings: [KeyBinding] { all.filter { $0.modes.includes(mode) } }

    /// The key bar: label and words of each binding shown on the bar in this mode.
    public var bar: [(String, String)] {
        bindings.compactMap { binding in
            guard let bar = binding.bar, bar.modes.includes(mode) else { return nil }
            return (bar.label, bar.words)
        }
    }

    /// The binding `key` triggers on this screen, if any.
    public func binding(for key: Key) -> KeyBinding? {
        // Named keys first: a letter with its own meaning is not "typed".
        bindings.first { $0.keys.contains(key) } ?? bindings.first { $0.matches(key) }
    }
}
