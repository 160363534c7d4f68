public import AtlasJSON

/// Why an orders fixture file was refused: the file, the JSON path (or line and column) and the reason.
public struct OrderFixtureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other source) that was read, e.g. `fixtures/orders.json`.
    public var source: String
    /// Where in the document the fault sits; nil when the file is not JSON at all.
    public var path: JSONPath?
    /// What was wrong, including the line and column for syntax faults.
    public var reason: String

    /// A fault in `source` at `path`.
    public init(source: String, path: JSONPath?, reason: String) {
        self.source = source
        self.path = path
        self.reason = reason
    }

    /// "fixtures/orders.json: $.sandbox[0].segments[1].depTime: expected yyyy-MM-dd HH:mm:ss, got …".
    public var description: String {
        if let path { return "\(source): \(path): \(reason)" }
        return "\(source): \(reason)"
    }
}
