import Foundation

/// The `data` of each event type, read by `FastLineDecoder` with the keys and types the Codable
/// conformances in EventBody.swift and SupervisorReview.swift declare (`EventKind.row` names each
/// type's reader). Optional fields may be absent or null, as `decodeIfPresent` allows; every other
/// field must be there. Each body's keys are its `CodingKeys`, in their order: a reader's member
/// indices follow it.
private extension KeyNames {
    static let empty = KeyNames()
    static let participantEnrolled = KeyNames(ParticipantEnrolled.CodingKeys.self)
    static let attendanceMarked = KeyNames(AttendanceMarked.CodingKeys.self)
    static let activityRef = KeyNames(ActivityRef.CodingKeys.self)
    static let stepShown = KeyNames(StepShown.CodingKeys.self)
    static let fidelityRated = KeyNames(FidelityRated.CodingKeys.self)
    static let adaptation = KeyNames(FidelityRated.Adaptation.CodingKeys.self)
    static let noteAdded = KeyNames(NoteAdded.CodingKeys.self)
    static let consoleResumed = KeyNames(ConsoleResumed.CodingKeys.self)
    static let correction = KeyNames(Correction.CodingKeys.self)
    static let damageFound = KeyNames(DamageFound.CodingKeys.self)
    static let damagePin = KeyNames(DamageFound.Pin.CodingKeys.self)
}

private let attendanceStatuses = RawValues<AttendanceMarked.Status>()
private let timings = RawValues<FidelityRated.Adaptation.Timing>()

extension JSONBytes {
    mutating func emptyObject() -> Bool {
        members(.empty) { _, _ in false }
    }

    mutating func strings() -> [String]? {
        var values: [String] = []
        guard elements({ json in
            guard let value = json.string() else { return false }
            values.append(value)
            return true
        }) else { return nil }
        return values
    }

    mutating func ints() -> [Int]? {
        var values: [Int] = []
        guard elements({ json in
            guard let value = json.int() else { return false }
            values.append(value)
            return true
        }) else { return nil }
        return values
    }

    /// Reads an optional field's value: nil for null, `.some(nil)` when the value cannot be read.
    mutating func optional<T>(_ read: (inout JSONBytes) -> T?) -> T?? {
        if null() { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    mutating func participantEnrolled() -> ParticipantEnrolled? {
        var participant: String?, walkIn: Bool?
        guard members(.participantEnrolled, { json, index in
            switch index {
            case 0: participant = json.string(); return participant != nil
            default: walkIn = json.bool(); return walkIn != nil
            }
        }), let participant, let walkIn else { return nil }
        return ParticipantEnrolled(participant: participant, walkIn: walkIn)
    }

    mutating func attendanceMarked() -> AttendanceMarked? {
        var participant: String?, status: AttendanceMarked.Status?, arrivedAt: Date?, leftAt: Date?, notified: Bool?
        var outcome: AttendanceMarked.Outcome?
        guard members(.attendanceMarked, { json, index in
            switch index {
            case 0: participant = json.string(); return participant != nil
            case 1: status = json.attendanceStatus(); return status != nil
            case 2: guard let value = json.optional({ $0.date() }) else { return false }; arrivedAt = value; return true
            case 3: guard let value = json.optional({ $0.date() }) else { return false }; leftAt = value; return true
            case 4: guard let value = json.optional({ $0.bool() }) else { return false }; notified = value; return true
            default:
                guard let value = json.optional({ $0.string().flatMap(AttendanceMarked.Outcome.init(rawValue:)) }) else { return false }
                outcome = value; return true
            }
        }), let participant, let status else { return nil }
        return AttendanceMarked(participant: participant, status: status, arrivedAt: arrivedAt, leftAt: leftAt, notified: notified,
                                outcome: outcome)
    }

    mutating func attendanceStatus() -> AttendanceMarked.Status? {
        value(of: attendanceStatuses)
    }

    mutating func activityRef() -> ActivityRef? {
        var activity: String?
        guard members(.activityRef, { json, _ in activity = json.string(); return activity != nil }), let activity else { return nil }
        return ActivityRef(activity: activity)
    }

    mutating func stepShown() -> StepShown? {
        var activity: String?, step: Int?
        guard members(.stepShown, { json, index in
            switch index {
            case 0: activity = json.string(); return activity != nil
            default: step = json.int(); return step != nil
            }
        }), let activity, let step else { return nil }
        return StepShown(activity: activity, step: step)
    }

    mutating func fidelityRated() -> FidelityRated? {
        var activity: String?, item: String?, level: String?, deliveredBy: [String]?, adaptation: FidelityRated.Adaptation?, replaces: UUID?
        guard members(.fidelityRated, { json, index in
            switch index {
            case 0: activity = json.string(); return activity != nil
            case 1: item = json.string(); return item != nil
            case 2: level = json.string(); return level != nil
            case 3: deliveredBy = PinnedParts.roleLists.read(&json) { $0.strings() }; return deliveredBy != nil
            case 4: guard let value = json.optional({ $0.adaptation() }) else { return false }; adaptation = value; return true
            default: guard let value = json.optional({ $0.uuid() }) else { return false }; replaces = value; return true
            }
        }), let activity, let item, let level, let deliveredBy else { return nil }
        return FidelityRated(activity: activity, item: item, level: level, deliveredBy: deliveredBy, adaptation: adaptation, replaces: replaces)
    }

    mutating func adaptation() -> FidelityRated.Adaptation? {
        var timing: FidelityRated.Adaptation.Timing?, consistent: Bool?, reason: String?
        guard members(.adaptation, { json, index in
            switch index {
            case 0: timing = json.value(of: timings); return timing != nil
            case 1: consistent = json.bool(); return consistent != nil
            default: reason = json.string(); return reason != nil
            }
        }), let timing, let consistent, let reason else { return nil }
        return FidelityRated.Adaptation(timing: timing, fidelityConsistent: consistent, reason: reason)
    }

    mutating func consoleResumed() -> ConsoleResumed? {
        var lastEventAt: Date?, gapSeconds: Int?
        guard members(.consoleResumed, { json, index in
            switch index {
            case 0: lastEventAt = json.date(); return lastEventAt != nil
            default: gapSeconds = json.int(); return gapSeconds != nil
            }
        }), let lastEventAt, let gapSeconds else { return nil }
        return ConsoleResumed(lastEventAt: lastEventAt, gapSeconds: gapSeconds)
    }

    mutating func noteAdded() -> NoteAdded? {
        var text: String?, activity: String?
        guard members(.noteAdded, { json, index in
            switch index {
            case 0: text = json.string(); return text != nil
            default: guard let value = json.optional({ $0.string() }) else { return false }; activity = value; return true
            }
        }), let text else { return nil }
        return NoteAdded(text: text, activity: activity)
    }

    mutating func correction() -> Correction? {
        var refersTo: UUID?, field: String?, old: JSONValue?, new: JSONValue?, reason: String?
        guard members(.correction, { json, index in
            switch index {
            case 0: refersTo = json.uuid(); return refersTo != nil
            case 1: field = json.string(); return field != nil
            case 2: old = json.jsonValue(depth: 0); return old != nil
            case 3: new = json.jsonValue(depth: 0); return new != nil
            default: reason = json.string(); return reason != nil
            }
        }), let refersTo, let field, let old, let new, let reason else { return nil }
        return Correction(refersTo: refersTo, field: field, old: old, new: new, reason: reason)
    }

    /// Any value, as `JSONValue.init(from:)` reads it.
    mutating func jsonValue(depth: Int) -> JSONValue? {
        guard depth < 64, at < end else { return nil }
        switch base[at] {
        case 0x6E: return null() ? .null : nil
        case 0x74, 0x66: return bool().map { .bool($0) }
        case 0x22: return string().map { .string($0) }
        case 0x5B:
            var values: [JSONValue] = []
            guard elements({ json in
                guard let value = json.jsonValue(depth: depth + 1) else { return false }
                values.append(value)
                return true
            }) else { return nil }
            return .array(values)
        case 0x7B:
            return jsonObject(depth: depth)
        default:
            return double().map { .number($0) }
        }
    }

    private mutating func jsonObject(depth: Int) -> JSONValue? {
        guard take(0x7B) else { return nil }
        var members: [String: JSONValue] = [:]
        skipSpace()
        if take(0x7D) { return .object(members) }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(0x3A) else { return nil }
            skipSpace()
            guard let value = jsonValue(depth: depth + 1), members.updateValue(value, forKey: key) == nil else { return nil }
            skipSpace()
            if take(0x2C) { continue }
            return take(0x7D) ? .object(members) : nil
        }
    }

    mutating func damageFound() -> DamageFound? {
        var lines: [Int]?, description: String?, before: [DamageFound.Pin]?
        guard members(.damageFound, { json, index in
            switch index {
            case 0: lines = json.ints(); return lines != nil
            case 1: description = json.string(); return description != nil
            default:
                if json.null() { return true }
                var pins: [DamageFound.Pin] = []
                guard json.elements({ json in
                    var line: Int?, hash: String?
                    guard json.members(.damagePin, { json, index in
                        switch index {
                        case 0: line = json.int(); return line != nil
                        default: hash = json.string(); return hash != nil
                        }
                    }), let line, let hash else { return false }
                    pins.append(DamageFound.Pin(line: line, hash: hash))
                    return true
                }) else { return false }
                before = pins
                return true
            }
        }), let lines, let description else { return nil }
        return DamageFound(lines: lines, description: description, before: before)
    }
}
