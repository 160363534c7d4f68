/// One POST as the transport must send it: exact header list and exact body bytes.
public struct OutboundRequest: Sendable {
    /// Where to send it.
    public let url: WebhookURL
    /// Every header, in order, as sent (including `Host` and `Content-Length`).
    public let headers: [(name: String, value: String)]
    /// The body bytes, never re-encoded.
    public let body: [UInt8]

    /// A request with every part given.
    public init(url: WebhookURL, headers: [(name: String, value: String)], body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}
