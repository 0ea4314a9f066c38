import Foundation
import Testing
@testable import Journal

@Suite struct IntegrityTests {
    func check(_ url: URL) -> JournalCheck { JournalCheck.run([url]) }

    @Test func aCleanClosedJournalChecksWithoutAProblem() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        let result = check(sample.writer.url)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.summaries.first?.isClosed == true)
    }

    @Test func anOpenDeliveryIsAWarningNotAnError() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let result = check(sample.writer.url)
        #expect(result.errorCount == 0)
        #expect(result.diagnostics.map(\.message) == ["the delivery is still open (last event 2026-03-04T10:36:00.000Z)"])
    }

    /// One changed byte in line 5: the chain names line 5, and nothing else is lost.
    @Test func aChangedByteIsFoundAndItsLineNamed() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        var bytes = try Data(contentsOf: sample.writer.url)
        let lines = try sample.writer.url.lines()
        let lineStart = lines.prefix(4).reduce(0) { $0 + $1.utf8.count + 1 }
        let target = try #require(lines[4].range(of: "P01"))
        let offset = lineStart + lines[4].utf8.distance(from: lines[4].startIndex, to: target.lowerBound) + 2
        bytes[offset] = UInt8(ascii: "9")     // P01 -> P09
        try bytes.write(to: sample.writer.url)

        let result = check(sample.writer.url)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 1)
        #expect(errors.first?.line == 5)
        #expect(errors.first?.message == "line 5 does not match the hash recorded on line 6")
        #expect(try ReadJournal.read(sample.writer.url).events.count == sample.events.count, "every line is still read")
    }

    @Test func aRemovedLineBreaksTheSequenceAndTheChain() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        var lines = try sample.writer.url.lines()
        lines.remove(at: 6)
        try lines.joined(separator: "\n").write(to: sample.writer.url, atomically: false, encoding: .utf8)
        let messages = check(sample.writer.url).diagnostics.map(\.message)
        #expect(messages.contains("sequence number 8 where 7 was expected"))
        #expect(messages.contains("line 6 does not match the hash recorded on line 7"))
    }

    @Test func aClosingSummaryThatDisagreesWithTheEventsIsAnError() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        var summary = DeliveryState.replay(sample.events).summary
        summary.present += 1
        try sample.add(.deliveryClosed(.init(summary: summary, signoffs: [])), at: 60)
        let result = check(sample.writer.url)
        #expect(result.diagnostics.contains { $0.message == "the closing summary says present 2, but the events give 1" && $0.line == sample.events.count })
        #expect(result.diagnostics.contains { $0.message == "facilitator N01 (nurse) did not sign off" && $0.severity == .warning })
    }

    @Test func referencesOutsideThePinnedContentAreErrors() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.add(.activityStarted(.init(activity: "g1-nonesuch")), at: 1)
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-practice-1", level: "fully", deliveredBy: ["nurse"])), at: 2)
        try sample.add(.fidelityRated(.init(activity: "g1-welcome", item: "g1-welcome-1", level: "brilliant", deliveredBy: ["pharmacist"])), at: 3)
        try sample.add(.attendanceMarked(.init(participant: "P99", status: .present)), at: 4)
        // group-1 is a group day: "not answered" is a one-to-one's outcome only.
        try sample.add(.attendanceMarked(.init(participant: "P99", status: .absent, notified: false, outcome: .notAnswered)), at: 4)
        try sample.add(.correction(.init(refersTo: UUID(), field: "status", old: .null, new: .string("late"), reason: "x")), at: 5)
        let messages = check(sample.writer.url).diagnostics.map(\.message)
        #expect(messages.contains("`g1-nonesuch` is not an item of session group-1 in content 1.0"))
        #expect(messages.contains("`g1-practice-1` is not a fidelity item of `g1-welcome`"))
        #expect(messages.contains("`brilliant` is not a level of the fidelity scale in force"))
        #expect(messages.contains("delivered by `pharmacist`, a role no facilitator of this delivery has"))
        #expect(messages.contains("attendance for P99, who is not enrolled"))
        #expect(messages.contains("the outcome `not-answered` is given for a mark that is not an absence from a one-to-one"))
        #expect(messages.contains { $0.hasPrefix("the correction refers to event") })
    }

    @Test func theSameJournalCopiedTwiceIsOneDeliveryWithAWarning() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        let copy = folder.url.appendingPathComponent("copy.jsonl")
        try FileManager.default.copyItem(at: sample.writer.url, to: copy)
        let result = JournalCheck.run([sample.writer.url, copy])
        #expect(result.errorCount == 0)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("this delivery (") && $0.message.contains("is also in") })
    }

    @Test func checkPointsAtTheFieldOnTheLineInTheUsualForm() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.add(.stepShown(.init(activity: "g1-nowhere", step: 0)), at: 1)
        let diagnostic = try #require(check(sample.writer.url).diagnostics.first)
        let text = diagnostic.description.replacingOccurrences(of: folder.url.path, with: "DIR")
        #expect(text.hasPrefix("DIR/live/\(sample.writer.delivery).jsonl:2:"))
        #expect(text.contains(": error: `g1-nowhere` is not an item of session group-1 in content 1.0\n"))
        #expect(text.split(separator: "\n").filter { $0.contains(" | ") }.allSatisfy { $0.count <= 80 })
    }
}

@Suite struct DamageTests {
    /// A power cut mid-write leaves part of a line. It is reported; the rest is read; the next
    /// append starts on a fresh line and records the damage; nothing is rewritten.
    @Test func aTornTailIsReportedKeptAndRecorded() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let url = sample.writer.url
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"actor":"N01","data":{"participant":"P0"#.utf8))
        try handle.close()
        let tornLine = sample.events.count + 1

        let damaged = try ReadJournal.read(url)
        #expect(damaged.events.count == sample.events.count)
        #expect(damaged.unreadable.map(\.line) == [tornLine])
        #expect(JournalCheck.run([url]).diagnostics.contains { $0.line == tornLine && $0.message.contains("incomplete") })

        let before = try Data(contentsOf: url)
        sample.writer.close()
        let writer = try JournalWriter.open(url)
        #expect(writer.pendingDamage == [tornLine])
        let event = try writer.append(.timerPaused, actor: "N01", at: Fixture.at(50), utcOffsetMinutes: 0)
        let after = try Data(contentsOf: url)
        #expect(after.prefix(before.count) == before, "nothing already written changes")

        let read = try ReadJournal.read(url)
        #expect(read.unreadable.map(\.line) == [tornLine], "the torn line is kept, now closed off")
        let last = read.events.suffix(2).map(\.event)
        #expect(last.first?.type == "damage-found")
        if case .damageFound(let damage)? = last.first?.body { #expect(damage.lines == [tornLine]) }
        #expect(last.last == event)
        #expect(last.first?.seq == sample.events.count + 1, "numbering continues from the last readable event")
        let diagnostics = JournalCheck.run([url]).diagnostics
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "recorded damage is not an error: \(diagnostics.map(\.message))")
        #expect(diagnostics.contains { $0.line == tornLine && $0.severity == .warning && $0.message.contains("iwotch recorded this on line") })

        // Reopening again does not record the same damage twice.
        writer.close()
        let again = try JournalWriter.open(url)
        #expect(again.pendingDamage.isEmpty)
    }

    @Test func aCorruptLineInTheMiddleIsReportedAndTheRestRead() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        var lines = try sample.writer.url.lines()
        lines[3] = "not json at all"
        try lines.joined(separator: "\n").write(to: sample.writer.url, atomically: false, encoding: .utf8)
        let read = try ReadJournal.read(sample.writer.url)
        #expect(read.unreadable.map(\.line) == [4])
        #expect(read.events.count == sample.events.count - 1)
        let messages = JournalCheck.run([sample.writer.url]).diagnostics.map(\.message)
        #expect(messages.contains("line 4 cannot be read: not valid JSON"))
    }
}

@Suite struct WriterRulesTests {
    @Test func aSecondWriterIsToldWhoHoldsTheDelivery() throws {
        let folder = ScratchFolder()
        let sample = try SampleDelivery(in: folder)
        #expect(throws: JournalError.self) { try JournalWriter.open(sample.writer.url) }
        do {
            _ = try JournalWriter.open(sample.writer.url)
        } catch let JournalError.locked(_, holder) {
            #expect(holder?.pid == getpid())
            #expect(holder?.user == ProcessInfo.processInfo.userName)
            #expect(JournalError.locked(path: sample.writer.url.path, holder: holder).description.contains("process \(getpid())"))
        }
        // Reading needs no lock.
        #expect(try ReadJournal.read(sample.writer.url).events.count == 1)
    }

    @Test func foldersAreOwnerOnlyAndFilesToo() throws {
        let folder = ScratchFolder()
        let sample = try SampleDelivery(in: folder)
        func mode(_ path: String) throws -> Int {
            try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue).unwrap()
        }
        #expect(try mode(folder.url.path) == 0o700)
        #expect(try mode(folder.directory.folder(for: .live).path) == 0o700)
        #expect(try mode(sample.writer.url.path) == 0o600)
    }

    @Test func rehearsalsLiveApartFromLiveRecords() throws {
        let folder = ScratchFolder()
        _ = try SampleDelivery(in: folder, mode: .live)
        _ = try SampleDelivery(in: folder, mode: .rehearsal)
        #expect(folder.directory.files(.live).count == 1)
        #expect(folder.directory.files(.rehearsal).count == 1)
        #expect(try ReadJournal.read(folder.directory.files(.rehearsal)[0]).events.allSatisfy { $0.event.mode == .rehearsal })
    }

    @Test func theJournalFolderFollowsTheOptionThenTheEnvironmentThenXDG() {
        #expect(JournalDirectory.resolve("/a", environment: ["IWOTCH_JOURNAL": "/b"]).root.path == "/a")
        #expect(JournalDirectory.resolve(nil, environment: ["IWOTCH_JOURNAL": "/b", "XDG_DATA_HOME": "/x"]).root.path == "/b")
        #expect(JournalDirectory.resolve(nil, environment: ["XDG_DATA_HOME": "/x"]).root.path == "/x/iwotch/journal")
        #expect(JournalDirectory.resolve(nil, environment: ["HOME": "/home/n"]).root.path == "/home/n/.local/share/iwotch/journal")
    }
}

extension Optional {
    func unwrap() throws -> Wrapped {
        guard let value = self else { throw JournalError.refused("missing value") }
        return value
    }
}

@Suite struct CreationTests {
    @Test func aNewJournalAlwaysHoldsItsOpeningEventAndNeverReplacesAnother() throws {
        let folder = ScratchFolder()
        let sample = try SampleDelivery(in: folder)
        let lines = try sample.writer.url.lines()
        #expect(lines.count == 2 && lines[0].contains(#""type":"delivery-opened""#))
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.directory.folder(for: .live).path).filter { $0.hasSuffix(".new") }
        #expect(hidden.isEmpty, "no staging file is left behind")
        let programme = try Fixture.programme()
        let opening = DeliveryOpened(programme: programme, session: programme.sessions[0], group: "G01", site: "S01",
                                     facilitators: SampleDelivery.facilitators)
        #expect(throws: JournalError.self) {
            _ = try JournalWriter.create(in: folder.directory.folder(for: .live), delivery: sample.writer.delivery, mode: .live,
                                         opening: opening, actor: "N01", at: Fixture.t0)
        }
        #expect(try sample.writer.url.lines() == lines)
    }
}

@Suite struct HostileJournalTests {
    @Test func aFileThatIsNotAJournalGivesBoundedErrorsNotACrash() throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let garbage = folder.url.appendingPathComponent("garbage.jsonl")
        var bytes = Data()
        for index in 0..<5000 { bytes.append(contentsOf: [0x00, 0xFF, UInt8(0x20 + index % 200), 0x1B, 0x7B, 0x0A]) }
        try bytes.write(to: garbage)
        let check = JournalCheck.run([garbage])
        #expect(check.errorCount == 101)
        #expect(check.diagnostics.last?.message == "and 4900 more problems in this file")
        #expect(check.diagnostics.allSatisfy { !$0.description.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } },
                "nothing from the file reaches the terminal raw")
    }
}
