public import AtlasJSON

/// Why an EVENT REQUEST was refused, naming the JSON path at fault:
/// `$.fields.voidStatus: expected integer 0…6, got 9`.
///
/// Nothing is recorded or sent when a request is refused.
public struct EventRequestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal, which decides the HTTP status the admin API answers with.
    public enum Kind: String, Sendable, Hashable {
        /// The request is malformed: wrong kind, unknown key, value out of range (HTTP 400).
        case invalid = "invalid-event"
        /// The client id names no client (HTTP 404).
        case unknownClient = "unknown-client"
        /// The order number names no order of the client (HTTP 404).
        case unknownOrder = "unknown-order"
        /// The event does not fit the order's state: cancelled order, void out of lifecycle (HTTP 400).
        case conflict = "state-conflict"
    }

    /// The kind of refusal.
    public var kind: Kind
    /// The JSON path at fault.
    public var path: JSONPath
    /// What was wrong.
    public var reason: String

    /// A refusal of `kind` at `path`.
    public init(_ kind: Kind, at path: JSONPath, _ reason: String) {
        self.kind = kind
        self.path = path
        self.reason = reason
    }

    /// A malformed-request refusal from a shape fault.
    public init(_ shape: JSONShapeError) {
        self.init(.invalid, at: shape.path, shape.reason)
    }

    /// The HTTP status the admin API should answer with: 404 for unknown client or order, else 400.
    public var httpStatus: Int {
        kind == .unknownClient || kind == .unknownOrder ? 404 : 400
    }

    /// "$.fields.voidStatus: expected integer 0…6, got 9".
    public var description: String { "\(path): \(reason)" }

    /// The admin API's error body: `{"error": kind, "message": description}`.
    public func json() -> JSONValue {
        ["error": .string(kind.rawValue), "message": .string(description)]
    }
}
