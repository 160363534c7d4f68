public import AtlasJSON

/// Builds the EVENT REQUEST `atlas-mock trigger` sends, from command-line words.
public struct EventTrigger: Sendable {
    /// The webhook type, e.g. `order.schedulechange`.
    public var type: String
    /// The client (default `sandbox`).
    public var clientId = "sandbox"
    /// The order, or nil for the client's first suitable one.
    public var orderNo: String?
    /// Type-specific fields as `NAME=VALUE`; a VALUE that parses as JSON is taken as JSON, else as a string.
    public var fields: [String] = []
    /// The `drop` fault.
    public var drop = false
    /// The `duplicate` fault: copies in all.
    public var duplicate: Int?
    /// The `delayMs` fault.
    public var delayMilliseconds: Int?
    /// Whether to wait for the delivery outcome.
    public var wait = true

    /// A trigger for `type` with no options.
    public init(type: String) {
        self.type = type
    }

    /// The EVENT REQUEST document, or a usage error naming the bad `--field`.
    public func eventRequest() throws(UsageError) -> JSONValue {
        var event: [String: JSONValue] = [
            "clientId": .string(clientId), "type": .string(type), "wait": .bool(wait),
        ]
        if let orderNo { event["orderNo"] = .string(orderNo) }
        var members: [String: JSONValue] = [:]
        for field in fields {
            guard let equals = field.firstIndex(of: "="), equals != field.startIndex else {
                throw UsageError("invalid value '\(field)' for '--field': expected NAME=VALUE")
            }
            let name = String(field[..<equals])
            let text = String(field[field.index(after: equals)...])
            guard members[name] == nil else { throw UsageError("'--field \(name)' given more than once") }
            members[name] = (try? JSONValue.parse(text)) ?? .string(text)
        }
        if !members.isEmpty { event["fields"] = .object(members) }
        var faults: [String: JSONValue] = [:]
        if drop { faults["drop"] = true }
        if let duplicate { faults["duplicate"] = .int(duplicate) }
        if let delayMilliseconds { faults["delayMs"] = .int(delayMilliseconds) }
        if !faults.isEmpty { event["faults"] = .object(faults) }
        return .object(event)
    }

    /// Whether the fire response means the webhook reached the receiver with a 2xx.
    public static func delivered(_ response: JSONValue) -> Bool {
        response["outcome"]?.stringValue == "delivered"
    }
}
