import Journal

/// Every screen's keys as data: what each key does, in the words the key bar, the help screen,
/// the keys check and the manuals use. The handlers (Home.swift, Walkthrough.swift, ...) do what
/// these say; EngineTests/KeyTableTests drive them to check it, and the manuals' key tables are
/// checked against `all`.
public enum KeyTables {
    // Keys many screens share.
    static let help = KeyBinding([.character("?")], "help", help: "this help; any key returns", bar: .init("?", "help"))
    static let helpOffBar = KeyBinding([.character("?")], "help", help: "this help; any key returns")
    static let arrows: [Key] = [.up, .down, .pageUp, .pageDown]
    static let lists: [Key] = [.up, .down, .pageUp, .pageDown, .home, .end]
    static func typing(_ help: String, bar: KeyBinding.Bar? = nil) -> KeyBinding {
        KeyBinding([], "type", help: help, bar: bar, typed: true)
    }
    static let moveInText = KeyBinding([.left, .right, .home, .end], "move", help: "move along the text")
    static let deleteInText = KeyBinding([.backspace, .delete], "delete", help: "delete a character")
    static func digits(_ count: Int) -> [Key] { count < 1 ? [] : (1...min(9, count)).map { Key.character(Character(String($0))) } }
    static func range(_ count: Int) -> String { count <= 1 ? "1" : "1-\(min(9, count))" }

    /// The table of the keys as they now act: an open question's, else the screen's (for the help
    /// screen, its own).
    /// The key that does `action` on the screen of `kind` as the facilitator's keys have it (the
    /// first, by its short name), for a sentence that tells them which key to press.
    public static func key(for action: String, on kind: ConsoleState.Screen.Kind, in state: ConsoleState) -> String? {
        table(kind, in: state).all.first { $0.action == action }?.keys.first.map(KeyBinding.shortName)
    }

    public static func table(for state: ConsoleState) -> KeyTable {
        if let dialog = state.dialog { return self.dialog(dialog, mode: state.mode) }
        return table(state.screen.kind, in: state)
    }

    /// The keys the help screen lists: those of the screen it was opened over, read from that
    /// screen's own state (an audit's level, a checklist's scale), not the help screen's.
    public static func helped(_ state: ConsoleState) -> KeyTable {
        guard case .help(let back) = state.screen else { return table(for: state) }
        var shown = state
        shown.screen = back
        return table(back.kind, in: shown)
    }

    /// The table of `screen` as it stands in `state` (its mode, level, scale and so on).
    public static func table(_ screen: ConsoleState.Screen.Kind, in state: ConsoleState) -> KeyTable {
        state.keyMap.apply(standard(screen, in: state))
    }

    /// The table as it stands before the facilitator's own keys (`KeyMap`) are put in.
    public static func standard(_ screen: ConsoleState.Screen.Kind, in state: ConsoleState) -> KeyTable {
        switch screen {
        case .home: home()
        case .setup: setup()
        case .walkthrough:
            state.blanked ? blanked()
                : walkthrough(mode: state.mode, paused: state.delivery?.isPaused ?? false,
                              rates: !(state.agenda.first { $0.id == state.delivery?.currentActivity }?.fidelity.isEmpty ?? true))
        case .itemText: itemText()
        case .register: state.delivery?.opened?.session.isOneToOne == true ? registerOneToOne() : register()
        case .checklist: checklist(scale: state.delivery?.opened?.fidelityScale ?? [])
        case .agenda: agenda()
        case .note: note()
        case .close: close(mode: state.mode, facilitators: state.delivery?.opened?.facilitators.count ?? 0)
        case .timing: timing(closed: state.delivery?.isClosed ?? true)
        case .browse: browse(state.browser.level, manualOnly: state.manualOnly)
        case .audit: audit(state.audit.level, auditOnly: state.auditOnly)
        case .help: helpScreen()
        }
    }

    /// Every table as the manuals describe it: a group delivery of two facilitators rated on
    /// the content's scale (`scale`, I-WOTCH's four levels in the manuals), the browser and audit
    /// opened from the home screen.
    public static func all(scale: [DeliveryOpened.ScaleLevel], facilitators: Int = 2) -> [KeyTable] {
        [home(), setup(), walkthrough(mode: .live, paused: false), walkthrough(mode: .rehearsal, paused: false), blanked(),
         itemText(), register(), registerOneToOne(), checklist(scale: scale), agenda(), note(),
         close(mode: .live, facilitators: facilitators), close(mode: .rehearsal, facilitators: facilitators),
         timing(closed: false), timing(closed: true),
         dialog(.confirmQuit, mode: .live), dialog(.absenceNotice(participant: ""), mode: .live), dialog(.walkIn(TextInput()), mode: .live),
         dialog(.adaptation(.init(item: "")), mode: .live)]
            + [ManualBrowser.Level.sessions, .items, .detail, .search].map { browse($0, manualOnly: false) }
            + [AuditBook.Level.deliveries, .filter, .delivery, .activity].map { audit($0, auditOnly: false) }
            + [helpScreen()]
    }

    public static func home() -> KeyTable {
        KeyTable("home", title: "Home", footnote: "Choose a line and press Enter.", [
            KeyBinding([.up, .down, .pageUp, .pageDown, .tab, .backTab], "choose", help: "choose a line", bar: .init("↑↓", "choose")),
            KeyBinding([.enter, .space, .right], "open", help: "open the chosen line", bar: .init("Enter", "open")),
            help,
            KeyBinding([.character("q"), .escape], "quit", help: "leave iwotch", bar: .init("q", "quit")),
        ])
    }

    public static func setup() -> KeyTable {
        KeyTable("setup", title: "Setting up", footnote: "Codes only: no names.", [
            KeyBinding([.tab, .down], "next field", help: "the next field", bar: .init("Tab/↓", "next field")),
            KeyBinding([.backTab, .up], "previous field", help: "the previous field"),
            KeyBinding([.left, .right, .space, .character("-"), .character("+")], "change",
                       help: "change the session; in a text field, ← → move along it", bar: .init("←→", "change choice")),
            typing("type a code in a text field (codes only, no names)"),
            KeyBinding([.home, .end], "move", help: "in a text field: to its start or its end"),
            KeyBinding([.backspace, .delete], "delete", help: "in a text field: delete a character"),
            KeyBinding([.control("u")], "clear", help: "in a text field: empty it"),
            KeyBinding([.enter], "next / start", help: "the next field; on [ Start the session ], start it", bar: .init("Enter", "next / start")),
            KeyBinding([.escape], "back", help: "back to the home screen", bar: .init("Esc", "back")),
        ])
    }

    /// The walk-through. A rehearsal's own keys take the place of some live ones on its bar; the
    /// live ones still work there, and its help lists them all.
    /// F5, a clicker's start-the-show key: back to the session from a screen over it.
    static let session = KeyBinding([.function(5)], "session", help: "back to the session (a clicker's F5)")

    /// The walk-through. Every key that works is on its bar (it takes two rows when one is too
    /// narrow), but `f rate` only while the item has something to rate.
    public static func walkthrough(mode: JournalEvent.Mode, paused: Bool, rates: Bool = true) -> KeyTable {
        let footnote = mode == .rehearsal
            ? "A rehearsal is recorded in the journal's rehearsal folder only: never in live records, reports or the live resume list."
            : "Entries are saved as you make them; after a crash, run iwotch to resume."
        return KeyTable("walkthrough \(mode == .rehearsal ? "rehearsal" : "live")", title: "The session", footnote: footnote, mode: mode, [
            KeyBinding([.right, .down, .pageDown, .space, .enter], "next",
                       help: "next step; at the last step, press again to move on", bar: .init("→←", "step")),
            KeyBinding([.left, .up, .pageUp], "previous", help: "previous step (within the item)"),
            KeyBinding([.character("i")], "item in full",
                       help: "the current item in full, and where it came from",
                       bar: .init("i", "text")),
            KeyBinding([.character("a")], "register", help: "the attendance register", bar: .init("a", "register")),
            KeyBinding([.character("f")], "checklist", help: "the fidelity checklist of the current item",
                       bar: rates ? .init("f", "rate") : nil),
            KeyBinding([.character("n")], "note", help: "write a note (no names, NHS numbers, phone numbers or emails)",
                       bar: .init("n", "note")),
            KeyBinding([.character("g")], "agenda", help: "the agenda: jump to any item, f to rate it", bar: .init("g", "agenda")),
            KeyBinding([.character("p")], "pause/resume", help: "pause the timers; press again to resume them",
                       bar: .init("p", paused ? "resume" : "pause")),
            KeyBinding([.character("r")], "restart", help: "restart the item: its timer starts again from 00:00",
                       bar: .init("r", "restart"), in: .rehearsal),
            KeyBinding([.character("s")], "skip", help: "skip to the next item at once (no second press)",
                       bar: .init("s", "skip"), in: .rehearsal),
            KeyBinding([.character("t")], "timing", help: "timing practice: each item planned against actual",
                       bar: .init("t", "timing"), in: .rehearsal),
            KeyBinding([.character("b"), .character(".")], "blank", help: "blank the screen (timers run on); any key shows it"),
            KeyBinding([.character("c")], "close", help: "close the session: summary and sign-off", bar: .init("c", "close"), in: .live),
            KeyBinding([.character("c")], "close", help: "close: summary and sign-off, then the timing summary",
                       bar: .init("c", "close"), in: .rehearsal),
            help,
            KeyBinding([.character("q")], "leave", help: "leave (asks first; everything is saved)", bar: .init("q", "quit")),
            KeyBinding([.escape, .function(5)], "stay", help: "says how to leave: a clicker's Esc never leaves"),
        ])
    }

    /// The walk-through with its body blanked.
    public static func blanked() -> KeyTable {
        KeyTable("walkthrough blanked", title: "The session, blanked", [
            KeyBinding([], "show", help: "show the session again; the key does nothing else", bar: .init("any key", "show the session"), anyKey: true),
        ])
    }

    /// The current item in full, over the walk-through.
    public static func itemText() -> KeyTable {
        KeyTable("item in full", title: "The item in full", footnote: "Nothing here is recorded; the session's timers run on.", [
            KeyBinding([.up, .down, .left, .right], "scroll", help: "scroll a row", bar: .init("↑↓", "scroll")),
            KeyBinding([.pageUp, .pageDown, .space], "page", help: "scroll a page", bar: .init("PgUp/PgDn", "page")),
            KeyBinding([.home, .end], "top/bottom", help: "the top or the bottom of the item", bar: .init("Home/End", "top/bottom")),
            helpOffBar,
            KeyBinding([.escape, .character("i"), .character("q"), .enter, .function(5)], "back", help: "back to the session",
                       bar: .init("Esc", "back")),
        ])
    }

    /// A one-to-one's register: one participant, no walk-ins, and what became of the contact.
    /// "Not answered" is offered in every mode: a call, a video link or a clinic's call-in alike
    /// can go unanswered, and the facilitator knows which it was.
    public static func registerOneToOne() -> KeyTable {
        KeyTable("register one-to-one", title: "The contact",
                 footnote: "One participant; the latest mark counts and can be changed at any time.", [
            KeyBinding([.character("p")], "attended", help: "attended", bar: .init("p", "attended")),
            KeyBinding([.character("l")], "late", help: "attended, late (records the time)"),
            KeyBinding([.character("e")], "left early", help: "attended, left early (records the time)"),
            KeyBinding([.character("x")], "did not attend", help: "did not attend", bar: .init("x", "did not attend")),
            KeyBinding([.character("u")], "not answered", help: "not answered (the call, or the door)", bar: .init("u", "not answered")),
            KeyBinding([.character("r")], "rearranged", help: "the contact was rearranged (moved to another time)",
                       bar: .init("r", "rearranged")),
            session,
            helpOffBar,
            KeyBinding([.escape, .character("a"), .character("q")], "back", help: "back to the session", bar: .init("Esc", "back")),
        ])
    }

    public static func register() -> KeyTable {
        KeyTable("register", title: "The register", footnote: "The latest mark counts: a mark can be changed at any time.", [
            KeyBinding(arrows, "choose", help: "choose a participant", bar: .init("↑↓", "choose")),
            KeyBinding([.character("p")], "present", help: "present, then on to the next person", bar: .init("p", "present")),
            KeyBinding([.character("l")], "late", help: "late (records the time), then on to the next person", bar: .init("l", "late")),
            KeyBinding([.character("e")], "left early", help: "left early (records the time), then on to the next person",
                       bar: .init("e", "left early")),
            KeyBinding([.character("x")], "absent", help: "absent: y notified or n not notified (Esc cancels), then on to the next person",
                       bar: .init("x", "absent")),
            KeyBinding([.character("w")], "walk-in", help: "add a walk-in: type the code, Enter adds and marks them present, Esc cancels",
                       bar: .init("w", "walk-in")),
            session,
            helpOffBar,
            KeyBinding([.escape, .character("a"), .character("q")], "back", help: "back to the session", bar: .init("Esc", "back")),
        ])
    }

    /// The checklist of a delivery rated on `scale`: each level's key is its score, or a letter
    /// for a level without one (`RatingKeys`).
    public static func checklist(scale: [DeliveryOpened.ScaleLevel]) -> KeyTable {
        let keys = RatingKeys.keys(scale)
        let levels = zip(keys, scale).map { "\($0.0) \($0.1.label.lowercased())" }.joined(separator: ", ")
        return KeyTable("checklist", title: "The fidelity checklist",
                        footnote: "A rating can be changed at any time: the same key twice confirms a change; the latest counts.", [
            KeyBinding(arrows, "choose", help: "choose an item", bar: .init("↑↓", "choose")),
            KeyBinding(keys.map { Key.character($0) }, "rate",
                       help: "rate the chosen item (\(levels)), then on to the next item; on a rated item, press the key again to change it",
                       bar: .init(keys.map(String.init).joined(separator: "/"), "rate")),
            KeyBinding([.character("b")], "delivered by", help: "who delivered it: each role, then both (after rating it at a level scored above 0)",
                       bar: .init("b", "delivered by")),
            KeyBinding([.character("m")], "adaptation", help: "record an adaptation (after rating); opens filled in if there is one",
                       bar: .init("m", "adaptation")),
            session,
            helpOffBar,
            KeyBinding([.escape, .character("f"), .character("q")], "back",
                       help: "back to the session, or to the agenda if you opened the checklist from there", bar: .init("Esc", "back")),
        ])
    }

    public static func agenda() -> KeyTable {
        KeyTable("agenda", title: "The agenda", [
            KeyBinding(lists, "choose", help: "choose an item", bar: .init("↑↓", "choose")),
            KeyBinding([.enter], "go", help: "end the running item and start the chosen one; an item that already ran asks first, and Enter again runs it again",
                       bar: .init("Enter", "go to this item")),
            KeyBinding([.character("f")], "rate", help: "the checklist of the chosen item", bar: .init("f", "rate it")),
            session,
            helpOffBar,
            KeyBinding([.escape, .character("g"), .character("q")], "back", help: "back to the session", bar: .init("Esc", "back")),
        ])
    }

    public static func note() -> KeyTable {
        KeyTable("note", title: "Writing a note", footnote: "No names, NHS numbers, phone numbers or emails: such a note is refused.", [
            typing("type the note"),
            KeyBinding([.enter], "save", help: "save the note", bar: .init("Enter", "save note")),
            KeyBinding([.escape], "cancel", help: "cancel (the text is thrown away)", bar: .init("Esc", "cancel")),
            KeyBinding(moveInText.keys, "move", help: moveInText.help, bar: .init("←→", "move")),
            session,
            deleteInText,
        ])
    }

    /// The close screen of a delivery with `facilitators` to sign off.
    public static func close(mode: JournalEvent.Mode, facilitators: Int) -> KeyTable {
        KeyTable("close \(mode == .rehearsal ? "rehearsal" : "live")", title: "Closing", mode: mode, [
            KeyBinding(digits(facilitators), "sign off", help: "sign off as that facilitator; press again to take it back",
                       bar: .init(range(facilitators), "sign off")),
            KeyBinding([.enter], "close", help: "close the delivery (once every facilitator has signed off)",
                       bar: .init("Enter", "close the delivery"), in: .live),
            KeyBinding([.enter], "close", help: "close the rehearsal (once every facilitator has signed off)",
                       bar: .init("Enter", "close the rehearsal"), in: .rehearsal),
            KeyBinding([.character("t")], "timing", help: "the timing practice summary", bar: .init("t", "timing summary"), in: .rehearsal),
            session,
            helpOffBar,
            KeyBinding([.escape, .character("q")], "back", help: "back to the session (sign-offs are cleared)",
                       bar: .init("Esc", mode == .rehearsal ? "back" : "back to the session")),
        ])
    }

    /// A rehearsal's timing practice summary; once the rehearsal is closed, leaving it leaves iwotch.
    public static func timing(closed: Bool) -> KeyTable {
        KeyTable(closed ? "timing closed" : "timing", title: "Timing practice", footnote: "Minutes over or under the plan; nothing here is recorded.", [
            KeyBinding([.up, .down], "scroll", help: "scroll a row", bar: .init("↑↓ PgUp PgDn", "scroll")),
            KeyBinding([.pageUp, .pageDown, .space], "page", help: "scroll a page"),
            KeyBinding([.home, .end], "top/bottom", help: "the top or the bottom of the list"),
        ] + (closed ? [] : [KeyBinding([.character("c")], "close", help: "the close screen: sign off and close",
                                       bar: .init("c", "close and sign off")), session]) + [
            helpOffBar,
            closed
                ? KeyBinding([.enter, .escape, .character("t"), .character("q")], "leave", help: "leave iwotch (the rehearsal is saved)",
                             bar: .init("Enter", "leave iwotch"))
                : KeyBinding([.escape, .character("t"), .character("q"), .enter], "back", help: "back where you were",
                             bar: .init("Esc", "back")),
        ])
    }

    /// The manual browser, at each of its levels.
    public static func browse(_ level: ManualBrowser.Level, manualOnly: Bool) -> KeyTable {
        let footnote = "Search ignores case and accents: cafe finds Café. The manual is the content folder's files; nothing here is recorded."
        let search = KeyBinding([.character("/")], "search",
                                help: "search the whole manual: titles, aims, steps, key messages, materials and fidelity items",
                                bar: .init("/", "search"))
        let hits = KeyBinding([.character("n"), .character("N")], "next/previous hit", help: "the next or previous hit of the last search",
                              bar: .init("n/N", level == .detail ? "hits" : "next/previous hit"))
        let leave = KeyBinding([.character("q")], "leave", help: manualOnly ? "leave iwotch browse" : "leave the manual")
        switch level {
        case .sessions:
            return KeyTable("browse sessions", title: "The manual: sessions", footnote: footnote, [
                KeyBinding(lists, "choose", help: "choose a session", bar: .init("↑↓", "choose")),
                KeyBinding([.enter, .right], "open", help: "open the chosen session's agenda", bar: .init("Enter", "open")),
                search, hits,
                KeyBinding([.escape, .left], "back", help: manualOnly ? "leave iwotch browse" : "back to the home screen",
                           bar: .init("Esc", "back")),
                help, leave,
            ])
        case .items:
            return KeyTable("browse items", title: "The manual: a session's agenda", footnote: footnote, [
                KeyBinding(lists, "choose", help: "choose an item", bar: .init("↑↓", "choose")),
                KeyBinding([.enter, .right], "read", help: "read the chosen item in full", bar: .init("Enter", "read it")),
                search, hits,
                KeyBinding([.escape, .left], "back", help: "back to the sessions", bar: .init("Esc", "back")),
                help, leave,
            ])
        case .detail:
            return KeyTable("browse item", title: "The manual: an item in full", footnote: footnote, [
                KeyBinding([.up, .down, .enter], "scroll", help: "scroll a row", bar: .init("↑↓", "scroll")),
                KeyBinding([.pageUp, .pageDown, .space], "page", help: "scroll a page", bar: .init("PgUp/PgDn", "page")),
                KeyBinding([.home, .end], "top/bottom", help: "the top or the bottom of the item"),
                KeyBinding([.left, .right], "previous/next item", help: "the previous or the next item", bar: .init("←→", "previous/next item")),
                search, hits,
                KeyBinding([.escape], "back", help: "back to the session's agenda", bar: .init("Esc", "back")),
                helpOffBar, leave,
            ])
        case .search:
            return KeyTable("browse search", title: "The manual: search", footnote: footnote, [
                typing("type what to find; the results follow as you type", bar: .init("type", "search")),
                KeyBinding(arrows, "choose", help: "choose a result", bar: .init("↑↓", "choose")),
                KeyBinding([.enter], "go", help: "go to the chosen result", bar: .init("Enter", "go to it")),
                KeyBinding([.escape], "back", help: "back to where the search was opened", bar: .init("Esc", "back")),
                moveInText, deleteInText,
            ])
        }
    }

    /// The supervisor's audit screen, at each of its levels.
    public static func audit(_ level: AuditBook.Level, auditOnly: Bool) -> KeyTable {
        let footnote = "Figures are those of iwotch report: adherence over the rated items that apply. Nothing here is recorded."
        switch level {
        case .deliveries:
            return KeyTable("audit deliveries", title: "Audit: the deliveries", footnote: footnote, [
                KeyBinding(lists, "choose", help: "choose a delivery", bar: .init("↑↓", "choose")),
                KeyBinding([.enter, .right], "open", help: "open the chosen delivery: its activities", bar: .init("Enter", "open")),
                KeyBinding([.character("/")], "filter", help: "filter: words found in the date, site, group, session, facilitator or delivery id",
                           bar: .init("/", "filter")),
                KeyBinding([.character("b")], "below band", help: "only deliveries below the high band (▽ moderate, ▼ low); again for all",
                           bar: .init("b", "below band")),
                KeyBinding([.character("x")], "clear", help: "clear the filter", bar: .init("x", "clear")),
                KeyBinding([.character("r")], "re-read", help: "read the journals again (new or copied files)", bar: .init("r", "re-read")),
                helpOffBar,
                KeyBinding([.escape, .left, .character("q")], auditOnly ? "leave" : "back",
                           help: auditOnly ? "leave iwotch audit" : "back to the home screen", bar: .init("Esc", auditOnly ? "leave" : "back")),
            ])
        case .filter:
            return KeyTable("audit filter", title: "Audit: the filter", footnote: footnote, [
                typing("type words to find: every word must be found", bar: .init("type", "words to find: date, site, group, session, facilitator")),
                KeyBinding([.enter, .escape], "done", help: "done: the list keeps the filter", bar: .init("Enter", "done")),
                KeyBinding(arrows, "choose", help: "choose a delivery", bar: .init("↑↓", "choose")),
                moveInText, deleteInText,
            ])
        case .delivery:
            return KeyTable("audit delivery", title: "Audit: one delivery", footnote: footnote, [
                KeyBinding(lists, "choose", help: "choose an activity", bar: .init("↑↓", "choose an activity")),
                KeyBinding([.enter, .right], "open", help: "open the chosen activity: its item ratings", bar: .init("Enter", "its item ratings")),
                helpOffBar,
                KeyBinding([.escape, .left], "back", help: "back to the deliveries", bar: .init("Esc", "back to the deliveries")),
            ])
        case .activity:
            return KeyTable("audit activity", title: "Audit: an activity's item ratings", footnote: footnote, [
                KeyBinding([.up, .down, .pageUp, .pageDown, .space, .home], "scroll", help: "scroll the item ratings",
                           bar: .init("↑↓ PgUp PgDn", "scroll")),
                KeyBinding([.left, .right], "previous/next activity", help: "the previous or the next activity",
                           bar: .init("←→", "previous/next activity")),
                helpOffBar,
                KeyBinding([.escape], "back", help: "back to the activities", bar: .init("Esc", "back to the activities")),
            ])
        }
    }

    /// A clicker's keys that a question passes on to the screen under it once it closes (`Clicker`).
    static let clickerMoves: [Key] = [.pageUp, .pageDown, .up, .down, .left, .right, .space, .function(5)]
    /// The same, for a question with text typed in it (← → move along the text, Space is typed).
    static let clickerLeaves: [Key] = [.pageUp, .pageDown, .up, .down, .function(5)]

    /// A question over a screen: its keys, and no others, until it is answered.
    public static func dialog(_ dialog: ConsoleState.Dialog, mode: JournalEvent.Mode) -> KeyTable {
        switch dialog {
        case .confirmQuit:
            return KeyTable("leave question", title: "Leave?", mode: mode, [
                KeyBinding([.character("y"), .character("Y")], "leave",
                           help: "leave; everything is saved, and iwotch resumes where you left off", bar: .init("y", "leave")),
                KeyBinding([.character("n"), .character("N"), .escape, .character("q")], "stay", help: "stay", bar: .init("n", "stay")),
                KeyBinding(clickerMoves, "stay and move", help: "stay, and the key then acts on the screen (a clicker's PgDn steps)"),
                KeyBinding([], "stay", help: "stay (a question never keeps a key from the session)", anyKey: true),
            ])
        case .absenceNotice:
            return KeyTable("absence question", title: "Absent", mode: mode, [
                KeyBinding([.character("y"), .character("Y")], "notified", help: "absent, and they let the team know",
                           bar: .init("y", "notified")),
                KeyBinding([.character("n"), .character("N")], "not notified", help: "absent, and they did not let the team know",
                           bar: .init("n", "not notified")),
                KeyBinding([.escape, .enter, .character("b"), .character(".")], "cancel", help: "cancel: no mark is recorded",
                           bar: .init("Esc", "cancel")),
                KeyBinding(clickerMoves, "cancel and move", help: "cancel, and the key then acts on the register"),
            ])
        case .walkIn:
            return KeyTable("walk-in question", title: "Add a walk-in", mode: mode, [
                typing("type the participant's code (no names)"),
                KeyBinding([.enter], "add", help: "add them to the register, marked present", bar: .init("Enter", "add")),
                KeyBinding([.escape], "cancel", help: "cancel: nobody is added", bar: .init("Esc", "cancel")),
                KeyBinding(clickerLeaves, "cancel and move", help: "cancel (nobody is added), and the key then acts on the register"),
                moveInText, deleteInText,
            ])
        case .adaptation:
            return KeyTable("adaptation question", title: "Adaptation", mode: mode, [
                KeyBinding([.tab], "planned/reactive", help: "planned, or reactive (decided in the room)",
                           bar: .init("Tab", "planned/reactive")),
                KeyBinding([.backTab], "consistent or not", help: "consistent with fidelity, or not",
                           bar: .init("Shift-Tab", "consistent or not")),
                typing("type why the activity was adapted (no names)"),
                KeyBinding([.enter], "save", help: "save the adaptation with the item's rating", bar: .init("Enter", "save")),
                KeyBinding([.escape], "cancel", help: "cancel: the rating stays as it was", bar: .init("Esc", "cancel")),
                KeyBinding(clickerLeaves, "cancel and move", help: "cancel (the rating stays as it was), and the key then acts on the checklist"),
                moveInText, deleteInText,
            ])
        }
    }

    public static func helpScreen() -> KeyTable {
        KeyTable("help", title: "Help", [
            KeyBinding([], "back", help: "back where you were", bar: .init("any key", "back"), anyKey: true),
        ])
    }
}
