import Foundation

/// Events to and from journal lines: one JSON object per line, keys sorted, no line breaks inside.
public enum LineCodec {
    public struct DecodeError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a time in the form YYYY-MM-DDTHH:MM:SS.mmmZ")
            }
            return date
        }
        return decoder
    }

    /// The line for an event, without its final newline.
    public static func encode(_ event: JournalEvent) throws -> Data {
        try encoder().encode(event)
    }

    public static func decode(_ line: Data) -> Result<JournalEvent, DecodeError> {
        if let event = line.withUnsafeBytes(FastLineDecoder.decode) { return .success(event) }
        return decodeWithFoundation(line)
    }

    /// JSONDecoder's reading, and the only source of the messages for lines that cannot be read.
    static func decodeWithFoundation(_ line: Data) -> Result<JournalEvent, DecodeError> {
        // JSONDecoder keeps one of two equal keys, and jq the other: such a line says two things.
        let walk = KeyWalk(line)
        if let repeated = walk.repeated {
            return .failure(DecodeError(description: "the key `\(repeated.key)` appears twice in \(repeated.path.isEmpty ? "the event" : "`\(repeated.path)`") (column \(repeated.column))"))
        }
        if walk.tooDeep {
            return .failure(DecodeError(description: "objects and lists are nested more than \(KeyWalk.maximumDepth) deep"))
        }
        do {
            let event = try decoder().decode(JournalEvent.self, from: line)
            // Every whole number is checked where the line is read, so nothing after the reader
            // meets a number it could overflow on (a seq of Int.max, minutes of 2^62).
            if let problem = event.outOfRange() { return .failure(DecodeError(description: problem)) }
            return .success(event)
        } catch let error as DecodingError {
            // JSONDecoder calls a number too long for any whole number plain invalid JSON: say which.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let number = tooLongNumber(in: line) {
                return .failure(DecodeError(description: number))
            }
            return .failure(DecodeError(description: describe(error)))
        } catch let error as DecodeError {
            return .failure(error)
        } catch {
            return .failure(DecodeError(description: "not a JSON object"))
        }
    }

    /// The first key repeated within one object, at any depth: the key as read (escapes undone),
    /// the path of the object holding it, and the column of its second occurrence (1-based, in
    /// Unicode scalars, as diagnostics count). Nil when no key repeats, or when the line is not
    /// JSON at all (JSONDecoder then says why).
    public static func repeatedKey(in line: Data) -> (key: String, path: String, column: Int)? {
        KeyWalk(line).repeated
    }

    /// A walk over a line's JSON that reads keys (with escapes) and passes over everything else,
    /// looking for a key repeated within one object.
    struct KeyWalk {
        /// Deeper than any journal line, and no deeper than JSONDecoder reads: the walk refuses what
        /// it cannot look into, so no repeat hides below it, and a hostile line cannot exhaust the stack.
        static let maximumDepth = 512

        var repeated: (key: String, path: String, column: Int)?
        var tooDeep = false

        init(_ line: Data) {
            var found: (key: String, path: String, offset: Int)?
            var tooDeep = false
            line.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
                var json = JSONBytes(base, count: buffer.count)
                _ = Self.value(&json, path: "", depth: 0, found: &found, tooDeep: &tooDeep)
                guard let found else { return }
                // Continuation bytes of UTF-8 do not start a scalar.
                var column = 1
                for index in 0..<found.offset where base[index] & 0xC0 != 0x80 { column += 1 }
                repeated = (found.key, found.path, column)
            }
            self.tooDeep = tooDeep
        }

        /// Whether the value was walked to its end without finding a repeated key.
        static func value(_ json: inout JSONBytes, path: String, depth: Int,
                          found: inout (key: String, path: String, offset: Int)?, tooDeep: inout Bool) -> Bool {
            json.skipSpace()
            guard json.at < json.end else { return false }
            let byte = json.base[json.at]
            if byte == 0x7B || byte == 0x5B, depth >= maximumDepth {
                tooDeep = true
                return false
            }
            switch byte {
            case 0x7B:
                json.at += 1
                var keys: Set<String> = []
                json.skipSpace()
                if json.take(0x7D) { return true }
                while true {
                    json.skipSpace()
                    let offset = json.at
                    guard let key = json.string() else { return false }
                    guard keys.insert(key).inserted else {
                        found = (key, path, offset)
                        return false
                    }
                    json.skipSpace()
                    guard json.take(0x3A),
                          value(&json, path: path.isEmpty ? key : path + "." + key, depth: depth + 1, found: &found, tooDeep: &tooDeep)
                    else { return false }
                    json.skipSpace()
                    if json.take(0x2C) { continue }
                    return json.take(0x7D)
                }
            case 0x5B:
                json.at += 1
                json.skipSpace()
                if json.take(0x5D) { return true }
                var index = 0
                while true {
                    guard value(&json, path: "\(path)[\(index)]", depth: depth + 1, found: &found, tooDeep: &tooDeep) else { return false }
                    index += 1
                    json.skipSpace()
                    if json.take(0x2C) { continue }
                    return json.take(0x5D)
                }
            default:
                return json.skipValue()
            }
        }
    }

    /// A number of more digits than any whole number holds, with its key when it has one.
    static func tooLongNumber(in line: Data) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        guard let number = text.range(of: #"(?<![0-9.eE])-?[0-9]{19,}(?![0-9.eE])"#, options: .regularExpression) else { return nil }
        let digits = text[number]
        let shown = digits.count > 40 ? digits.prefix(40) + "…" : digits
        let before = text[..<number.lowerBound]
        if let key = before.range(of: #""([a-z_]+)"\s*:\s*$"#, options: .regularExpression) {
            let name = before[key].split(separator: "\"")[0]
            return "field `\(name)` is \(shown), a number too large for any field of a journal"
        }
        return "the number \(shown) is too large for any field of a journal"
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath)
            return "missing field `\(place.isEmpty ? key.stringValue : place + "." + key.stringValue)`"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "field `\(path(context.codingPath))` should be \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not valid JSON" }
            return "field `\(path(context.codingPath))`: \(context.debugDescription)"
        @unknown default:
            return "not a journal event"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of another kind"
        }
    }
}

extension JournalEvent: Codable {
    enum CodingKeys: String, CodingKey {
        case schema, seq, id, time, utcOffset = "utc_offset", delivery, mode, actor, type, previous = "prev", data
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(seq, forKey: .seq)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(time, forKey: .time)
        try container.encode(Timestamp.offset(minutes: utcOffsetMinutes), forKey: .utcOffset)
        try container.encode(delivery, forKey: .delivery)
        try container.encode(mode, forKey: .mode)
        try container.encode(actor, forKey: .actor)
        try container.encode(type, forKey: .type)
        try container.encode(previous, forKey: .previous)
        try container.encode(body.data, forKey: .data)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try container.decode(Int.self, forKey: .schema)
        if schema > JournalEvent.schemaVersion {
            throw LineCodec.DecodeError(description: "written by a newer iwotch (journal schema \(schema); this one reads \(JournalEvent.schemaVersion))")
        }
        seq = try container.decode(Int.self, forKey: .seq)
        let idText = try container.decode(String.self, forKey: .id)
        guard let uuid = UUID(uuidString: idText) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "\"\(idText)\" is not a UUID")
        }
        id = uuid
        time = try container.decode(Date.self, forKey: .time)
        let offsetText = try container.decode(String.self, forKey: .utcOffset)
        guard let offset = Timestamp.parseOffset(offsetText) else {
            throw DecodingError.dataCorruptedError(forKey: .utcOffset, in: container, debugDescription: "\"\(offsetText)\" is not an offset like +01:00")
        }
        utcOffsetMinutes = offset
        delivery = try container.decode(String.self, forKey: .delivery)
        mode = try container.decode(Mode.self, forKey: .mode)
        actor = try container.decode(String.self, forKey: .actor)
        previous = try container.decodeIfPresent(String.self, forKey: .previous)
        let type = try container.decode(String.self, forKey: .type)
        guard let kind = EventKind(name: type) else {
            throw LineCodec.DecodeError(description: "unknown event type `\(type)`")
        }
        body = try kind.row.decode(container)
    }
}
