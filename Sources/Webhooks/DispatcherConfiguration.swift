/// How the dispatcher sends: deadline per attempt, retries, concurrency, log size, headers.
///
/// The defaults follow Atlas's documented "best effort": one attempt, no redelivery.
public struct DispatcherConfiguration: Sendable {
    /// Hutool's default User-Agent, which Atlas's real deliveries carry (reference §5.1).
    public static let atlasUserAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/75.0.3770.142 Safari/537.36 Hutool"

    /// Hard limit on one attempt, from connecting to the last response byte (default 5 s).
    public var attemptTimeout: Duration
    /// Extra attempts after a failed one (default 0: Atlas promises best effort only).
    public var retries: Int
    /// The wait before each retry, by retry number; the last entry repeats (e.g. `[1s, 5s, 30s]`).
    public var backoff: [Duration]
    /// Attempts allowed on the wire at once (default 32).
    public var maxInFlight: Int
    /// Attempts the delivery log keeps before evicting the oldest (default 10,000).
    public var deliveryLogCapacity: Int
    /// Extra headers per client id, sent after Atlas's own (e.g. `Authorization: Basic …` for a
    /// receiver behind basic auth; Atlas itself sends no auth header).
    public var extraHeaders: [String: [(name: String, value: String)]]
    /// The User-Agent sent (default Hutool's, as Atlas sends).
    public var userAgent: String
    /// How long `shutdown()` waits for deliveries in flight before cancelling them.
    public var shutdownGrace: Duration

    /// A configuration; every parameter has the documented default.
    public init(
        attemptTimeout: Duration = .seconds(5), retries: Int = 0,
        backoff: [Duration] = [.seconds(1), .seconds(5), .seconds(30)], maxInFlight: Int = 32,
        deliveryLogCapacity: Int = 10_000, extraHeaders: [String: [(name: String, value: String)]] = [:],
        userAgent: String = DispatcherConfiguration.atlasUserAgent, shutdownGrace: Duration = .seconds(5)
    ) {
        self.attemptTimeout = attemptTimeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.maxInFlight = max(1, maxInFlight)
        self.deliveryLogCapacity = max(1, deliveryLogCapacity)
        self.extraHeaders = extraHeaders
        self.userAgent = userAgent
        self.shutdownGrace = shutdownGrace
    }

    /// The headers of every delivery, in the order sent, as observed on a real Atlas delivery
    /// (reference §5.1), then the client's extra headers, then `Host` and `Content-Length`.
    public func headers(clientId: String, url: WebhookURL, bodyLength: Int) -> [(name: String, value: String)]
    {
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json;charset=UTF-8"), ("User-Agent", userAgent),
            ("Accept", "text/html,application/json,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            ("Accept-Encoding", "gzip"), ("Accept-Language", "zh-CN,zh;q=0.8"), ("Cache-Control", "no-cache"),
            ("Pragma", "no-cache"),
        ]
        if let extra = extraHeaders[clientId] { headers += extra }
        headers += [
            ("Host", url.hostHeader), ("Connection", "keep-alive"), ("Content-Length", String(bodyLength)),
        ]
        return headers
    }

    /// The wait before retry number `retry` (1-based).
    func backoff(beforeRetry retry: Int) -> Duration {
        guard !backoff.isEmpty else { return .zero }
        return backoff[min(retry - 1, backoff.count - 1)]
    }
}
