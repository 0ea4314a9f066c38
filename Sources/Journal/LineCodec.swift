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
