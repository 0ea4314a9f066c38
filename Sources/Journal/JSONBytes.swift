import Foundation

/// A strict reader of JSON over a line's bytes, for `FastLineDecoder`. It accepts only what
/// JSONDecoder accepts and reads it to the same values; anything else (and a few valid forms it
/// does not bother with, such as escaped keys or numbers with exponents) makes it answer nil, and
/// the caller then leaves the line to JSONDecoder, whose error messages users see.
struct JSONBytes {
    let base: UnsafePointer<UInt8>
    let end: Int
    var at: Int

    init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.end = count
        self.at = 0
    }

    // MARK: Structure

    mutating func skipSpace() {
        while at < end {
            switch base[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            default: return
            }
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard at < end, base[at] == byte else { return false }
        at += 1
        return true
    }

    /// Reads an object whose keys must all be among `names`, each at most once (JSONDecoder would
    /// ignore an unknown key, and which of two equal keys wins is its own business, so both are
    /// refused here). `member` reads the value of the key at the given index of `names`.
    @inline(__always)
    mutating func members(_ names: KeyNames, _ member: (inout JSONBytes, Int) -> Bool) -> Bool {
        skipSpace()
        guard take(0x7B) else { return false }
        skipSpace()
        if take(0x7D) { return true }
        var seen: UInt64 = 0
        var guess = names.first
        while true {
            skipSpace()
            guard let index = key(in: names, guess: guess), seen & (1 << index) == 0 else { return false }
            seen |= 1 << index
            guess = names.following[index]
            skipSpace()
            guard take(0x3A) else { return false }
            skipSpace()
            guard member(&self, index) else { return false }
            skipSpace()
            if take(0x2C) { continue }
            return take(0x7D)
        }
    }

    @inline(__always)
    mutating func elements(_ element: (inout JSONBytes) -> Bool) -> Bool {
        skipSpace()
        guard take(0x5B) else { return false }
        skipSpace()
        if take(0x5D) { return true }
        while true {
            skipSpace()
            guard element(&self) else { return false }
            skipSpace()
            if take(0x2C) { continue }
            return take(0x5D)
        }
    }

    /// The index in `names` of the key here, which must be written without escapes.
    mutating func key(in names: KeyNames, guess: Int) -> Int? {
        guard let (start, count) = plainString() else { return nil }
        return names.index(of: base + start, count: count, guess: guess)
    }

    /// Passes over one value without reading it, checking only enough to find its end. The value
    /// is read strictly afterwards, and the two must end at the same byte.
    mutating func skipValue() -> Bool {
        guard at < end else { return false }
        switch base[at] {
        case 0x22:
            return skipString()
        case 0x7B, 0x5B:
            var depth = 0
            while at < end {
                switch base[at] {
                case 0x22:
                    guard skipString() else { return false }
                    continue
                case 0x7B, 0x5B:
                    depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { at += 1; return true }
                default:
                    break
                }
                at += 1
            }
            return false
        default:
            let start = at
            while at < end {
                switch base[at] {
                case 0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D: return at > start
                default: at += 1
                }
            }
            return at > start
        }
    }

    private mutating func skipString() -> Bool {
        at += 1
        while at < end {
            switch base[at] {
            case 0x22: at += 1; return true
            case 0x5C: at += 2
            default: at += 1
            }
        }
        return false
    }

    // MARK: Scalars

    /// `null`, consumed if it is here.
    mutating func null() -> Bool {
        guard end - at >= 4, base[at] == 0x6E, base[at + 1] == 0x75, base[at + 2] == 0x6C, base[at + 3] == 0x6C else { return false }
        at += 4
        return true
    }

    mutating func bool() -> Bool? {
        if end - at >= 4, base[at] == 0x74, base[at + 1] == 0x72, base[at + 2] == 0x75, base[at + 3] == 0x65 {
            at += 4
            return true
        }
        if end - at >= 5, base[at] == 0x66, base[at + 1] == 0x61, base[at + 2] == 0x6C, base[at + 3] == 0x73, base[at + 4] == 0x65 {
            at += 5
            return false
        }
        return nil
    }

    /// An integer written plainly: no fraction, exponent or `-0`, and few enough digits that it
    /// cannot overflow. JSONDecoder reads such a number to the same Int.
    mutating func int() -> Int? {
        let negative = take(0x2D)
        guard at < end else { return nil }
        let first = base[at] &- 0x30
        guard first < 10, !(first == 0 && negative) else { return nil }
        var value = Int(first)
        at += 1
        var digits = 1
        while at < end {
            let digit = base[at] &- 0x30
            guard digit < 10 else { break }
            guard first != 0, digits < 18 else { return nil }
            value = value * 10 + Int(digit)
            digits += 1
            at += 1
        }
        if at < end, base[at] == 0x2E || base[at] == 0x65 || base[at] == 0x45 { return nil }
        return negative ? -value : value
    }

    /// A number with an optional fraction (no exponent), as a Double: what JSONValue holds.
    mutating func double() -> Double? {
        let start = at
        _ = take(0x2D)
        guard at < end, base[at] &- 0x30 < 10 else { return nil }
        let leadingZero = base[at] == 0x30
        at += 1
        while at < end, base[at] &- 0x30 < 10 {
            if leadingZero { return nil }
            at += 1
        }
        if take(0x2E) {
            let fraction = at
            while at < end, base[at] &- 0x30 < 10 { at += 1 }
            guard at > fraction else { return nil }
        }
        if at < end, base[at] == 0x65 || base[at] == 0x45 { return nil }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: at - start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    // MARK: Strings

    /// The bytes of a string written without escapes (keys, ids, times, enumerations).
    mutating func plainString() -> (start: Int, count: Int)? {
        guard take(0x22) else { return nil }
        let start = at
        while at < end {
            let byte = base[at]
            if byte == 0x22 {
                at += 1
                return (start, at - 1 - start)
            }
            guard byte >= 0x20, byte != 0x5C else { return nil }
            at += 1
        }
        return nil
    }

    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = at
        var ascii = true
        while at < end {
            let byte = base[at]
            if byte == 0x22 {
                at += 1
                let bytes = UnsafeBufferPointer(start: base + start, count: at - 1 - start)
                return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
            }
            if byte == 0x5C { return escapedString(from: start) }
            guard byte >= 0x20 else { return nil }
            if byte >= 0x80 { ascii = false }
            at += 1
        }
        return nil
    }

    /// The rest of a string that has escapes, from its first byte at `start`.
    private mutating func escapedString(from start: Int) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(at - start + 16)
        bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: at - start))
        while at < end {
            let byte = base[at]
            at += 1
            switch byte {
            case 0x22:
                return String(validating: bytes, as: UTF8.self)
            case 0x5C:
                guard at < end else { return nil }
                let escape = base[at]
                at += 1
                switch escape {
                case 0x22, 0x5C, 0x2F: bytes.append(escape)
                case 0x62: bytes.append(0x08)
                case 0x66: bytes.append(0x0C)
                case 0x6E: bytes.append(0x0A)
                case 0x72: bytes.append(0x0D)
                case 0x74: bytes.append(0x09)
                case 0x75:
                    guard let scalar = unicodeEscape() else { return nil }
                    bytes.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                bytes.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair written as two
    /// escapes. A lone surrogate is left to JSONDecoder.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let unit = hex4() else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard take(0x5C), take(0x75), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    private mutating func hex4() -> UInt32? {
        guard end - at >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(base[at]) else { return nil }
            value = value << 4 | UInt32(digit)
            at += 1
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }
}

/// The keys an object may have, matched against a key's bytes without making a String.
struct KeyNames: @unchecked Sendable {
    /// Each name's UTF-8 bytes: static strings' own, or a copy held by `storage` (never changed).
    private let names: [(start: UnsafePointer<UInt8>, count: Int)]
    private let storage: Storage?
    /// The name after each in byte order, and the first: lines are written with their keys
    /// sorted, so the key after the one just read is tried first.
    let following: [Int]
    let first: Int

    init(_ names: StaticString...) { self.init(names) }

    init(_ names: [StaticString]) {
        self.init(names.map { (UnsafePointer($0.utf8Start), $0.utf8CodeUnitCount) }, storage: nil)
    }

    /// The raw values of a string enum's cases, in the order of its cases: a Codable type's
    /// `CodingKeys`, or the values a field may take.
    init<Key: CaseIterable & RawRepresentable>(_ type: Key.Type) where Key.RawValue == String {
        let storage = Storage(Key.allCases.map(\.rawValue))
        self.init(storage.names, storage: storage)
    }

    private init(_ names: [(start: UnsafePointer<UInt8>, count: Int)], storage: Storage?) {
        precondition(names.count <= 64)
        self.names = names
        self.storage = storage
        let sorted = names.indices.sorted { a, b in
            UnsafeBufferPointer(start: names[a].start, count: names[a].count)
                .lexicographicallyPrecedes(UnsafeBufferPointer(start: names[b].start, count: names[b].count))
        }
        var following = [Int](repeating: 0, count: names.count)
        for (position, index) in sorted.enumerated() { following[index] = position + 1 < sorted.count ? sorted[position + 1] : sorted[0] }
        self.following = following
        self.first = sorted.first ?? 0
    }

    /// The bytes of names made at run time, kept as long as a KeyNames uses them.
    private final class Storage {
        let bytes: UnsafeMutablePointer<UInt8>
        let names: [(start: UnsafePointer<UInt8>, count: Int)]
        init(_ strings: [String]) {
            let utf8 = strings.map { Array($0.utf8) }
            bytes = .allocate(capacity: max(1, utf8.reduce(0) { $0 + $1.count }))
            var names: [(start: UnsafePointer<UInt8>, count: Int)] = []
            var offset = 0
            for name in utf8 {
                (bytes + offset).initialize(from: name, count: name.count)
                names.append((UnsafePointer(bytes + offset), name.count))
                offset += name.count
            }
            self.names = names
        }
        deinit { bytes.deallocate() }
    }

    var count: Int { names.count }

    func index(of bytes: UnsafePointer<UInt8>, count: Int, guess: Int = 0) -> Int? {
        if guess < names.count, Self.equal(names[guess], bytes, count) { return guess }
        for index in names.indices where Self.equal(names[index], bytes, count) { return index }
        return nil
    }

    @inline(__always)
    private static func equal(_ name: (start: UnsafePointer<UInt8>, count: Int), _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard name.count == count else { return false }
        let start = name.start
        var index = 0
        while index < count {
            if start[index] != bytes[index] { return false }
            index += 1
        }
        return true
    }
}

/// The values a string enum may take, for reading one from its bytes: its raw values and its
/// cases, in the same order.
struct RawValues<Value: CaseIterable & RawRepresentable & Sendable>: Sendable where Value.RawValue == String {
    let names: KeyNames
    let cases: [Value]
    init() { names = KeyNames(Value.self); cases = Array(Value.allCases) }
}

extension JSONBytes {
    /// One of the values, written as a plain string.
    mutating func value<Value>(of values: RawValues<Value>) -> Value? {
        guard let (start, count) = plainString(), let index = values.names.index(of: base + start, count: count) else { return nil }
        return values.cases[index]
    }
}
