import Foundation

/// Deliveries of one session under one content version pin the same snapshot, byte for byte, in
/// their `delivery-opened` line, and a region-year holds thousands of them. The first copy is
/// decoded; every later one with the same bytes shares its value (Swift's arrays and strings are
/// shared on copy), so a report holds one snapshot per session and version, not one per delivery.
///
/// Only bytes that once decoded are stored, and a hit needs every byte equal, so a shared value is
/// exactly what decoding those bytes again would give. The table is bounded: past `limit` distinct
/// snapshots (far more than any programme has sessions times versions) values are decoded as before.
final class PinnedInterner<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int: [(bytes: [UInt8], value: Value)]] = [:]
    private var stored = 0
    private let limit: Int

    init(limit: Int = 512) { self.limit = limit }

    /// Reads the value at `json`'s position with `decode`, sharing an earlier value decoded from the same bytes.
    func read(_ json: inout JSONBytes, _ decode: (inout JSONBytes) -> Value?) -> Value? {
        let start = json.at
        var probe = json
        guard probe.skipValue() else { return decode(&json) }
        let bytes = UnsafeBufferPointer(start: json.base + start, count: probe.at - start)
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let key = hasher.finalize()
        lock.lock()
        let hit = entries[key]?.first { $0.bytes.elementsEqual(bytes) }?.value
        lock.unlock()
        if let hit {
            json.at = probe.at
            return hit
        }
        guard let value = decode(&json), json.at == probe.at else { return nil }
        lock.lock()
        if stored < limit {
            entries[key, default: []].append((Array(bytes), value))
            stored += 1
        }
        lock.unlock()
        return value
    }
}

/// The interners of the pinned parts of `delivery-opened` (everything but the group's own codes)
/// and of the few role lists that ratings repeat.
enum PinnedParts {
    static let programmes = PinnedInterner<DeliveryOpened.ProgrammeRef>()
    static let sessions = PinnedInterner<DeliveryOpened.SessionSnapshot>()
    static let doses = PinnedInterner<DeliveryOpened.Dose>()
    static let scales = PinnedInterner<[DeliveryOpened.ScaleLevel]>()
    /// Who delivered a rated item: a handful of role lists (one role, two together) recur in every
    /// rating of every delivery.
    static let roleLists = PinnedInterner<[String]>()
}
