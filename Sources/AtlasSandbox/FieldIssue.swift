public import AtlasJSON

/// One problem found in an input document, located by JSON path.
///
/// Descriptions read `$[3].eventTime: expected "yyyy-MM-dd HH:mm:ss", got "2023/04/01"`, so a user can
/// go straight to the value at fault.
public struct FieldIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where the faulty value is, e.g. `$[3].eventTime`.
    public var path: JSONPath
    /// What is wrong with it.
    public var problem: String

    /// Creates an issue at `path`.
    public init(path: JSONPath, problem: String) {
        self.path = path
        self.problem = problem
    }

    /// `<path>: <problem>`.
    public var description: String { "\(path): \(problem)" }
}

extension JSONValue {
    /// A short rendering of the value for error messages; long values are cut so a message stays a line.
    var quotedForMessage: String {
        let text = String(decoding: serialized(), as: UTF8.self)
        guard text.count > 80 else { return text }
        return String(text.prefix(77)) + "..."
    }
}
