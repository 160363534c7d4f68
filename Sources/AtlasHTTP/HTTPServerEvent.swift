/// Noteworthy server conditions, reported so the CLI can log them; none of them stops the server
/// except where stated.
public enum HTTPServerEvent: Sendable, Equatable {
    /// A connection was refused with 503 because `limit` connections were already open.
    case connectionLimitReached(limit: Int)
    /// `accept` failed with `errno`; `willRetry` is true for fd exhaustion (retried after 100 ms) and
    /// false for errors that stop the accept loop.
    case acceptFailed(errno: Int32, willRetry: Bool)
    /// A request was answered with an HTTP-layer error (400, 408, 413, 417, 431, 501, 505).
    case requestRejected(status: Int, reason: String, remoteAddress: String)
    /// Graceful shutdown began with `openConnections` connections open.
    case shutdownStarted(openConnections: Int)
    /// The grace period ran out and `openConnections` connections were cancelled.
    case shutdownGraceExpired(openConnections: Int)
}
