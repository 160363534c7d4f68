public import AtlasJSON

/// A `${root.path}` reference inside a scenario string: a variable, a built-in value or an earlier step's result.
///
/// `root` names what is referred to; `path` walks into its JSON (`${fire1.payload.data.orderNo}`,
/// `${orders[0]}`). `$${` writes a literal `${`.
public struct ScenarioReference: Sendable, Hashable, CustomStringConvertible {
    /// The variable, built-in or step name before the first `.` or `[`.
    public var root: String
    /// The steps into the root's value.
    public var path: [JSONPath.Component]

    /// A reference to `root` followed by `path`.
    public init(root: String, path: [JSONPath.Component] = []) {
        self.root = root
        self.path = path
    }

    /// `${root.key[0]}` as written in files.
    public var description: String {
        var text = "${" + root
        for component in path {
            switch component {
            case .key(let key): text += "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text + "}"
    }

    /// The path below the root as a JSONPath, for looking values up and naming them in errors.
    var jsonPath: JSONPath { JSONPath(components: path) }

    /// Parses the inside of `${…}`: a name, then `.name` and `[digits]` steps.
    static func parse(inner text: String) -> ScenarioReference? {
        var bytes = Array(text.utf8)[...]
        guard let root = takeName(&bytes) else { return nil }
        var path: [JSONPath.Component] = []
        while let first = bytes.first {
            bytes.removeFirst()
            if first == UInt8(ascii: ".") {
                guard let key = takeName(&bytes) else { return nil }
                path.append(.key(key))
            } else if first == UInt8(ascii: "[") {
                let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
                guard !digits.isEmpty, digits.count < 10,
                    bytes.dropFirst(digits.count).first == UInt8(ascii: "]")
                else { return nil }
                path.append(.index(Int(String(decoding: digits, as: UTF8.self))!))
                bytes.removeFirst(digits.count + 1)
            } else {
                return nil
            }
        }
        return ScenarioReference(root: root, path: path)
    }

    private static func takeName(_ bytes: inout ArraySlice<UInt8>) -> String? {
        let name = bytes.prefix { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
        guard let first = name.first, !(first >= 0x30 && first <= 0x39) else { return nil }
        bytes.removeFirst(name.count)
        return String(decoding: name, as: UTF8.self)
    }
}
