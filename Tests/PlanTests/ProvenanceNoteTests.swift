import Foundation
import Testing
import Programme
@testable import Plan

/// The provenance sentence at the top of a printed plan, for each mix of source kinds. The
/// expected sentences are written out in full here, so a change of wording is a deliberate one.
@Suite struct ProvenanceNoteTests {
    static func activity(_ number: Int, _ kind: Source.Kind?) -> Activity {
        Activity(id: "a-\(number)", kind: .activity, title: "Activity \(number)", minutes: 10, lead: ["nurse"],
                 source: kind.map { Source(kind: $0, reference: "R") }, aims: ["A"], steps: ["S"], keyMessages: ["K"],
                 materials: [], fidelity: [FidelityItem(id: "a-\(number)-1", behaviour: "B")])
    }

    static func note(_ kinds: [Source.Kind?]) -> String {
        ProvenanceNote.sentence(for: kinds.enumerated().map { activity($0.offset + 1, $0.element) })
    }

    @Test func oneKindThroughout() {
        #expect(Self.note([]) == "This session has no activities, only arrival, breaks or lunch.")
        #expect(Self.note([.reconstructed]) == "The only activity of this session is reconstructed content, written for this pack from the sources named under it, not taken from an official manual.")
        #expect(Self.note([.reconstructed, .reconstructed, .reconstructed]) == "All 3 activities of this session are reconstructed content, written for this pack from the sources named under each, not taken from an official manual.")
        #expect(Self.note([.outline]) == "The only activity of this session follows a published outline: its title and aims are published, but its steps, timings and fidelity items are reconstructed for this pack, not taken from an official manual.")
        #expect(Self.note([.outline, .outline]) == "All 2 activities of this session follow a published outline: their titles and aims are published, but their steps, timings and fidelity items are reconstructed for this pack, not taken from an official manual.")
        #expect(Self.note([.published]) == "The only activity of this session follows the published source named under it.")
        #expect(Self.note([.published, .published]) == "All 2 activities of this session follow the published source named under each.")
    }

    @Test func mixesNameEachKindReconstructedFirst() {
        // The sentence the mini fixture's plan has always printed: unchanged by the new kind.
        #expect(Self.note([.published, .reconstructed]) == "1 of the 2 activities of this session is reconstructed content, written for this pack, not taken from an official manual; 1 follows a published source. Each activity names its source.")
        // Day 1 of the bundled pack: eight outlines, then three reconstructed.
        #expect(Self.note(Array(repeating: .outline, count: 8) + Array(repeating: .reconstructed, count: 3)) == "3 of the 11 activities of this session are reconstructed content, written for this pack, not taken from an official manual; 8 follow a published outline, with only their titles and aims published and their steps, timings and fidelity items reconstructed. Each activity names its source.")
        #expect(Self.note([.outline, .reconstructed]) == "1 of the 2 activities of this session is reconstructed content, written for this pack, not taken from an official manual; 1 follows a published outline, with only its title and aims published and its steps, timings and fidelity items reconstructed. Each activity names its source.")
        #expect(Self.note([.published, .outline, .outline]) == "2 of the 3 activities of this session follow a published outline, with only their titles and aims published and their steps, timings and fidelity items reconstructed; 1 follows a published source. Each activity names its source.")
        #expect(Self.note([.published, .published, .outline, .reconstructed]) == "1 of the 4 activities of this session is reconstructed content, written for this pack, not taken from an official manual; 1 follows a published outline, with only its title and aims published and its steps, timings and fidelity items reconstructed; 2 follow a published source. Each activity names its source.")
    }

    /// Content built in code may leave a source out; content read from files never does.
    @Test func noActivityNamesASource() {
        #expect(Self.note([nil]) == "No activity of this session names its source.")
        #expect(Self.note([nil, nil]) == "No activity of this session names its source.")
    }
}

extension ProvenanceNoteTests {
    /// A programme's own course (a training course, say) is original, and says so.
    @Test func originalActivitiesSaySo() {
        #expect(Self.note([.original]) == "The only activity of this session is original to this programme, written by its authors.")
        #expect(Self.note([.original, .original]) == "All 2 activities of this session are original to this programme, written by its authors.")
        #expect(Self.note([.reconstructed, .original, .original])
                == "1 of the 3 activities of this session is reconstructed content, written for this pack, not taken from an official manual; 2 are original to this programme, written by its authors. Each activity names its source.")
    }
}
