import Foundation
import Testing
@testable import Journal

/// The byte-level line reader must give exactly the event JSONDecoder gives for every line iwotch
/// writes, and must leave every other line to JSONDecoder, so that what a damaged or edited line
/// is reported as stays the same.
@Suite struct FastLineDecoderTests {
    static let awkward = [
        "", "plain", "quote \" inside", "back\\slash", "both \\\" and \"\\", "new\nline", "tab\tand\rreturn",
        "control \u{0} \u{1} \u{8} \u{C} \u{1F} \u{7F}", "café, naïve, Œuvre", "疼痛 ok", "👍🏽 🇬🇧 👩‍👩‍👧", "\u{2028}\u{2029}",
        "/slashes/ and </script>", "\u{FEFF}bom", "a \"quoted\" \\path\\ with / and\n\n", String(repeating: "long é ", count: 300),
    ]

    static let time = Timestamp.parse("2026-03-04T10:00:00.000Z")!

    static func event(_ body: EventBody, seq: Int = 7, offset: Int = 60, previous: String? = "sha256:" + String(repeating: "ab", count: 32),
                      mode: JournalEvent.Mode = .live, actor: String = "N01", delivery: String = "2026-03-04-G01-group-1-0c4e7d21",
                      time: Date = time) -> JournalEvent {
        JournalEvent(seq: seq, time: time, utcOffsetMinutes: offset, delivery: delivery, mode: mode, actor: actor, previous: previous, body: body)
    }

    static func opened(_ text: String) -> DeliveryOpened {
        DeliveryOpened(
            programme: .init(id: "i-wotch", version: "2026.1 \(text)", fingerprint: "sha256:" + String(repeating: "0f", count: 32)),
            session: .init(id: "day-1", title: "Day \(text)", kind: "group", mode: text, plannedMinutes: 390, agenda: [
                .init(id: "arrival", kind: "arrival", title: text, minutes: 15, lead: [], fidelity: []),
                .init(id: "intro", kind: "activity", title: "Intro \(text)", minutes: 1440, lead: ["nurse", text], fidelity: ["intro-1", text]),
            ]),
            group: "G01", site: text, facilitators: [.init(code: "N01", role: "nurse"), .init(code: text, role: "lay")],
            dose: .init(sessions: ["day-1", "day-2"], minimum: 1000, description: text),
            fidelityScale: [.init(id: "fully", label: text, score: 2), .init(id: "n/a", label: "Not applicable", score: nil)],
            bands: .init(high: 80, low: 50))
    }

    /// One of each body, carrying `text` wherever a body has text, and optional fields both ways.
    static func bodies(_ text: String) -> [EventBody] {
        let at = time.addingTimeInterval(61.25)
        return [
            .deliveryOpened(opened(text)),
            .participantEnrolled(.init(participant: text, walkIn: true)),
            .participantEnrolled(.init(participant: "P01", walkIn: false)),
            .attendanceMarked(.init(participant: text, status: .present)),
            .attendanceMarked(.init(participant: "P02", status: .lateAndLeftEarly, arrivedAt: at, leftAt: at.addingTimeInterval(3600))),
            .attendanceMarked(.init(participant: "P03", status: .absent, notified: false)),
            .attendanceMarked(.init(participant: "P04", status: .leftEarly, leftAt: at)),
            .attendanceMarked(.init(participant: "P05", status: .late, arrivedAt: at, notified: true)),
            .activityStarted(.init(activity: text)),
            .activityEnded(.init(activity: text)),
            .stepShown(.init(activity: text, step: 0)),
            .stepShown(.init(activity: "intro", step: 10_000)),
            .timerPaused,
            .timerResumed,
            .fidelityRated(.init(activity: text, item: text, level: text, deliveredBy: [])),
            .fidelityRated(.init(activity: "intro", item: "intro-1", level: "partly", deliveredBy: ["nurse", text],
                                 adaptation: .init(timing: .reactive, fidelityConsistent: false, reason: text))),
            .fidelityRated(.init(activity: "intro", item: "intro-2", level: "fully", deliveredBy: ["lay"],
                                 adaptation: .init(timing: .planned, fidelityConsistent: true, reason: ""))),
            .fidelityRated(.init(activity: "intro", item: "intro-2", level: "partly", deliveredBy: [],
                                 replaces: UUID(uuidString: "6F73CA2E-F8E2-40EF-8BC6-E8D19CB5198B"))),
            .noteAdded(.init(text: text)),
            .noteAdded(.init(text: text, activity: text)),
            .correction(.init(refersTo: UUID(), field: text, old: .string(text), new: .string(text + "!"), reason: text)),
            .correction(.init(refersTo: UUID(), field: "step", old: .number(2), new: .number(-3), reason: "r")),
            .correction(.init(refersTo: UUID(), field: "x", old: .number(2.5), new: .number(-0.125), reason: "r")),
            .correction(.init(refersTo: UUID(), field: "x", old: .bool(true), new: .null, reason: "r")),
            .correction(.init(refersTo: UUID(), field: "x", old: .array([.string(text), .number(1), .array([]), .object([:])]),
                              new: .object(["level": .string(text), text: .array([.bool(false), .null]), "n": .object(["m": .number(10)])]),
                              reason: "r")),
            .damageFound(.init(lines: [3, 17], description: text)),
            .damageFound(.init(lines: [], description: "")),
            .deliveryClosed(.init(summary: .init(participants: 12, present: 9, late: 1, leftEarly: 1, absent: 1, activitiesDelivered: 8,
                                                 itemsRated: 30, itemsUnrated: 2),
                                  signoffs: [.init(code: "N01", role: "nurse", at: at, meaning: text)])),
            .deliveryClosed(.init(summary: .init(participants: 0, present: 0, late: 0, leftEarly: 0, absent: 0, activitiesDelivered: 0,
                                                 itemsRated: 0, itemsUnrated: 0), signoffs: [])),
            .supervisorReview(.init(method: .transcript, competence: 3, competenceScale: [.init(score: 3, label: text), .init(score: 100, label: "")],
                                    ratings: [.init(activity: text, item: text, level: text)], comment: text)),
            .supervisorReview(.init(method: .live, competence: 1, competenceScale: [], ratings: [])),
            .consoleResumed(.init(lastEventAt: at, gapSeconds: 0)),
            .consoleResumed(.init(lastEventAt: at, gapSeconds: 3_153_600_000)),
            .supervisorReview(.init(method: .audio, competence: 0, competenceScale: [.init(score: 0, label: "x")], ratings: [])),
        ]
    }

    /// The reader's answer beside JSONDecoder's: both must read the line, to the same event.
    func expectSame(_ line: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = line.withUnsafeBytes(FastLineDecoder.decode)
        guard case .success(let expected) = LineCodec.decodeWithFoundation(line) else {
            Issue.record("JSONDecoder cannot read \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
            return
        }
        #expect(fast != nil, "the fast reader gave up on \(String(decoding: line, as: UTF8.self))", sourceLocation: sourceLocation)
        if let fast { #expect(fast == expected, sourceLocation: sourceLocation) }
        #expect(LineCodec.decode(line) == .success(expected), sourceLocation: sourceLocation)
    }

    /// A line the fast reader must leave alone; `decode` then answers exactly as JSONDecoder does.
    func expectLeftToFoundation(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = Data(line.utf8)
        #expect(data.withUnsafeBytes(FastLineDecoder.decode) == nil, "read \(line)", sourceLocation: sourceLocation)
        #expect(LineCodec.decode(data) == LineCodec.decodeWithFoundation(data), sourceLocation: sourceLocation)
    }

    func error(_ line: String) -> String? {
        if case .failure(let error) = LineCodec.decode(Data(line.utf8)) { return error.description }
        return nil
    }

    static func line(_ event: JournalEvent) throws -> String {
        String(decoding: try LineCodec.encode(event), as: UTF8.self)
    }

    // MARK: Lines iwotch writes

    @Test(arguments: awkward)
    func everyEventTypeWithAwkwardText(_ text: String) throws {
        for body in Self.bodies(text) {
            expectSame(try LineCodec.encode(Self.event(body, actor: text.isEmpty ? "N01" : text)))
        }
    }

    @Test func everyTypeIsCovered() {
        #expect(Set(Self.bodies("x").map(\.type)) == Set(EventBody.types))
    }

    @Test func envelopeVariants() throws {
        let times = ["1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "2026-10-25T01:30:00.001Z", "0001-01-01T00:00:00.000Z",
                     "9999-12-31T23:59:59.999Z"].map { Timestamp.parse($0)! }
        for offset in [0, 60, -60, -300, -210, 330, 345, 840, -720, -1, 899, -899] {
            for time in times {
                for previous in [nil, "sha256:" + String(repeating: "0", count: 64), ""] {
                    for mode in JournalEvent.Mode.allCases {
                        expectSame(try LineCodec.encode(Self.event(.timerPaused, seq: offset + 1000, offset: offset, previous: previous,
                                                                   mode: mode, time: time)))
                    }
                }
            }
        }
        expectSame(try LineCodec.encode(Self.event(.timerResumed, seq: 1)))
        expectSame(try LineCodec.encode(Self.event(.timerResumed, seq: 1_000_000_000_000)))
        // Out of range: both readers refuse the line, and JSONDecoder's reading says why.
        for seq in [0, -42, 1_000_000_000_001, 999_999_999_999_999_999, Int.max, Int.min] {
            let line = try Self.line(Self.event(.timerResumed, seq: seq))
            expectLeftToFoundation(line)
            #expect(error(line) == "field `seq` is \(seq); it must be from 1 to 1000000000000")
        }
    }

    @Test func schemaOneIsReadAndNumbersBelowItAreRefused() throws {
        var event = Self.event(.timerPaused)
        event.schema = 1
        expectSame(try LineCodec.encode(event))
        for schema in [0, -1] {
            event.schema = schema
            #expect(error(try Self.line(event)) == "field `schema` is \(schema); it must be from 1 to 2147483647")
        }
    }

    // MARK: Valid JSON written by hand

    static let uuid = "33dfa51f-e6d7-423a-a495-9b943d4c4fa8"

    static func handWritten(data: String = #"{"activity":"intro"}"#, type: String = "activity-started", prev: String = #""prev":null,"#) -> String {
        #"{"actor":"N01","data":\#(data),"delivery":"d","id":"\#(uuid)","mode":"live",\#(prev)"schema":1,"seq":2,"time":"2026-03-04T10:00:00.000Z","type":"\#(type)","utc_offset":"+00:00"}"#
    }

    @Test func spacingAndKeyOrderDoNotMatter() {
        let lines = [
            Self.handWritten(),
            Self.handWritten(prev: ""),
            Self.handWritten(prev: #""prev":"sha256:00","#),
            #"  { "type" : "activity-started" , "utc_offset" : "-05:30" , "time":"2026-03-04T10:00:00.000Z","seq":2,"schema":1,"#
                + #""mode":"rehearsal","id":"\#(Self.uuid.uppercased())","delivery":"d","data":{ "activity" : "intro" },"actor":"N01" }"# + " \t\r",
            "{\n\"actor\":\"N01\",\t\"data\":\r{\"activity\":\"intro\"},\"delivery\":\"d\",\"id\":\"\(Self.uuid)\",\"mode\":\"live\",\"prev\":null,"
                + "\"schema\":1,\"seq\":2,\"time\":\"2026-03-04T10:00:00.000Z\",\"type\":\"activity-started\",\"utc_offset\":\"+00:00\"\n}",
            Self.handWritten(data: #"{ "walk_in" : false , "participant" : "P01" }"#, type: "participant-enrolled"),
            Self.handWritten(data: #"{"text":"x","activity":null}"#, type: "note-added"),
            Self.handWritten(data: #"{"participant":"P1","status":"absent","arrived_at":null,"left_at":null,"notified":null}"#, type: "attendance-marked"),
            Self.handWritten(data: #"{"activity":"a","item":"i","level":"l","delivered_by":[ ],"adaptation":null}"#, type: "fidelity-rated"),
            Self.handWritten(data: #"{ }"#, type: "timer-paused"),
            Self.handWritten(data: #"{"lines":[ 1 , 2 ],"description":""}"#, type: "damage-found"),
        ]
        for line in lines { expectSame(Data(line.utf8)) }
    }

    @Test func escapesAreReadAsJSONDecoderReadsThem() {
        let texts = [
            #"\u00e9\u00E9 \u4e2d \u0000 \u001f \u007f \uFFFF"#, #"\ud83d\ude00 and \uD83C\uDDEC\uD83C\uDDE7"#, #"\/\/ \b\f\n\r\t \" \\"#,
            #"\\u0041 is not an escape"#, #"ends with a backslash \\"#, #"\u0022quoted\u0022"#, #"😀 raw and \ud83d\ude00 escaped"#,
        ]
        for text in texts {
            expectSame(Data(Self.handWritten(data: #"{"text":"\#(text)","activity":"\#(text)"}"#, type: "note-added").utf8))
            expectSame(Data(Self.handWritten(data: #"{"activity":"a"}"#).replacingOccurrences(of: #""actor":"N01""#, with: #""actor":"\#(text)""#).utf8))
        }
    }

    @Test func correctionValuesOfEveryKind() {
        let values = [#""s""#, "0", "-1", "12", "2.5", "-0.125", "0.1", "123456789012345678901234567890", "true", "false", "null",
                      "[]", "[1,\"a\",[null],{}]", #"{"a":{"b":[1.5]},"c":"\u00e9"}"#, " [ 1 , 2 ] ", #"{ "x" : 1 }"#]
        for value in values {
            expectSame(Data(Self.handWritten(data: #"{"refers_to":"\#(Self.uuid)","field":"f","old":\#(value),"new":\#(value),"reason":"r"}"#,
                                             type: "correction").utf8))
        }
    }

    // MARK: Lines left to JSONDecoder

    @Test func damagedAndUnusualLinesAreLeftToJSONDecoder() {
        func edited(_ old: String, _ new: String) -> String { Self.handWritten().replacingOccurrences(of: old, with: new) }
        var cases: [String] = ["", " ", "{", "}", "[]", "null", "nonsense", "{\"torn"]
        cases += [Self.handWritten() + "x", Self.handWritten() + "{}", "\u{FEFF}" + Self.handWritten(), Self.handWritten(type: "coffee-break")]
        cases.append(edited(#""schema":1"#, #""schema":2"#))
        cases.append(edited(#""schema":1"#, #""schema":1.0"#))
        cases.append(edited(#""schema":1"#, #""schema":"1""#))
        cases.append(edited(#""seq":2"#, #""seq":-0"#))
        cases.append(edited(#""seq":2"#, #""seq":2e0"#))
        cases.append(edited(#""seq":2"#, #""seq":02"#))
        cases.append(edited(#""seq":2"#, #""seq":99999999999999999999"#))
        cases.append(edited(#""seq":2"#, #""seq":null"#))
        cases.append(edited(Self.uuid, "not-a-uuid"))
        cases.append(edited(Self.uuid, "33dfa51fe6d7423aa4959b943d4c4fa8"))
        cases.append(edited(Self.uuid, "33dfa51f-e6d7-423a-a495-9b943d4c4fag"))
        cases.append(edited("2026-03-04T10:00:00.000Z", "2026-02-30T10:00:00.000Z"))
        cases.append(edited("2026-03-04T10:00:00.000Z", "2026-03-04T10:00:00Z"))
        cases.append(edited("2026-03-04T10:00:00.000Z", #"2026-03-04T10:00:00.000\u005a"#))
        cases.append(edited("+00:00", "+15:00"))
        cases.append(edited("+00:00", "+1:00"))
        cases.append(edited("+00:00", "++1:00"))
        cases.append(edited("+00:00", "00:00"))
        cases.append(edited(#""mode":"live""#, #""mode":"practice""#))
        cases.append(edited(#""actor":"N01","#, ""))
        cases.append(edited(#""actor":"N01""#, #""actor":7"#))
        cases.append(edited(#""actor":"N01""#, #""actor":"N01","actor":"N02""#))
        cases.append(edited(#""actor":"N01""#, #""actor":"N01","colour":"blue""#))
        cases.append(edited(#""actor":"N01""#, #""\u0061ctor":"N01""#))
        cases.append(edited(#""actor":"N01""#, #""actor":"N\u0030\ud800""#))
        cases.append(edited(#""actor":"N01""#, #""actor":"\udc00""#))
        cases.append(edited(#""actor":"N01""#, #""actor":"\x41""#))
        cases.append(edited(#""actor":"N01""#, "\"actor\":\"N\t01\""))
        cases.append(edited(#""prev":null"#, #""prev":7"#))
        cases.append(Self.handWritten(data: "null"))
        cases.append(Self.handWritten(data: "[]"))
        cases.append(Self.handWritten(data: #"{"activity":"a","extra":1}"#))
        cases.append(Self.handWritten(data: #"{"activity":"a","activity":"b"}"#))
        cases.append(Self.handWritten(data: #"{"activity":7}"#))
        cases.append(Self.handWritten(data: #"{}"#))
        cases.append(Self.handWritten(data: #"{"activity":"a"]"#))
        cases.append(Self.handWritten(data: #"{"x":1}"#, type: "timer-paused"))
        cases.append(Self.handWritten(data: "null", type: "timer-resumed"))
        cases.append(Self.handWritten(data: #"{"activity":"a","step":1.5}"#, type: "step-shown"))
        cases.append(Self.handWritten(data: #"{"activity":"a","step":"1"}"#, type: "step-shown"))
        cases.append(Self.handWritten(data: #"{"participant":"P","walk_in":1}"#, type: "participant-enrolled"))
        cases.append(Self.handWritten(data: #"{"participant":"P","status":"here"}"#, type: "attendance-marked"))
        cases.append(Self.handWritten(data: #"{"participant":"P","status":"late","arrived_at":"10:00"}"#, type: "attendance-marked"))
        cases.append(Self.handWritten(data: #"{"activity":"a","item":"i","level":"l","delivered_by":"nurse"}"#, type: "fidelity-rated"))
        cases.append(Self.handWritten(data: #"{"refers_to":"x","field":"f","old":1,"new":2,"reason":"r"}"#, type: "correction"))
        cases.append(Self.handWritten(data: #"{"refers_to":"\#(Self.uuid)","field":"f","old":1e400,"new":2,"reason":"r"}"#, type: "correction"))
        cases.append(Self.handWritten(data: #"{"refers_to":"\#(Self.uuid)","field":"f","old":{"a":1,"a":2},"new":2,"reason":"r"}"#, type: "correction"))
        cases.append(Self.handWritten(data: #"{"lines":[1,"2"],"description":""}"#, type: "damage-found"))
        for line in cases { expectLeftToFoundation(line) }
        // Timer events' data is not read by JSONDecoder; it must still be valid JSON.
        expectLeftToFoundation(Self.handWritten(data: #"{"x":}"#, type: "timer-paused"))
        expectLeftToFoundation(Self.handWritten().replacingOccurrences(of: #","data":{"activity":"intro"}"#, with: "")
            .replacingOccurrences(of: "activity-started", with: "timer-paused"))
    }

    @Test func messagesForBadLinesAreJSONDecoders() {
        #expect(error("{\"torn") == "not valid JSON")
        #expect(error(Self.handWritten(type: "coffee-break")) == "unknown event type `coffee-break`")
        #expect(error(Self.handWritten().replacingOccurrences(of: #""schema":1"#, with: #""schema":2"#))
                == "written by a newer iwotch (journal schema 2; this one reads 1)")
        #expect(error(Self.handWritten().replacingOccurrences(of: Self.uuid, with: "not-a-uuid")) == #"field `id`: "not-a-uuid" is not a UUID"#)
        #expect(error(Self.handWritten().replacingOccurrences(of: "+00:00", with: "+15:00")) == #"field `utc_offset`: "+15:00" is not an offset like +01:00"#)
        #expect(error(Self.handWritten().replacingOccurrences(of: #""actor":"N01","#, with: "")) == "missing field `actor`")
        #expect(error(Self.handWritten(data: #"{"activity":7}"#)) == "field `data.activity` should be text")
    }

    /// Every prefix of real lines, and each byte replaced by a few others: whatever the reader
    /// reads from them must be what JSONDecoder reads. (What it leaves goes to JSONDecoder, as the
    /// tests above check; asking JSONDecoder about every variant here made this test take seconds.)
    @Test(arguments: [0, 4, 14, 15, 17, 19, 23, 26, 28])
    func cutAndMutatedLinesAnswerAsJSONDecoderDoes(_ index: Int) throws {
        let body = Self.bodies("é\"\\\n👍")[index]
        let line = try LineCodec.encode(Self.event(body))
        var variants: [Data] = (0..<line.count).map { line.prefix($0) }
        for position in line.indices {
            for replacement: UInt8 in [0x22, 0x5C, 0x7B, 0x7D, 0x2C, 0x31, 0x20, 0x00, 0xFF] where line[position] != replacement {
                var mutated = line
                mutated[position] = replacement
                variants.append(mutated)
            }
        }
        var read = 0
        for variant in variants {
            guard let fast = variant.withUnsafeBytes(FastLineDecoder.decode) else { continue }
            read += 1
            #expect(LineCodec.decodeWithFoundation(variant) == .success(fast), "\(String(decoding: variant, as: UTF8.self))")
        }
        // Changed digits and spaces still make lines the reader reads.
        #expect(read > 0)
    }
}

/// Deliveries pinning the same content share one decoded snapshot; a snapshot that differs in a
/// single byte is its own.
@Suite struct PinnedSharingTests {
    func opened(_ line: Data) -> DeliveryOpened? {
        guard case .deliveryOpened(let opened)? = line.withUnsafeBytes(FastLineDecoder.decode)?.body else { return nil }
        return opened
    }

    @Test func equalSnapshotsShareStorageAndAnEditedOneDoesNot() throws {
        let first = FastLineDecoderTests.opened("shared-9f2")
        var second = first
        second.group = "G02"
        second.site = "S02"
        var edited = first
        edited.session.agenda[1].title = "Intro shared-9f3"
        let lines = try [first, second, edited].map { try LineCodec.encode(FastLineDecoderTests.event(.deliveryOpened($0))) }
        let read = lines.map(opened)
        #expect(read[0] == first)
        #expect(read[1] == second)
        #expect(read[2] == edited)
        #expect(read[2]?.session.agenda[1].title == "Intro shared-9f3")
        func agendaAddress(_ opened: DeliveryOpened?) -> UnsafeRawPointer? {
            opened?.session.agenda.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(agendaAddress(read[0]) != nil)
        #expect(agendaAddress(read[0]) == agendaAddress(read[1]), "the same pinned session is decoded once")
        #expect(agendaAddress(read[0]) != agendaAddress(read[2]), "an edited session is decoded on its own")
    }
}
