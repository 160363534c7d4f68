/// Where a value sits inside a document, printed the way error messages show it: `$.steps[2].type`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down into a document.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// The steps from the root, outermost first.
    public private(set) var components: [Component]

    /// The document itself, `$`.
    public static let root = JSONPath(components: [])

    /// A path made of the given steps.
    public init(components: [Component]) {
        self.components = components
    }

    /// This path followed by the object member `key`.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// This path followed by the array element at `index`.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    /// `$`, then `.name` for plain keys, `["odd key"]` for others, `[n]` for indexes.
    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if !key.isEmpty, key.utf8.allSatisfy(Self.isPlainKeyByte) {
                    text += "." + key
                } else {
                    text += "[" + String(decoding: JSONWriter.encodedString(key), as: UTF8.self) + "]"
                }
            }
        }
        return text
    }

    private static func isPlainKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2D
    }
}

extension JSONValue {
    /// The value at `path`, or nil when a step does not exist.
    public subscript(path path: JSONPath) -> JSONValue? {
        var current: JSONValue = self
        for component in path.components {
            switch (component, current) {
            case (.key(let key), .object(let members)):
                guard let next = members[key] else { return nil }
                current = next
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
