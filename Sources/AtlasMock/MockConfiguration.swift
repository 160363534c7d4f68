public import AtlasSandbox

/// Everything a mock server needs to start, with the defaults `atlas-mock serve` documents.
public struct MockConfiguration: Sendable {
    /// The address to bind; loopback by default so nothing on the network can reach the mock.
    public var host = "127.0.0.1"
    /// The port to bind; 0 asks the system for a free one (the ready line reports it).
    public var port: UInt16 = MockConfiguration.defaultPort
    /// The documented default port.
    public static let defaultPort: UInt16 = 8089

    /// Open connections at most; more are answered 503 and counted.
    public var maxConnections = 1024
    /// Bytes of request line and headers at most (431 beyond).
    public var maxHeadBytes = 32 * 1024
    /// Bytes of request body at most (413 beyond).
    public var maxBodyBytes = 2 * 1024 * 1024
    /// Time allowed to receive a request head (408 beyond).
    public var headTimeout: Duration = .seconds(10)
    /// Time allowed to receive a request body (408 beyond).
    public var bodyTimeout: Duration = .seconds(10)
    /// Time a keep-alive connection may sit idle before it is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// Time allowed for a client to take a response.
    public var writeTimeout: Duration = .seconds(10)
    /// Time in-flight requests get to finish after SIGTERM.
    public var shutdownGracePeriod: Duration = .seconds(5)

    /// The fixtures folder: clients, incidents and orders.
    public var fixtures = DefaultFiles.embedded("fixtures")
    /// The scenario library.
    public var scenarios = DefaultFiles.embedded("scenarios")
    /// Extra clients as `ID:SECRET[:CID]`, added to the fixtures' clients.
    public var extraClients: [String] = []
    /// The seed for every generated id and value; nil picks one at random (and reports it).
    public var seed: UInt64?
    /// How many random incidents to generate per client on top of the fixtures.
    public var seedIncidents = 0
    /// Per-client counts that replace `seedIncidents` for those clients (`--seed-incidents ID=N`).
    public var seedIncidentsByClient: [String: Int] = [:]
    /// A frozen start time for the clock, or nil to follow the system clock.
    public var frozenClock: AtlasInstant?

    /// Whether a missing Accept, Content-Type or Accept-Encoding header fails the call (901).
    public var strict = false
    /// The HTTP status of a bad-credentials answer (Atlas's is undocumented; 200 by default).
    public var authFailureHTTPStatus = 200
    /// Whether incident times use the schema format or the official sample's.
    public var sampleTimeFormat = false
    /// The largest `pageSize` getPageList accepts.
    public var maxPageSize = 1000
    /// Atlas calls kept in the request journal.
    public var journalCapacity = 10_000
    /// Past webhook URLs kept per client.
    public var registrationHistoryCapacity = 100
    /// Incidents kept per client.
    public var maxIncidentsPerClient = 2_000_000

    /// The deadline of one webhook attempt.
    public var webhookTimeout: Duration = .seconds(5)
    /// Extra attempts after a failed one (Atlas promises only best effort, so none by default).
    public var webhookRetries = 0
    /// Waits before each retry; the last repeats.
    public var webhookBackoff: [Duration] = [.seconds(1), .seconds(5), .seconds(30)]
    /// Webhook attempts in flight at once.
    public var maxDeliveriesInFlight = 32
    /// Attempts kept in the delivery log.
    public var deliveryLogCapacity = 10_000
    /// Extra headers per client for receivers behind auth: clientId → (name, value) pairs.
    public var webhookHeaders: [String: [WebhookHeader]] = [:]

    /// A bearer token the admin API requires, or nil for none (the mock binds loopback by default).
    public var adminToken: String?
    /// Where one line per request goes, or nil for silence.
    public var requestLog: RequestLog?

    /// The defaults.
    public init() {}
}

/// An extra header sent with one client's webhooks.
public struct WebhookHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The header value; never logged by the mock (it may be a credential).
    public var value: String

    /// A header `name: value`.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
