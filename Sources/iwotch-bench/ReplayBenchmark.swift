import Foundation
import Journal

/// Replay throughput: what opening a long delivery costs (resume, reports, `journal check`),
/// stage by stage, so a slow stage shows itself. Reference: `jq -c .` over the same file.
struct ReplayBenchmark {
    let scenario: Scenario
    let count: Int
    let keep: Bool

    private struct Stage {
        var label: String
        var time: UInt64
        var peak: Int
    }

    func run() throws {
        let folder = try Scratch.folder("replay")
        let file = folder.appendingPathComponent("bench-replay.jsonl")
        defer {
            if keep { print("  kept \(file.path)") } else { Scratch.remove(folder) }
        }
        let generation = try generate(file)
        let bytes = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0

        print("")
        print("replay: \(Figures.count(count)) events, \(Figures.megabytes(bytes)), \(bytes / count) bytes a line on average")
        print("  generated in \(Figures.seconds(generation)) (encode + hash chain, no fsync per line; not part of the figures below)")
        print("  the file was just written, so it is read from the page cache: these are CPU figures, not disk reads")

        // Generation's buffers are not replay's: start the peak afresh (Linux 4.0+).
        Machine.resetPeakMemory()
        var stages: [Stage] = []
        func stage<T>(_ label: String, _ work: () throws -> T) rethrows -> T {
            let start = nanoseconds()
            let result = try work()
            stages.append(Stage(label: label, time: nanoseconds() - start, peak: Machine.peakMemory()))
            return result
        }

        let raw = try stage("(a) read + split (RawJournal.read)") { try RawJournal.read(file) }
        let events = stage("(b) decode (LineCodec.decode)") {
            var events: [JournalEvent] = []
            events.reserveCapacity(raw.lines.count)
            for line in raw.lines {
                if case .success(let event) = LineCodec.decode(line.bytes) { events.append(event) }
            }
            return events
        }
        // Every line decodes, so events[i] is line i: the chain check below relies on it.
        guard events.count == count, raw.lines.count == count, !raw.tornTail else {
            throw BenchError("read back \(raw.lines.count) lines and decoded \(events.count) events; expected \(count) of each")
        }
        let state = stage("(c) fold (DeliveryState.replay)") { DeliveryState.replay(events) }
        // Each line's prev must be the SHA-256 of the line before it, byte for byte.
        let breaks = stage("(d) verify hash chain (lineHash)") {
            var breaks = events[0].previous == nil ? 0 : 1
            for index in 1..<raw.lines.count where events[index].previous != lineHash(raw.lines[index - 1].bytes) { breaks += 1 }
            return breaks
        }
        let total = stages.reduce(0) { $0 + $1.time }
        let jq = try Reference.jq(file)

        print(Figures.row("", ["time", "events/s", "MB/s", "peak RSS"], labelWidth: 40))
        func row(_ label: String, _ time: UInt64, _ peak: Int?) {
            let seconds = Double(time) / 1e9
            print(Figures.row("  " + label, [Figures.seconds(time), Figures.rate(Double(count) / seconds),
                                            String(format: "%.0f", Double(bytes) / 1e6 / seconds),
                                            peak.map(Figures.megabytes) ?? "-"], labelWidth: 40))
        }
        for stage in stages { row(stage.label, stage.time, stage.peak) }
        row("total (a-d)", total, stages.last?.peak)
        row("jq -c . > /dev/null (reference)", jq.time, jq.peak)
        let readAndDecode = stages[0].time + stages[1].time
        print("  ratio to jq: total " + String(format: "%.2f", Double(total) / Double(jq.time))
              + ", read + decode alone " + String(format: "%.2f", Double(readAndDecode) / Double(jq.time)) + " (above 1: slower than jq)")
        print("  peak RSS: this process's VmHWM since replay began; jq's from /usr/bin/time ('-' without it)")
        print("  state: \(state.roster.count) participants, \(state.ratings.count) items rated, \(Figures.count(state.notes.count)) notes, "
              + "\(state.corrections.count) corrections applied, \(Figures.count(state.eventCount)) events folded")
        print("  chain: " + (breaks == 0 ? "intact" : "\(breaks) BROKEN LINKS") + "; a JournalEvent takes \(MemoryLayout<JournalEvent>.stride) bytes inline (+ its strings)")
    }

    /// Writes `count` events the way JournalWriter would lay them out (same encoder, same chain),
    /// but in large buffered writes without fsync: generation is set-up, not what is measured.
    private func generate(_ file: URL) throws -> UInt64 {
        let start = nanoseconds()
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw BenchError("could not create \(file.path)") }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var mix = EventMix(scenario: scenario)
        var buffer = Data()
        var previous: String?
        var time = scenario.start
        for seq in 1...count {
            if seq > 1 { time += mix.gap() }
            let event = JournalEvent(seq: seq, time: time, utcOffsetMinutes: 0, delivery: "bench-replay", mode: .rehearsal,
                                     actor: scenario.facilitators[seq % 2], previous: previous,
                                     body: seq == 1 ? .deliveryOpened(scenario.opened) : mix.body())
            mix.wrote(event)
            let line = try LineCodec.encode(event)
            previous = lineHash(line)
            buffer.append(line)
            buffer.append(0x0A)
            if buffer.count >= 8 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return nanoseconds() - start
    }
}
