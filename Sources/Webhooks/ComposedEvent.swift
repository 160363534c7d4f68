public import AtlasSandbox

/// An event decided and built, with the order already changed, ready to be filed and dispatched.
public struct ComposedEvent: Sendable, Hashable {
    /// The event id: the `notificationId` for types that carry one, a fresh id of the same form otherwise.
    public let eventId: String
    /// The client the webhook goes to.
    public let clientId: String
    /// The body, built once.
    public let payload: WebhookPayload
    /// The incident to file for incident types, nil otherwise.
    public let incident: WebhookIncident?
    /// When it was fired (mock clock).
    public let firedAt: AtlasInstant

    /// An event with every part given.
    public init(
        eventId: String, clientId: String, payload: WebhookPayload, incident: WebhookIncident?,
        firedAt: AtlasInstant
    ) {
        self.eventId = eventId
        self.clientId = clientId
        self.payload = payload
        self.incident = incident
        self.firedAt = firedAt
    }
}
