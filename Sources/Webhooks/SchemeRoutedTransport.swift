/// Sends http URLs through one transport and https URLs through another.
///
/// The raw-socket client is exact and cheap but speaks no TLS; URLSession speaks TLS but burns CPU
/// while waiting and cannot hold sub-second deadlines by itself. Each gets the scheme it is good at.
public final class SchemeRoutedTransport: WebhookTransport {
    private let http: any WebhookTransport
    private let https: any WebhookTransport

    /// Routes `http` URLs to `http` and `https` URLs to `https`.
    public init(http: any WebhookTransport, https: any WebhookTransport) {
        self.http = http
        self.https = https
    }

    /// The transport atlas-mock uses by default: `SocketTransport` for http, `URLSessionTransport`
    /// for https.
    public static func standard(maxConnectionsPerHost: Int = 32) -> SchemeRoutedTransport {
        SchemeRoutedTransport(
            http: SocketTransport(),
            https: URLSessionTransport(maxConnectionsPerHost: maxConnectionsPerHost))
    }

    /// Sends through the transport for the URL's scheme.
    public func send(_ request: OutboundRequest, deadline: ContinuousClock.Instant)
        async throws(DeliveryError)
        -> OutboundResponse
    {
        try await (request.url.scheme == "https" ? https : http).send(request, deadline: deadline)
    }

    /// Shuts both transports down.
    public func shutdown() async {
        await http.shutdown()
        await https.shutdown()
    }
}
