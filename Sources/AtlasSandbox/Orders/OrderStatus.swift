/// Where an order stands, as far as the webhooks the mock has fired are concerned.
public enum OrderStatus: String, Sendable, Hashable, CaseIterable {
    /// Tickets issued (`orderStatus` 2); the state every fixture order starts in.
    case ticketed
    /// Cancelled by a flight cancellation, an unaccounted cancellation or a declined payment.
    case cancelled
    /// Tickets voided (void status 2 Voided / Refunded or 5 Completed).
    case voided
}
