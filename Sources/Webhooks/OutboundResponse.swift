/// A complete response from the receiver (any status; the dispatcher judges it).
public struct OutboundResponse: Sendable {
    /// The largest response body a transport accepts; a larger one is a `too-large` failure.
    public static let maxBodyBytes = 1 << 20
    /// How much of the body the delivery log keeps.
    public static let excerptBytes = 4096

    /// The status code.
    public let status: Int
    /// Response headers in order.
    public let headers: [(name: String, value: String)]
    /// The first `excerptBytes` of the body.
    public let bodyExcerpt: [UInt8]
    /// The whole body's length.
    public let bodyLength: Int

    /// A response; the body is cut to the excerpt here so the log never holds more.
    public init(status: Int, headers: [(name: String, value: String)], body: some Collection<UInt8>) {
        self.status = status
        self.headers = headers
        self.bodyExcerpt = Array(body.prefix(Self.excerptBytes))
        self.bodyLength = body.count
    }
}
