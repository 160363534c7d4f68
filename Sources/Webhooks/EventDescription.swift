public import AtlasJSON

/// One request field of an event type, as `fields` of an EVENT REQUEST takes it.
public struct EventField: Sendable, Hashable {
    /// The key under `fields`.
    public let name: String
    /// The accepted values, e.g. `integer 0…6` or `"FULLY" | "CANCELLED"`.
    public let accepts: String
    /// The value used when the key is absent; nil when the field is required.
    public let defaultValue: String?
    /// What it does.
    public let summary: String
}

/// One event type: what it announces, what firing it does to the mock's state, and its fields.
public struct EventDescription: Sendable, Hashable {
    /// The type.
    public let type: WebhookType
    /// What Atlas announces with it.
    public let summary: String
    /// What firing it changes in the mock.
    public let effect: String
    /// The `fields` it takes.
    public let fields: [EventField]

    /// `{"type", "summary", "effect", "incident", "notificationId", "status", "fields": [...]}`.
    public func json() -> JSONValue {
        [
            "type": .string(type.rawValue), "summary": .string(summary), "effect": .string(effect),
            "incident": .bool(type.isIncident), "notificationId": .bool(type.carriesNotificationId),
            "status": .int(type.envelopeStatus),
            "fields": .array(
                fields.map {
                    [
                        "name": .string($0.name), "accepts": .string($0.accepts),
                        "default": .string(orNull: $0.defaultValue), "summary": .string($0.summary),
                    ]
                }),
        ]
    }
}
