import ArgumentParser
import Audit
import Foundation
import Journal
import Programme

/// `iwotch review DELIVERY`: a supervisor's own ratings of a delivery, saved as a review file
/// beside the journals (the facilitators' journal is never written to).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a supervisor's review of a delivery, or a trainer's assessment of a rehearsal: item ratings, competence, and for a rehearsal a decision.",
        discussion: """
        Print a ratings sheet with --template, fill in a level for each item you could assess (leave a line's level \
        as - to skip it), then save it: iwotch review DELIVERY --rater CODE --method audio --competence 3 --ratings SHEET. \
        Ratings use the fidelity scale the delivery pinned; competence uses the programme's competence scale. \
        The delivery is found in the journal files or folders named after it (a gathered folder, as the reports \
        take them), else in the journal folder's live journals and rehearsals; a review is saved in the journal folder's reviews. \
        A rehearsal is assessed the same way with --decision ready or needs-practice (and --practise): the assessment is \
        saved in the journal folder's assessments, apart from every live record, and shows in `iwotch report training`.
        """)

    @Argument(help: "The delivery id (see `iwotch journal list` or `iwotch report sessions`).")
    var delivery: String
    @Argument(help: "Journal files or folders to find it in, searched below, as the reports take them (default: the journal folder's live journals).")
    var paths: [String] = []

    @Option(name: .long, help: "The journal folder (default: $IWOTCH_JOURNAL, else $XDG_DATA_HOME/iwotch/journal).")
    var journal: String?
    @Option(name: .long, help: "Content giving the competence scale (default: the bundled programme).")
    var content: String?
    @Flag(name: .long, help: "Print a ratings sheet for the delivery and stop.")
    var template = false
    @Option(name: .long, help: "Your staff code (supervisor).")
    var rater: String?
    @Option(name: .long, help: "How you saw the delivery: live, audio or transcript.")
    var method: String?
    @Option(name: .long, help: "Your overall competence rating: a score of the competence scale.")
    var competence: Int?
    @Option(name: .long, help: "The filled-in ratings sheet (from --template).")
    var ratings: String?
    @Option(name: .long, help: "A short comment (no names or identifiers).")
    var comment: String?
    @Option(name: .long, help: "For a trainee's rehearsal: ready (to deliver this session) or needs-practice.")
    var decision: String?
    @Option(name: .long, help: "With --decision needs-practice: what to practise (no names or identifiers).")
    var practise: String?

    func run() throws {
        let directory = JournalDirectory.resolve(journal)
        let (file, state) = try find(in: directory)
        guard let opened = state.opened else { throw CommandFailure("\(file.path) has no readable delivery-opened event; check it with `iwotch journal check`.") }
        if template { return Say.out(sheet(opened, state), terminator: "") }

        guard let rater, let method, let competence, let ratings else {
            throw ValidationError("Give --rater, --method, --competence and --ratings (or --template to print a sheet first).")
        }
        if let problem = Privacy.refusal(forCode: rater, what: "The supervisor code") { throw ValidationError(problem) }
        guard let how = SupervisorReview.Method(rawValue: method) else { throw ValidationError("--method is live, audio or transcript.") }
        // With several programmes bundled, the one the delivery pinned.
        let path = try ContentLocator.resolve(content) { $0.id == opened.programme.id }
        let (programme, _) = try ContentLocator.loadClean(path, purpose: "the competence scale")
        let scale = programme.competenceScale.map { SupervisorReview.CompetenceLevel(score: $0.score, label: $0.label) }
        guard scale.contains(where: { $0.score == competence }) else {
            throw ValidationError("--competence is a point of the competence scale: \(scale.map { "\($0.score) \($0.label)" }.joined(separator: ", ")).")
        }
        if let comment, let problem = Privacy.refusal(forText: comment, what: "comment") { throw ValidationError(problem) }
        // A rehearsal is assessed by a trainer, with a decision; a live delivery reviewed without one.
        let rehearsal = state.mode == .rehearsal
        var choice: SupervisorReview.Decision?
        if rehearsal {
            guard let decision, let chosen = SupervisorReview.Decision(rawValue: decision) else {
                throw ValidationError("\(delivery) is a rehearsal: give --decision ready or --decision needs-practice (with --practise saying what to practise).")
            }
            if chosen == .needsPractice && (practise ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--decision needs-practice needs --practise saying what to practise, such as \"keeping the timings of the pain cycle\".")
            }
            choice = chosen
        } else if decision != nil || practise != nil {
            throw ValidationError("\(delivery) is a live delivery: --decision and --practise are for a trainee's rehearsal.")
        }
        if let practise, let problem = Privacy.refusal(forText: practise, what: "note") { throw ValidationError(problem) }
        let parsed = try parse(ratings, opened: opened)
        let review = SupervisorReview(method: how, competence: competence, competenceScale: scale, ratings: parsed, comment: comment,
                                      decision: choice, toPractise: choice == .needsPractice ? practise : nil)
        let offset = TimeZone.current.secondsFromGMT() / 60
        let (url, _) = try JournalWriter.createReview(in: rehearsal ? directory.assessments : directory.reviews, of: delivery, review: review,
                                                      actor: rater, at: Date(), utcOffsetMinutes: offset)
        if let choice {
            Say.out("Saved an assessment of rehearsal \(delivery) (\(parsed.count) items, competence \(competence), \(choice.words)) in \(url.path).")
        } else {
            Say.out("Saved a review of \(delivery) (\(parsed.count) items, competence \(competence)) in \(url.path).")
        }
    }

    /// The delivery's journal among the paths given (or the journal folder's live journals): files
    /// named after it first, else every journal is opened to see which delivery it holds (a
    /// gathered copy may be renamed). Of several (copies), the original by the reports' rule.
    func find(in directory: JournalDirectory) throws -> (URL, DeliveryState) {
        // Live journals first; a trainee's rehearsal is found among the rehearsals.
        let files = paths.isEmpty ? directory.files(.live) + directory.files(.rehearsal) : try JournalFiles.collect(paths, default: directory)
        let named = files.filter { $0.deletingPathExtension().lastPathComponent == delivery }
        func holding(_ urls: [URL]) -> [(url: URL, journal: ReadJournal)] {
            urls.compactMap { url in
                guard let journal = try? ReadJournal.read(url), !journal.isReview, journal.events.first?.event.delivery == delivery else { return nil }
                return (url, journal)
            }
        }
        var found = holding(named)
        if found.isEmpty { found = holding(files.filter { !named.contains($0) }) }
        found.sort { AuditSet.originalFirst(($0.url, $0.journal.events.count), ($1.url, $1.journal.events.count), delivery: delivery) }
        guard let first = found.first else {
            let searched = paths.isEmpty ? directory.folder(for: .live).path + " or " + directory.folder(for: .rehearsal).path : paths.joined(separator: ", ")
            throw CommandFailure("No journal of delivery \(delivery) in \(searched). `iwotch report sessions` on the same paths lists the deliveries.")
        }
        return (first.url, first.journal.state)
    }

    /// One line per fidelity item: `LEVEL  ITEM  # activity: self-report`. The facilitators'
    /// own rating is shown so the supervisor can see where they differ, after rating blind if they prefer.
    func sheet(_ opened: DeliveryOpened, _ state: DeliveryState) -> String {
        var out = "# Review of \(delivery): \(opened.session.title), group \(opened.group), site \(opened.site)\n"
        out += "# Replace - with a level for each item you could assess: \(opened.fidelityScale.map(\.id).joined(separator: ", ")).\n"
        out += "# Leave - to skip an item. Lines starting with # are ignored.\n"
        for activity in opened.session.agenda where activity.kind == "activity" {
            out += "\n# \(activity.id): \(activity.title)\n"
            for item in activity.fidelity { out += "-  \(item)  # self-report: \(state.ratings[item]?.level ?? "not rated")\n" }
        }
        return out
    }

    func parse(_ path: String, opened: DeliveryOpened) throws -> [SupervisorReview.Rating] {
        let text: String
        switch RegularFile.readArgument(path) {
        case .failure(let problem): throw CommandFailure(problem.description)
        case .success(let data):
            guard let decoded = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path) is not UTF-8 text. Save the ratings sheet as UTF-8.") }
            text = decoded
        }
        let activityOf = Dictionary(opened.session.agenda.flatMap { activity in activity.fidelity.map { ($0, activity.id) } }, uniquingKeysWith: { a, _ in a })
        var result: [SupervisorReview.Rating] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if words.isEmpty { continue }
            guard words.count == 2 else { throw CommandFailure("\(path):\(index + 1): expected `LEVEL ITEM`, such as `partly d1-pain-cycle-1`.") }
            if words[0] == "-" { continue }
            guard opened.fidelityScale.contains(where: { $0.id == words[0] }) else {
                throw CommandFailure("\(path):\(index + 1): `\(words[0])` is not a level; the levels are \(opened.fidelityScale.map(\.id).joined(separator: ", ")).")
            }
            guard let activity = activityOf[words[1]] else {
                throw CommandFailure("\(path):\(index + 1): `\(words[1])` is not a fidelity item of this delivery's session.")
            }
            result.append(.init(activity: activity, item: words[1], level: words[0]))
        }
        guard !result.isEmpty else { throw CommandFailure("\(path) rates no item: replace - with a level on the lines of the items you assessed.") }
        return result
    }
}
