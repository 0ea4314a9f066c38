import Foundation
import Testing
import TestSupport
@testable import Journal

/// Every event type the code can write validates against the published JSON Schema
/// (Manuals/journal-schema.json), checked by Python's jsonschema, an independent validator.
@Suite struct SchemaTests {
    static let schema = Fixture.repository.appendingPathComponent("Manuals/journal-schema.json")

    static let validator = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    bad = 0
    for number, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
        for error in validator.iter_errors(json.loads(line)):
            bad += 1
            print(f"line {number}: {error.json_path}: {error.message}")
    print(f"validated {number} lines, {bad} errors")
    sys.exit(1 if bad else 0)
    """

    func validate(_ journal: URL) throws -> CommandRun {
        try Command.run("python3", ["-c", Self.validator, Self.schema.path, journal.path])
    }

    /// A journal holding every event type, and the optional fields both present and absent.
    func everyKindOfEvent(in folder: ScratchFolder) throws -> (URL, Set<String>) {
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.add(.participantEnrolled(.init(participant: "W01", walkIn: true)), at: 40)
        try sample.add(.attendanceMarked(.init(participant: "W01", status: .lateAndLeftEarly, arrivedAt: Fixture.at(20), leftAt: Fixture.at(50))), at: 50)
        try sample.add(.attendanceMarked(.init(participant: "P01", status: .leftEarly, leftAt: Fixture.at(45))), at: 45)
        try sample.add(.noteAdded(.init(text: "General note")), at: 46)
        let mark = sample.events[5]
        try sample.add(.correction(.init(refersTo: mark.id, field: "status", old: .string("present"), new: .string("late"), reason: "r")), at: 47)
        try sample.add(.correction(.init(refersTo: mark.id, field: "arrived_at", old: .null, new: .string("2026-03-04T10:20:00.000Z"), reason: "r")), at: 47)
        // The console stopped after the correction at minute 47 and resumed at 52: 5 × 60 = 300 s.
        try sample.add(.consoleResumed(.init(lastEventAt: Fixture.at(47), gapSeconds: 300)), at: 52)
        // A re-rating names the rating it replaces.
        let firstRating = try #require(sample.events.first { if case .fidelityRated(let r) = $0.body { r.item == "g1-welcome-1" } else { false } })
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "partly", deliveredBy: ["nurse"],
                                            replaces: firstRating.id)), at: 53)
        try sample.close()
        // Damage: a torn line, then a reopened writer records it.
        let handle = try FileHandle(forWritingTo: sample.writer.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"torn".utf8))
        try handle.close()
        let url = sample.writer.url
        sample.writer.close()
        let writer = try JournalWriter.open(url)
        try writer.append(.noteAdded(.init(text: "After reopening")), actor: "N01", at: Fixture.at(70), utcOffsetMinutes: -300)
        // Leave out the torn line: it is not an event, so the schema does not describe it.
        var lines = try url.lines().filter { !$0.isEmpty && !$0.hasPrefix("{\"torn") }
        // A supervisor's review lives in a file of its own; its line is validated with the rest.
        let review = SupervisorReview(method: .audio, competence: 3, competenceScale: [.init(score: 3, label: "Competent")],
                                      ratings: [.init(activity: "a", item: "i", level: "fully")], comment: "Clear pacing.")
        let (reviewFile, _) = try JournalWriter.createReview(in: folder.url.appendingPathComponent("reviews"), of: sample.writer.delivery,
                                                             review: review, actor: "SUP1", at: Fixture.at(80), utcOffsetMinutes: 0)
        lines += try reviewFile.lines().filter { !$0.isEmpty }
        let clean = folder.url.appendingPathComponent("events.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: clean, atomically: false, encoding: .utf8)
        let types = Set(try ReadJournal.read(clean).events.map(\.event.type))
        return (clean, types)
    }

    @Test func everyEventTheCodeWritesValidates() throws {
        let folder = ScratchFolder()
        let (url, types) = try everyKindOfEvent(in: folder)
        #expect(types == Set(EventBody.types), "the sample covers every type; missing \(Set(EventBody.types).subtracting(types))")
        let result = try validate(url)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("0 errors"))
    }

    @Test func theSchemaRejectsMalformedEvents() throws {
        let folder = ScratchFolder()
        let (url, _) = try everyKindOfEvent(in: folder)
        let line = try #require(try url.lines().first)
        let broken = [
            line.replacingOccurrences(of: #""mode":"live""#, with: #""mode":"practice""#),
            line.replacingOccurrences(of: #""seq":1"#, with: #""seq":0"#),
            line.replacingOccurrences(of: #""actor":"N01","#, with: #""actor":"N01","extra":1,"#),
        ]
        for text in broken {
            #expect(text != line)
            let file = folder.url.appendingPathComponent("broken.jsonl")
            try (text + "\n").write(to: file, atomically: false, encoding: .utf8)
            #expect(try validate(file).status == 1, "the schema accepted: \(text.prefix(120))")
        }
        // The reader refuses an unknown mode as the schema does (and a seq of 0: see the ranges below).
        if case .success = LineCodec.decode(Data(broken[0].utf8)) { Issue.record("the reader accepted mode \"practice\"") }
    }

    /// A number just outside its range: the schema and the reader both refuse it, and just inside, both take it.
    @Test func theSchemaAndTheReaderAgreeOnRanges() throws {
        let folder = ScratchFolder()
        let (url, _) = try everyKindOfEvent(in: folder)
        let line = try #require(try url.lines().first)
        let planned = try #require(line.range(of: #""planned_minutes":[0-9]+"#, options: .regularExpression))
        let edits: [(String, String, Bool)] = [
            (#""seq":1,"#, #""seq":1000000000000,"#, true), (#""seq":1,"#, #""seq":1000000000001,"#, false),
            (String(line[planned]), #""planned_minutes":1440"#, true), (String(line[planned]), #""planned_minutes":1441"#, false),
            (#""high":80"#, #""high":101"#, false), (#""low":50"#, #""low":99"#, true), (#""score":2"#, #""score":101"#, false),
        ]
        for (old, new, valid) in edits {
            let text = line.replacingOccurrences(of: old, with: new)
            #expect(text != line, "\(old) is not on the line")
            let file = folder.url.appendingPathComponent("edited.jsonl")
            try (text + "\n").write(to: file, atomically: false, encoding: .utf8)
            #expect(try validate(file).status == (valid ? 0 : 1), "the schema on \(new)")
            let read: Bool
            if case .success = LineCodec.decode(Data(text.utf8)) { read = true } else { read = false }
            #expect(read == valid, "the reader on \(new)")
        }
    }
}
