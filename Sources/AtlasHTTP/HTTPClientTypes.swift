/// An outbound request for ``HTTPClient``.
public struct HTTPClientRequest: Sendable {
    /// The method, `POST` by default.
    public var method: String
    /// An absolute `http://` URL; `https://` is refused with ``HTTPClientError/Kind/tls``.
    public var url: String
    /// Extra header fields. `Host` is added from the URL unless given; `Content-Length`,
    /// `Transfer-Encoding` and `Connection` are managed by the client and ignored here.
    public var headers: HTTPHeaders
    /// The body, sent with `Content-Length`.
    public var body: [UInt8]
    /// When true an oversized response body is cut at the client's limit (``HTTPClientResponse/bodyTruncated``)
    /// instead of failing with ``HTTPClientError/Kind/tooLarge``.
    public var truncateLargeResponses: Bool

    /// Creates a request.
    public init(
        method: String = "POST", url: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        truncateLargeResponses: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.truncateLargeResponses = truncateLargeResponses
    }
}

/// The response to an ``HTTPClientRequest``; any status counts as a response (non-2xx is not an error).
public struct HTTPClientResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields as received.
    public var headers: HTTPHeaders
    /// The decoded body, at most the client's `maxResponseBytes`.
    public var body: [UInt8]
    /// Whether the body was cut at the limit (only with ``HTTPClientRequest/truncateLargeResponses``).
    public var bodyTruncated: Bool

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders, body: [UInt8], bodyTruncated: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
    }
}

/// Why an exchange failed, classified so callers can decide about retries.
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: Sendable, Equatable {
        /// Nothing listens at the address (or it is unreachable).
        case refused
        /// The deadline passed before the exchange completed.
        case timeout
        /// The peer reset or closed the connection before the response was complete.
        case reset
        /// The host name could not be resolved.
        case dns
        /// The URL needs TLS, which this transport does not speak.
        case tls
        /// The response body exceeded the client's limit.
        case tooLarge
        /// The URL is not a valid absolute `http` URL.
        case invalidURL
        /// The peer did not speak valid HTTP/1.x.
        case protocolError
        /// The calling task was cancelled.
        case cancelled
    }

    /// The class of failure.
    public var kind: Kind
    /// What happened, for logs.
    public var message: String
    /// The response status, when a status line had been read before the failure (e.g. `tooLarge`).
    public var status: Int?
    /// The response headers, when they had been read before the failure.
    public var headers: HTTPHeaders?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, status: Int? = nil, headers: HTTPHeaders? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.headers = headers
    }

    /// `kind: message`.
    public var description: String { "\(kind): \(message)" }
}
