import Foundation
import Testing
@testable import Journal

/// Every whole number a journal holds is checked against its range where the line is read: an
/// edited number (a seq of Int.max, minutes of 2^62) makes its line unreadable, reported with the
/// file and the line, and never reaches arithmetic that could overflow.
@Suite struct IntegerRangeTests {
    /// A closed sample delivery, with one line's text edited.
    static func edited(_ type: String, _ pattern: String, _ replacement: String) throws -> (ScratchFolder, URL, Int) {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        try sample.close()
        let url = sample.writer.url
        var lines = try url.lines()
        let index = try #require(lines.firstIndex { $0.contains(#""type":"\#(type)""#) })
        let range = try #require(lines[index].range(of: pattern, options: .regularExpression))
        lines[index].replaceSubrange(range, with: replacement)
        try lines.joined(separator: "\n").write(to: url, atomically: false, encoding: .utf8)
        return (folder, url, index + 1)
    }

    @Test(arguments: [
        ("timer-paused", #""seq":[0-9]+"#, #""seq":9223372036854775807"#, "field `seq` is 9223372036854775807; it must be from 1 to 1000000000000"),
        ("timer-paused", #""seq":[0-9]+"#, #""seq":0"#, "field `seq` is 0; it must be from 1 to 1000000000000"),
        ("delivery-opened", #""minutes":[0-9]+"#, #""minutes":4611686018427387904"#,
         "field `data.session.agenda[0].minutes` is 4611686018427387904; it must be from 1 to 1440"),
        ("delivery-opened", #""planned_minutes":[0-9]+"#, #""planned_minutes":1441"#,
         "field `data.session.planned_minutes` is 1441; it must be from 1 to 1440"),
        ("delivery-opened", #""score":[0-9]+"#, #""score":9223372036854775807"#,
         "field `data.fidelity_scale[0].score` is 9223372036854775807; it must be from 0 to 100"),
        ("delivery-opened", #""high":[0-9]+"#, #""high":9223372036854775807"#, "field `data.bands.high` is 9223372036854775807; it must be from 1 to 100"),
        ("delivery-opened", #""low":[0-9]+"#, #""low":100"#, "field `data.bands.low` is 100; it must be from 0 to 99"),
        ("delivery-opened", #""minimum":[0-9]+"#, #""minimum":1001"#, "field `data.dose.minimum` is 1001; it must be from 1 to 1000"),
        ("step-shown", #""step":[0-9]+"#, #""step":10001"#, "field `data.step` is 10001; it must be from 0 to 10000"),
        ("delivery-closed", #""participants":[0-9]+"#, #""participants":-3"#, "field `data.summary.participants` is -3; it must be from 0 to 1000000"),
    ])
    func aNumberOutOfRangeIsReportedWithItsFileAndLine(_ type: String, _ pattern: String, _ replacement: String, _ reason: String) throws {
        let (folder, url, line) = try Self.edited(type, pattern, replacement)
        _ = folder
        let journal = try ReadJournal.read(url)
        #expect(journal.unreadable.map(\.line) == [line])
        #expect(journal.unreadable.first?.reason == reason)
        let problems = JournalCheck.check(journal).problems
        let problem = try #require(problems.first { $0.message.hasPrefix("line \(line) cannot be read") })
        #expect(problem.path == url.path)
        #expect(problem.line == line)
        #expect(problem.message == "line \(line) cannot be read: \(reason)")
        #expect(problem.help.contains("restore it from a copy"))
        // The rest of the file is still read, and folding it traps on nothing.
        #expect(journal.events.count == journal.raw.lines.count - 1)
        _ = journal.state
    }

    /// A number too long for any whole number the reader holds is refused too, without a trap.
    @Test func aNumberBeyondIntIsRefused() throws {
        let (folder, url, line) = try Self.edited("step-shown", #""step":[0-9]+"#, #""step":99999999999999999999999"#)
        _ = folder
        let journal = try ReadJournal.read(url)
        #expect(journal.unreadable.map(\.line) == [line])
        #expect(journal.unreadable.first?.reason == "field `step` is 99999999999999999999999, a number too large for any field of a journal")
    }

    /// The boundaries themselves are read.
    @Test func theBoundariesAreRead() throws {
        for (type, pattern, replacement) in [("timer-paused", #""seq":[0-9]+"#, #""seq":1000000000000"#),
                                             ("step-shown", #""step":[0-9]+"#, #""step":10000"#),
                                             ("delivery-opened", #""high":[0-9]+"#, #""high":100"#)] {
            let (folder, url, _) = try Self.edited(type, pattern, replacement)
            _ = folder
            let journal = try ReadJournal.read(url)
            #expect(journal.unreadable.isEmpty, "\(replacement)")
        }
    }

    /// A journal whose last event has the largest seq takes no more: the next could not be read back.
    @Test func theWriterStopsAtTheLargestSeq() throws {
        let folder = ScratchFolder()
        var sample = try SampleDelivery(in: folder)
        try sample.deliver()
        let url = sample.writer.url
        sample.writer.close()
        var lines = try url.lines().filter { !$0.isEmpty }
        let range = try #require(lines[lines.count - 1].range(of: #""seq":[0-9]+"#, options: .regularExpression))
        lines[lines.count - 1].replaceSubrange(range, with: #""seq":1000000000000"#)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: false, encoding: .utf8)
        let writer = try JournalWriter.open(url)
        defer { writer.close() }
        #expect(throws: JournalError.refused("\(url.lastPathComponent) has reached the largest event number (1000000000000); it was edited. Run `iwotch journal check` on it.")) {
            try writer.append(.timerPaused, actor: "N01", at: Fixture.at(50), utcOffsetMinutes: 0)
        }
    }

    /// A correction's number too large for an Int is shown as written, not converted (which traps).
    @Test func aHugeCorrectionValueIsShownWithoutATrap() {
        #expect(JSONValue.number(1e300).text == "1e+300")
        #expect(JSONValue.number(-12).text == "-12")
    }
}
