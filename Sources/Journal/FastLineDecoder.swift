import Foundation

/// Reads a journal line straight from its bytes, an order of magnitude faster than JSONDecoder,
/// which is what reading a region-year of journals spends most of its time on. It reads every line
/// iwotch writes, to exactly the event JSONDecoder gives; for anything else (a damaged or edited
/// line, a newer schema, an unknown key) it gives nil, and `LineCodec.decode` asks JSONDecoder,
/// so what a damaged line is reported as does not depend on this reader.
enum FastLineDecoder {
    static func decode(_ line: UnsafeRawBufferPointer) -> JournalEvent? {
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var json = JSONBytes(base, count: line.count)
        var envelope = Envelope()
        guard json.members(Envelope.keys, { json, index in envelope.read(index, from: &json) }) else { return nil }
        json.skipSpace()
        guard json.at == json.end else { return nil }
        return envelope.event(in: &json)
    }

    /// The top-level keys as they are met; `data` is only marked, since `type`, which says how to
    /// read it, comes after it in a line's sorted keys.
    private struct Envelope {
        static let keys = KeyNames("actor", "data", "delivery", "id", "mode", "prev", "schema", "seq", "time", "type", "utc_offset")

        var actor: String?
        var data: Range<Int>?
        var delivery: String?
        var id: UUID?
        var mode: JournalEvent.Mode?
        var previous: String?
        var schema: Int?
        var seq: Int?
        var time: Date?
        var type: EventKind?
        var offset: Int?

        mutating func read(_ index: Int, from json: inout JSONBytes) -> Bool {
            switch index {
            case 0: actor = json.string(); return actor != nil
            case 1:
                let start = json.at
                guard json.skipValue() else { return false }
                data = start..<json.at
                return true
            case 2: delivery = json.string(); return delivery != nil
            case 3: id = json.uuid(); return id != nil
            case 4: mode = json.mode(); return mode != nil
            case 5:
                if json.null() { return true }
                previous = json.string()
                return previous != nil
            case 6: schema = json.int(); return schema != nil
            case 7: seq = json.int(); return seq != nil
            case 8: time = json.date(); return time != nil
            case 9: type = EventKind(&json); return type != nil
            case 10: offset = json.utcOffset(); return offset != nil
            default: return false
            }
        }

        consuming func event(in json: inout JSONBytes) -> JournalEvent? {
            guard let schema, schema <= JournalEvent.schemaVersion, let seq, let id, let time, let offset, let delivery,
                  let mode, let actor, let type, let data else { return nil }
            json.at = data.lowerBound
            guard let body = EventKind.rows[type.rawValue].read(&json), json.at == data.upperBound else { return nil }
            let event = JournalEvent(schema: schema, seq: seq, id: id, time: time, utcOffsetMinutes: offset, delivery: delivery,
                                     mode: mode, actor: actor, previous: previous, body: body)
            // A number out of its range is left to JSONDecoder's reading, which says which one.
            return event.outOfRange() == nil ? event : nil
        }
    }
}

extension JSONBytes {
    /// A UUID in its 8-4-4-4-12 hex form, either case, as `UUID(uuidString:)` reads it.
    mutating func uuid() -> UUID? {
        // The 36 characters are checked one by one below, and none may be a quote or a backslash,
        // so the string is exactly them when the byte after them closes it.
        guard end - at >= 38, base[at] == 0x22, base[at + 37] == 0x22 else { return nil }
        let start = at + 1
        guard base[start + 8] == 0x2D, base[start + 13] == 0x2D, base[start + 18] == 0x2D, base[start + 23] == 0x2D else { return nil }
        // Nibbles are gathered without branching on each digit; any non-digit sets a high bit in `invalid`.
        var high: UInt64 = 0, low: UInt64 = 0, invalid: UInt8 = 0
        func gather(_ value: inout UInt64, _ range: Range<Int>) {
            for offset in range {
                let nibble = Self.nibble(base[start + offset])
                invalid |= nibble
                value = value << 4 | UInt64(nibble & 0x0F)
            }
        }
        gather(&high, 0..<8)
        gather(&high, 9..<13)
        gather(&high, 14..<18)
        gather(&low, 19..<23)
        gather(&low, 24..<36)
        guard invalid & 0xF0 == 0 else { return nil }
        at += 38
        func byte(_ value: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: value >> (56 - 8 * index)) }
        return UUID(uuid: (byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5), byte(high, 6), byte(high, 7),
                           byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3), byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)))
    }

    /// A hex digit's value, or 0xFF for any other byte.
    @inline(__always)
    static func nibble(_ byte: UInt8) -> UInt8 {
        let digit = byte &- 0x30
        if digit < 10 { return digit }
        let letter = (byte | 0x20) &- 0x61
        return letter < 6 ? letter + 10 : 0xFF
    }

    mutating func date() -> Date? {
        guard let (start, count) = plainString() else { return nil }
        return Timestamp.parse(utf8: UnsafeBufferPointer(start: base + start, count: count))
    }

    /// `+HH:MM` or `-HH:MM` with digits only; other forms `Timestamp.parseOffset` may take are left to it.
    mutating func utcOffset() -> Int? {
        guard let (start, count) = plainString(), count == 6, base[start + 3] == 0x3A else { return nil }
        let sign = base[start]
        guard sign == 0x2B || sign == 0x2D else { return nil }
        func digit(_ offset: Int) -> Int? {
            let value = base[start + offset] &- 0x30
            return value < 10 ? Int(value) : nil
        }
        guard let h1 = digit(1), let h2 = digit(2), let m1 = digit(4), let m2 = digit(5) else { return nil }
        let hours = h1 * 10 + h2, minutes = m1 * 10 + m2
        guard hours < 15, minutes < 60 else { return nil }
        return (sign == 0x2D ? -1 : 1) * (hours * 60 + minutes)
    }

    mutating func mode() -> JournalEvent.Mode? {
        value(of: modes)
    }
}

private let modes = RawValues<JournalEvent.Mode>()

extension EventKind {
    /// The kind whose wire name is the plain string here.
    init?(_ json: inout JSONBytes) {
        guard let (start, count) = json.plainString(), let index = Self.names.index(of: json.base + start, count: count) else { return nil }
        self.init(rawValue: index)
    }
}
