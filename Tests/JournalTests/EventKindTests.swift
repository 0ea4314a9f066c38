import Foundation
import Testing
@testable import Journal

/// The table of event kinds is what the encoder, both readers, the check and the other tests
/// enumerate; these tests hold it to a list written out by hand, and hold the manuals to it.
@Suite struct EventKindTests {
    /// Written out by hand, in the table's order: a type added to the table must be added here too.
    static let expectedNames = ["delivery-opened", "participant-enrolled", "attendance-marked", "activity-started", "activity-ended",
                                "step-shown", "timer-paused", "timer-resumed", "fidelity-rated", "note-added", "correction",
                                "damage-found", "delivery-closed", "supervisor-review", "console-resumed"]

    @Test func theTableNamesEveryTypeOnce() {
        #expect(EventKind.allCases.map(\.name) == Self.expectedNames)
        #expect(EventBody.types == Self.expectedNames)
        #expect(Set(EventKind.allCases.map(\.name)).count == EventKind.allCases.count)
        #expect(EventKind.rows.count == EventKind.allCases.count)
        for kind in EventKind.allCases {
            #expect(EventKind(name: kind.name) == kind)
            #expect(EventKind.rows[kind.rawValue].name.description == kind.name)
        }
        #expect(EventKind(name: "timer-stopped") == nil)
        #expect(EventKind(name: "") == nil)
    }

    /// A body's `type` and `kind` agree with the table, for one body of every type.
    @Test func everyBodyHasItsKind() {
        let bodies = FastLineDecoderTests.bodies("x")
        #expect(Set(bodies.map(\.kind)) == Set(EventKind.allCases))
        for body in bodies { #expect(body.type == body.kind.name) }
    }

    /// The wire name is read back to its kind by the byte reader as by JSONDecoder.
    @Test func theFastReaderKnowsEveryName() {
        for kind in EventKind.allCases {
            var bytes = Array("\"\(kind.name)\"".utf8)
            let read = bytes.withUnsafeMutableBufferPointer { buffer in
                var json = JSONBytes(UnsafePointer(buffer.baseAddress!), count: buffer.count)
                return EventKind(&json)
            }
            #expect(read == kind)
        }
    }

    @Test func whatTheChecksReadFromTheTable() {
        let afterClose = EventKind.allCases.filter(\.allowedAfterClose).map(\.name)
        #expect(afterClose == ["note-added", "correction", "damage-found"])
        let correctable = Dictionary(uniqueKeysWithValues: EventKind.allCases.compactMap { kind in
            kind.correctableWhenAbsent.isEmpty ? nil : (kind.name, kind.correctableWhenAbsent)
        })
        #expect(correctable == ["attendance-marked": ["arrived_at", "left_at", "notified"], "fidelity-rated": ["adaptation"],
                                "note-added": ["activity"]])
        #expect(Corrections.isOptionalField("left_at", of: "attendance-marked"))
        #expect(!Corrections.isOptionalField("status", of: "attendance-marked"))
        #expect(!Corrections.isOptionalField("activity", of: "no-such-type"))
    }

    /// The published schema lists every type and gives each a shape of its data.
    @Test func theSchemaDescribesEveryType() throws {
        let data = try Data(contentsOf: Fixture.repository.appendingPathComponent("Manuals/journal-schema.json"))
        let schema = try JSONDecoder().decode(JSONValue.self, from: data)
        guard case .object(let top) = schema, case .object(let properties)? = top["properties"],
              case .object(let type)? = properties["type"], case .array(let names)? = type["enum"] else {
            Issue.record("the schema has no enum of types")
            return
        }
        #expect(names == EventKind.allCases.map { .string($0.name) })
        let text = String(decoding: data, as: UTF8.self)
        for kind in EventKind.allCases {
            #expect(text.contains("\"const\": \"\(kind.name)\""), "the schema gives no shape for \(kind.name)")
        }
    }

    /// The format manual has a section for every type.
    @Test func theManualDescribesEveryType() throws {
        let manual = try String(contentsOf: Fixture.repository.appendingPathComponent("Manuals/journal-format.md"), encoding: .utf8)
        let headings = manual.split(separator: "\n").filter { $0.hasPrefix("### ") }
        for kind in EventKind.allCases {
            #expect(headings.contains { $0.contains(kind.name) }, "Manuals/journal-format.md has no section for \(kind.name)")
        }
    }

    /// The fast reader's key names are made from the Codable keys: they find each key, in order,
    /// and nothing else.
    @Test func keyNamesMadeFromCodingKeys() {
        func index(_ names: KeyNames, _ key: String) -> Int? {
            var bytes = Array(key.utf8) + [0]
            return bytes.withUnsafeMutableBufferPointer { names.index(of: UnsafePointer($0.baseAddress!), count: key.utf8.count) }
        }
        let attendance = KeyNames(AttendanceMarked.CodingKeys.self)
        let expected = ["participant", "status", "arrived_at", "left_at", "notified", "outcome"]
        #expect(attendance.count == expected.count)
        for (position, key) in expected.enumerated() { #expect(index(attendance, key) == position) }
        for key in ["", "arrivedAt", "participants", "statu", "notified "] { #expect(index(attendance, key) == nil) }
        // Sorted order: arrived_at, left_at, notified, outcome, participant, status; each key's
        // guess for the next is the one written after it (outcome, the last, back to participant).
        #expect(attendance.first == 2)
        #expect(attendance.following == [1, 2, 3, 4, 5, 0])
        let statuses = KeyNames(AttendanceMarked.Status.self)
        #expect(["present", "late", "left-early", "late-and-left-early", "absent"].map { index(statuses, $0) } == [0, 1, 2, 3, 4])
    }
}
