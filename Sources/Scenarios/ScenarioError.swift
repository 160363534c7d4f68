public import AtlasJSON

/// A fault in a scenario file or override, naming the file, the JSON path and the reason.
///
/// Printed as `scenarios/void.json: $.steps[2].fire.fields.voidStatus: expected 0…6, got 9`, the form
/// the CLI writes to stderr and editors can jump to.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or embedded name) the fault is in.
    public var file: String
    /// Where in the document; nil when the fault is about the whole file (unreadable, not JSON).
    public var path: JSONPath?
    /// What was wrong, e.g. "expected 0…6, got 9".
    public var reason: String

    /// A fault in `file` at `path` described by `reason`.
    public init(file: String, path: JSONPath?, reason: String) {
        self.file = file
        self.path = path
        self.reason = Self.oneLine(reason)
    }

    /// A shape fault from AtlasJSON placed in `file`.
    public init(file: String, _ shape: JSONShapeError) {
        self.init(file: file, path: shape.path, reason: shape.reason)
    }

    /// `text` with control characters written as JSON-style escapes (`\n`, `\u0001`).
    ///
    /// Reasons quote the file's own strings (names, types, references); a raw line break there split
    /// one fault over two lines, the second not starting with the file, and could forge a fault line.
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0..<0x20, 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// "file: $.path: reason", or "file: reason" without a path.
    public var description: String {
        if let path { return "\(file): \(path): \(reason)" }
        return "\(file): \(reason)"
    }
}
