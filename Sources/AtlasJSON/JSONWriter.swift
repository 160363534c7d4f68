/// A streaming writer that appends compact JSON to a byte buffer, for paths where building a
/// `JSONValue` tree first would cost too much (incident records, list responses).
///
/// Commas are inserted automatically. The writer does not sort: callers write object keys in sorted
/// order themselves, which is what Atlas's serializer produces.
public struct JSONWriter: Sendable {
    /// The JSON written so far.
    public var bytes: [UInt8]
    private var needsComma = false

    /// An empty writer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Starts an object: `{`.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Ends an object: `}`.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Starts an array: `[`.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Ends an array: `]`.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key and its colon; the value follows with the next call.
    public mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        separate()
        Self.appendString(value, to: &bytes)
        needsComma = true
    }

    /// Writes a string value, or `null` for nil.
    public mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int) {
        separate()
        Self.appendInteger(value, to: &bytes)
        needsComma = true
    }

    /// Writes an integer value, or `null` for nil.
    public mutating func int(orNull value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// Writes a number; non-finite numbers, which JSON cannot carry, become `null`.
    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            if abs(value) < 1e15, let integral = Int(exactly: value) {
                Self.appendInteger(integral, to: &bytes)
                bytes.append(contentsOf: ".0".utf8)
            } else {
                bytes.append(contentsOf: value.description.utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// Writes an already-encoded JSON value as it is, e.g. a cached record.
    public mutating func raw(_ encoded: [UInt8]) {
        separate()
        bytes.append(contentsOf: encoded)
        needsComma = true
    }

    /// Writes a whole value, keys sorted at every level.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in JSONValue.sortedMembers(members) {
                key(name)
                self.value(member)
            }
            endObject()
        }
    }

    /// The JSON string literal for `text`, quotes included.
    public static func encodedString(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        appendString(text, to: &output)
        return output
    }

    /// Appends the JSON string literal for `text`: quotes, backslashes and control characters escaped,
    /// `/` and non-ASCII left as they are.
    public static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: copy them in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                ])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends the decimal digits of `value` without going through `String`.
    public static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            if value < 0 { output.append(UInt8(ascii: "-")) }
            output.append(contentsOf: buffer[(20 - count)...])
        }
    }
}

extension JSONValue {
    /// Compact JSON with keys sorted by their UTF-8 bytes at every level, as Atlas sends webhooks.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.bytes
    }

    /// `serialized()` as a string.
    public var compactText: String {
        String(decoding: serialized(), as: UTF8.self)
    }

    /// Indented JSON with sorted keys, for people and golden files.
    public func prettyPrinted(indent: Int = 2) -> String {
        var output: [UInt8] = []
        appendPretty(to: &output, level: 0, indent: indent)
        return String(decoding: output, as: UTF8.self)
    }

    private func appendPretty(to output: inout [UInt8], level: Int, indent: Int) {
        let pad = { (depth: Int) -> [UInt8] in [0x0A] + Array(repeating: 0x20, count: depth * indent) }
        switch self {
        case .array(let elements) where !elements.isEmpty:
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: pad(level + 1))
                element.appendPretty(to: &output, level: level + 1, indent: indent)
            }
            output.append(contentsOf: pad(level))
            output.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            output.append(UInt8(ascii: "{"))
            for (index, (name, member)) in Self.sortedMembers(members).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: pad(level + 1))
                JSONWriter.appendString(name, to: &output)
                output.append(contentsOf: ": ".utf8)
                member.appendPretty(to: &output, level: level + 1, indent: indent)
            }
            output.append(contentsOf: pad(level))
            output.append(UInt8(ascii: "}"))
        default:
            output.append(contentsOf: serialized())
        }
    }

    /// Object keys in the order Atlas's serializer writes them: by UTF-8 bytes.
    public static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
        members.keys.sorted(by: utf8Precedes)
    }

    /// An object's members in key order, so writers need no second lookup per key.
    static func sortedMembers(_ members: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        members.sorted { utf8Precedes($0.key, $1.key) }
    }

    /// Byte-wise order of the UTF-8 forms, read from contiguous storage: the generic
    /// `lexicographicallyPrecedes` over `UTF8View` was a visible share of every response's cost.
    static func utf8Precedes(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { a in
            right.withUTF8 { b in
                for index in 0..<min(a.count, b.count) where a[index] != b[index] {
                    return a[index] < b[index]
                }
                return a.count < b.count
            }
        }
    }
}
