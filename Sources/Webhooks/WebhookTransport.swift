/// Sends one webhook POST and returns the receiver's response, within a hard deadline.
///
/// The dispatcher talks to the outside only through this, so tests can replace it and the http
/// and https paths can use different clients.
public protocol WebhookTransport: Sendable {
    /// POSTs `request` and returns the complete response, or the kind of failure; must give up by
    /// `deadline` (throwing `timeout`) whatever the receiver does.
    func send(_ request: OutboundRequest, deadline: ContinuousClock.Instant) async throws(DeliveryError)
        -> OutboundResponse
    /// Releases connections and sessions; later sends may fail.
    func shutdown() async
}
