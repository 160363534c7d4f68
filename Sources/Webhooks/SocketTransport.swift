public import AtlasHTTP

/// Sends http webhooks over AtlasHTTP's raw-socket `HTTPClient`: exact header list and body bytes,
/// keep-alive connection reuse, and a whole-exchange deadline held to the millisecond while waiting
/// in the reactor (no CPU burnt, unlike URLSession).
public final class SocketTransport: WebhookTransport {
    private let client: HTTPClient

    /// A transport over `client` (by default one allowing 1 MiB responses and 32 idle connections per host).
    public init(client: HTTPClient = HTTPClient(maxResponseBytes: OutboundResponse.maxBodyBytes)) {
        self.client = client
    }

    /// POSTs the request; a response over 1 MiB is `too-large`, https is `tls` (use `URLSessionTransport`).
    public func send(_ request: OutboundRequest, deadline: ContinuousClock.Instant)
        async throws(DeliveryError)
        -> OutboundResponse
    {
        // The client frames the message itself (Content-Length, Connection), so those are not passed;
        // it sends the rest in the order given.
        var headers = HTTPHeaders()
        for (name, value) in request.headers {
            switch name.lowercased() {
            case "content-length", "connection", "transfer-encoding": continue
            default: headers.add(name: name, value: value)
            }
        }
        let outbound = HTTPClientRequest(
            method: "POST", url: request.url.text, headers: headers, body: request.body)
        do {
            let response = try await client.execute(outbound, deadline: deadline)
            return OutboundResponse(
                status: response.status, headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: response.body)
        } catch {
            throw Self.deliveryError(error, url: request.url)
        }
    }

    /// Closes pooled idle connections.
    public func shutdown() async {
        client.closeIdleConnections()
    }

    static func deliveryError(_ error: HTTPClientError, url: WebhookURL) -> DeliveryError {
        let kind: DeliveryErrorKind
        switch error.kind {
        case .refused: kind = .refused
        case .timeout, .cancelled: kind = .timeout
        case .reset, .protocolError: kind = .reset
        case .dns: kind = .dns
        case .tls: kind = .tls
        case .tooLarge: kind = .tooLarge
        case .invalidURL: kind = .invalidURL
        }
        return DeliveryError(kind, "\(url.hostHeader): \(error.message)")
    }
}
