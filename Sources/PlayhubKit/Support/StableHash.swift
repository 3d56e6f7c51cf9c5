/// A 64-bit FNV-1a hash that is the same in every process and on every machine, for
/// fingerprints kept on disk between builds (Swift's `Hasher` is seeded per process).
/// Strings and byte runs are length-prefixed, so `("ab", "c")` and `("a", "bc")` differ.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        combine(bytes.count)
        var h = value
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        value = h
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ number: UInt64) {
        var h = value
        for shift in stride(from: 0, to: 64, by: 8) { h = (h ^ ((number >> UInt64(shift)) & 0xff)) &* 0x0000_0100_0000_01b3 }
        value = h
    }

    mutating func combine(_ flag: Bool) { combine(flag ? 1 : 0) }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ text: String?) {
        combine(text != nil)
        if let text { combine(text) }
    }

    mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    mutating func combine(_ data: [UInt8]) { data.withUnsafeBytes { combine(bytes: $0) } }
}
