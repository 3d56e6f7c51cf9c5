import Foundation

/// A compact binary form for values kept on disk between builds (the build cache): integers
/// as LEB128 varints (zigzag for signed ones, so small numbers take one byte), hashes and
/// doubles as 8 little-endian bytes, text as length-prefixed UTF-8, written and read field by field. Much
/// faster than JSON for tens of thousands of records, and a damaged file is an error, never a crash.
protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// The file the values being written come from: locations in it are written without
    /// repeating its path.
    var currentFile = ""

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    /// Empties the writer for the next value, keeping its memory.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    mutating func write(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }
    mutating func write(_ number: Int) {
        var value = UInt64(bitPattern: Int64(number) << 1 ^ Int64(number) >> 63) // zigzag
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
    mutating func write(_ number: Double) { write(number.bitPattern) }
    mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }
    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }
    mutating func write(_ value: some BinaryCodable) { value.encode(to: &self) }
    mutating func write<Value: BinaryCodable>(_ value: Value?) {
        write(value != nil)
        if let value { value.encode(to: &self) }
    }
    mutating func write<Value: BinaryCodable>(_ values: [Value]) {
        write(values.count)
        for value in values { value.encode(to: &self) }
    }
    mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }
}

struct BinaryReader {
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset = 0
    /// See `BinaryWriter.currentFile`.
    var currentFile = ""

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }
    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) // zigzag
    }
    mutating func double() throws -> Double { Double(bitPattern: try uint64()) }
    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Damaged() }
        return count
    }
    mutating func string() throws -> String {
        let count = try count()
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<offset + count]), as: UTF8.self) }
        offset += count
        return text
    }
    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }
    mutating func strings() throws -> [String] { try (0..<count()).map { _ in try string() } }
    mutating func read<Value: BinaryCodable>(_: Value.Type = Value.self) throws -> Value { try Value(from: &self) }
    mutating func optional<Value: BinaryCodable>(_: Value.Type = Value.self) throws -> Value? { try bool() ? try Value(from: &self) : nil }
    mutating func array<Value: BinaryCodable>(of _: Value.Type = Value.self) throws -> [Value] {
        try (0..<count()).map { _ in try Value(from: &self) }
    }
}
