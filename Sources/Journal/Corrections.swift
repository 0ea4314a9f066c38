import Foundation

/// Applies correction events to copies of the events they refer to. A correction names a field of
/// the earlier event's data and its new value; the journal keeps the original line untouched.
enum Corrections {
    struct Result {
        var events: [JournalEvent]
        var applied: [DeliveryState.AppliedCorrection]
    }

    static func apply(to events: [JournalEvent]) -> Result {
        var byTarget: [UUID: [(Correction, JournalEvent)]] = [:]
        for event in events {
            if case .correction(let correction) = event.body { byTarget[correction.refersTo, default: []].append((correction, event)) }
        }
        guard !byTarget.isEmpty else { return Result(events: events, applied: []) }
        var applied: [DeliveryState.AppliedCorrection] = []
        var corrected = events
        for index in corrected.indices {
            guard let list = byTarget[corrected[index].id] else { continue }
            let original = corrected[index].id
            for (correction, carrier) in list {
                if let patched = patch(corrected[index], field: correction.field, value: correction.new) {
                    corrected[index] = patched
                    applied.append(.init(event: original, correction: correction, actor: carrier.actor, at: carrier.time))
                }
            }
        }
        return Result(events: corrected, applied: applied)
    }

    /// The event with one field of its data replaced, or nil when the field does not exist there.
    static func patch(_ event: JournalEvent, field: String, value: JSONValue) -> JournalEvent? {
        guard let line = try? LineCodec.encode(event),
              var object = try? JSONDecoder().decode([String: JSONValue].self, from: line),
              case .object(var data)? = object["data"], data[field] != nil || isOptionalField(field, of: event.type) else { return nil }
        data[field] = value
        object["data"] = .object(data)
        guard let patched = try? LineCodec.encoder().encode(object),
              case .success(let result) = LineCodec.decode(patched) else { return nil }
        return result
    }

    /// Optional fields of each event type: absent from the original, they can still be corrected.
    static func isOptionalField(_ field: String, of type: String) -> Bool {
        EventKind(name: type)?.correctableWhenAbsent.contains(field) ?? false
    }

    /// Whether a correction's field can be applied to the event it refers to.
    static func canApply(_ correction: Correction, to event: JournalEvent) -> Bool {
        patch(event, field: correction.field, value: correction.new) != nil
    }
}
