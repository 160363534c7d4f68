public import AtlasJSON

/// What firing an event did, as the FIRE RESPONSE reports it.
public struct FiredEvent: Sendable {
    /// Where the event stands when the answer is given.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Sent (or being sent) in the background; `wait` was false.
        case pending
        /// Held by the `reorder` fault until its batch fills.
        case held
        /// At least one attempt got a 2xx.
        case delivered
        /// Every attempt failed.
        case failed
        /// The `drop` fault: recorded, not sent.
        case dropped
    }

    /// The event id (= `notificationId` when the type carries one).
    public let eventId: String
    /// The webhook type.
    public let type: WebhookType
    /// The receiving client.
    public let clientId: String
    /// The client's registered URL at fire time, or nil.
    public let url: String?
    /// The body, exactly as sent.
    public let payload: WebhookPayload
    /// The incident's getPageList record for incident types, with `notified` as last known.
    public let incident: JSONValue?
    /// Where the event stands.
    public let outcome: Outcome
    /// Attempts so far (all of them when the request waited).
    public let deliveries: [DeliveryRecord]
    /// Problems that did not stop the event, e.g. the incident store refusing the incident.
    public let warnings: [String]

    /// The FIRE RESPONSE JSON; `warnings` appears only when there are any.
    public func json() -> JSONValue {
        var members: [String: JSONValue] = [
            "eventId": .string(eventId), "notificationId": .string(orNull: payload.notificationId),
            "type": .string(type.rawValue), "clientId": .string(clientId),
            "orderNo": .string(orNull: payload.orderNo),
            "url": .string(orNull: url), "payload": payload.json, "payloadText": .string(payload.text),
            "incident": incident ?? .null, "outcome": .string(outcome.rawValue),
            "deliveries": .array(deliveries.map { $0.json() }),
        ]
        if !warnings.isEmpty { members["warnings"] = .array(warnings.map(JSONValue.string)) }
        return .object(members)
    }
}
