/// One line of access log, reported after a response has been written (or failed to be).
public struct HTTPAccessLogEntry: Sendable {
    /// The request method, or `-` when the request could not be parsed.
    public var method: String
    /// The raw request path, or `-` when the request could not be parsed.
    public var path: String
    /// The status code sent.
    public var status: Int
    /// Time from the complete request head to the response written.
    public var duration: Duration
    /// The peer as `ip:port`.
    public var remoteAddress: String
    /// Bytes of the request consumed from the connection (head and body on the wire).
    public var requestBytes: Int
    /// Bytes of the response written (head and body).
    public var responseBytes: Int

    /// `duration` in whole microseconds.
    public var durationMicroseconds: Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }

    /// Creates an entry.
    public init(
        method: String, path: String, status: Int, duration: Duration, remoteAddress: String,
        requestBytes: Int, responseBytes: Int
    ) {
        self.method = method
        self.path = path
        self.status = status
        self.duration = duration
        self.remoteAddress = remoteAddress
        self.requestBytes = requestBytes
        self.responseBytes = responseBytes
    }
}
