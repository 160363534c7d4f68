/// Ordered header fields that keep the sender's spelling and duplicates.
///
/// A dictionary would merge duplicates silently; a mock must be able to show exactly what a client
/// sent, so fields are kept as an ordered list and looked up by ASCII case-insensitive name.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, Equatable,
    CustomStringConvertible
{
    /// One header field as received or to be sent.
    public typealias Element = (name: String, value: String)

    private var fields: [Element]

    /// Creates an empty header list.
    public init() {
        fields = []
    }

    /// Creates headers from ordered `(name, value)` pairs.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// Creates headers from a literal; order is the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// Number of fields, counting duplicates.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.makeIterator()
    }

    /// The first value for `name` (ASCII case-insensitive), or nil.
    public subscript(name: String) -> String? {
        for field in fields where asciiCaseInsensitiveEquals(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value for `name` (ASCII case-insensitive), in order.
    public func values(for name: String) -> [String] {
        fields.compactMap { asciiCaseInsensitiveEquals($0.name, name) ? $0.value : nil }
    }

    /// Whether at least one field is called `name` (ASCII case-insensitive).
    public func contains(name: String) -> Bool {
        fields.contains { asciiCaseInsensitiveEquals($0.name, name) }
    }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces the first field called `name` and removes the others, or appends one.
    public mutating func replaceOrAdd(name: String, value: String) {
        if let index = fields.firstIndex(where: { asciiCaseInsensitiveEquals($0.name, name) }) {
            fields[index].value = value
            var position = fields.index(after: index)
            while position < fields.endIndex {
                if asciiCaseInsensitiveEquals(fields[position].name, name) {
                    fields.remove(at: position)
                } else {
                    position = fields.index(after: position)
                }
            }
        } else {
            add(name: name, value: value)
        }
    }

    /// Removes every field called `name` (ASCII case-insensitive).
    public mutating func remove(name: String) {
        fields.removeAll { asciiCaseInsensitiveEquals($0.name, name) }
    }

    /// Whether any field called `name` holds `token` in its comma-separated list (case-insensitive),
    /// as for `Connection: keep-alive, Upgrade`.
    public func containsToken(_ token: String, in name: String) -> Bool {
        for value in values(for: name) {
            for element in value.utf8.split(separator: UInt8(ascii: ",")) {
                let trimmed = trimmingOWS(element)
                if asciiCaseInsensitiveEquals(trimmed, token.utf8) { return true }
            }
        }
        return false
    }

    /// Compares field lists exactly: same order, names and values.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// The fields as `name: value` lines, for debugging.
    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }
}

/// Lower-cases one ASCII letter; other bytes pass through (names are validated as ASCII tokens).
@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
}

/// ASCII case-insensitive equality; avoids `lowercased()`, which is Unicode-aware and allocates.
func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
    asciiCaseInsensitiveEquals(lhs.utf8, rhs.utf8)
}

/// ASCII case-insensitive equality of two byte collections.
func asciiCaseInsensitiveEquals<L: Collection<UInt8>, R: Collection<UInt8>>(_ lhs: L, _ rhs: R) -> Bool {
    guard lhs.count == rhs.count else { return false }
    return zip(lhs, rhs).allSatisfy { asciiLower($0) == asciiLower($1) }
}

/// Drops optional whitespace (SP / HTAB) from both ends of a byte slice.
func trimmingOWS<C: BidirectionalCollection<UInt8>>(_ bytes: C) -> C.SubSequence {
    var slice = bytes[...]
    while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
    while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
    return slice
}
