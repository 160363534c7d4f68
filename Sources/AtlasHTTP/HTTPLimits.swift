/// Resource limits the server enforces on every connection; each has a documented default.
///
/// Hitting a limit answers the client with a clear HTTP status (never a hang) and is counted in
/// ``HTTPServerStatistics``.
public struct HTTPLimits: Sendable, Equatable {
    /// Largest request head (request line + headers) in bytes; beyond it the server answers 431.
    public var maxHeadBytes: Int
    /// Most header fields in one request head; beyond it the server answers 431.
    public var maxHeaderCount: Int
    /// Largest request body in bytes (decoded, for chunked bodies); beyond it the server answers 413.
    public var maxBodyBytes: Int
    /// Most simultaneously open connections; extra connections get a 503 and are closed.
    public var maxConnections: Int
    /// Time allowed to receive a complete head once it started (or after accepting); 408 when exceeded.
    public var headTimeout: Duration
    /// Time allowed to receive the complete body once the head is in; 408 when exceeded.
    public var bodyTimeout: Duration
    /// Time a keep-alive connection may sit idle between requests; the server then closes silently.
    public var idleTimeout: Duration
    /// Time allowed to write one response; the connection is dropped when exceeded.
    public var writeTimeout: Duration
    /// Time spent draining input after an error response before closing, so the response arrives.
    public var lingerTimeout: Duration

    /// Creates limits; every argument defaults to the documented value.
    public init(
        maxHeadBytes: Int = 32 * 1024,
        maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 2 * 1024 * 1024,
        maxConnections: Int = 1024,
        headTimeout: Duration = .seconds(10),
        bodyTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(60),
        writeTimeout: Duration = .seconds(10),
        lingerTimeout: Duration = .milliseconds(500)
    ) {
        self.maxHeadBytes = maxHeadBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.lingerTimeout = lingerTimeout
    }
}
