import Synchronization

/// A snapshot of server counters; all totals count since the server was created.
public struct HTTPServerStatistics: Sendable, Equatable {
    /// Connections currently open (being served, not counting 503 rejections).
    public var openConnections: Int
    /// Connections accepted, including rejected ones.
    public var acceptedConnections: Int
    /// Requests answered by the responder.
    public var requests: Int
    /// Connections answered 503 because `maxConnections` were open.
    public var connectionsRejected: Int
    /// Requests answered 431 (head or header count over the limit).
    public var headTooLarge: Int
    /// Requests answered 413 (body over the limit).
    public var bodyTooLarge: Int
    /// Requests answered 408 plus responses whose write timed out.
    public var timeouts: Int
    /// Requests answered 400, 417, 501 or 505.
    public var malformed: Int
}

/// Lock-free counters behind ``HTTPServerStatistics``.
final class HTTPServerCounters: Sendable {
    let openConnections = Atomic<Int>(0)
    let acceptedConnections = Atomic<Int>(0)
    let requests = Atomic<Int>(0)
    let connectionsRejected = Atomic<Int>(0)
    let headTooLarge = Atomic<Int>(0)
    let bodyTooLarge = Atomic<Int>(0)
    let timeouts = Atomic<Int>(0)
    let malformed = Atomic<Int>(0)

    var snapshot: HTTPServerStatistics {
        HTTPServerStatistics(
            openConnections: openConnections.load(ordering: .relaxed),
            acceptedConnections: acceptedConnections.load(ordering: .relaxed),
            requests: requests.load(ordering: .relaxed),
            connectionsRejected: connectionsRejected.load(ordering: .relaxed),
            headTooLarge: headTooLarge.load(ordering: .relaxed),
            bodyTooLarge: bodyTooLarge.load(ordering: .relaxed),
            timeouts: timeouts.load(ordering: .relaxed),
            malformed: malformed.load(ordering: .relaxed))
    }

    /// Counts an HTTP-layer error status in its bucket.
    func countRejection(status: Int) {
        switch status {
        case 431: headTooLarge.add(1, ordering: .relaxed)
        case 413: bodyTooLarge.add(1, ordering: .relaxed)
        case 408: timeouts.add(1, ordering: .relaxed)
        default: malformed.add(1, ordering: .relaxed)
        }
    }
}
