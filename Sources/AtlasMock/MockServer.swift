public import AtlasHTTP
public import AtlasJSON
public import AtlasSandbox
import CAtlasSystem
public import Scenarios
public import Webhooks

/// A running atlas-mock: the Atlas API, the admin API and the webhook dispatcher, in this process.
///
/// The CLI's `serve` is a thin wrapper around it, and Swift test suites embed it directly:
/// ```swift
/// var configuration = MockConfiguration()
/// configuration.port = 0
/// let mock = try await MockServer.start(configuration)
/// defer { Task { await mock.stop() } }
/// print(mock.url)   // http://127.0.0.1:41234
/// ```
public final class MockServer: Sendable {
    /// The address the server is bound to, with the real port when 0 was asked.
    public let address: HTTPBoundAddress
    /// The seed in use: the one configured, or the one picked at random.
    public let seed: UInt64
    /// The clock every timestamp comes from; freeze and advance it from tests.
    public let clock: AtlasClock
    /// The Atlas contract: clients, registrations, incidents, journal.
    public let sandbox: Sandbox
    /// Orders per client, kept consistent with what is fired.
    public let orders: OrderBook
    /// Fires webhooks and keeps the delivery log.
    public let webhooks: WebhookDesk
    /// The scenario library the admin API and `run` use.
    public var library: ScenarioLibrary { shelf.library }
    private let shelf: ScenarioShelf

    let configuration: MockConfiguration
    let identifiers: IdentifierGenerator
    let http: HTTPServer
    let startedAt: ContinuousClock.Instant
    let runs: ScenarioRuns
    private let serving: Task<Void, Never>

    /// `http://HOST:PORT`, the base URL of both APIs.
    public var url: String { address.url }

    /// Loads the fixtures, binds, and starts serving in the background.
    ///
    /// Nothing is half-started: a bad fixture file or an address that cannot be bound throws before
    /// any connection is accepted.
    public static func start(_ configuration: MockConfiguration) async throws(MockStartError) -> MockServer {
        let clock = AtlasClock(frozenAt: configuration.frozenClock)
        let identifiers = IdentifierGenerator(seed: configuration.seed)
        let loaded = try MockFixtures.load(configuration, identifiers: identifiers)
        let shelf = try ScenarioShelf(configuration.scenarios)
        let sandbox = Sandbox(configuration: loaded.sandbox, clock: clock, identifiers: identifiers)
        // Generated incidents leave the heap full of outgrown array buffers; hand those pages back.
        if !loaded.sandbox.generatedIncidents.isEmpty { _ = catlas_release_free_memory() }
        let orders = OrderBook(fixtures: loaded.orders)
        let webhooks = WebhookDesk(
            configuration: loaded.dispatcher, sandbox: sandbox, orders: orders, clock: clock,
            identifiers: identifiers,
            transport: SchemeRoutedTransport.standard(
                maxConnectionsPerHost: configuration.maxDeliveriesInFlight))
        let server = try MockServer(
            configuration: configuration, clock: clock, identifiers: identifiers, sandbox: sandbox,
            orders: orders,
            webhooks: webhooks, shelf: shelf)
        return server
    }

    private init(
        configuration: MockConfiguration, clock: AtlasClock, identifiers: IdentifierGenerator,
        sandbox: Sandbox,
        orders: OrderBook, webhooks: WebhookDesk, shelf: ScenarioShelf
    ) throws(MockStartError) {
        self.configuration = configuration
        self.clock = clock
        self.identifiers = identifiers
        self.seed = identifiers.seed
        self.sandbox = sandbox
        self.orders = orders
        self.webhooks = webhooks
        self.shelf = shelf
        self.runs = ScenarioRuns()
        self.startedAt = .now

        let reference = ServerReference()
        var router = HTTPRouter()
        AtlasRoutes.install(in: &router, sandbox: sandbox)
        AdminAPI(
            configuration: configuration, clock: clock, identifiers: identifiers, sandbox: sandbox,
            orders: orders,
            webhooks: webhooks, shelf: shelf, runs: runs, startedAt: startedAt, server: reference
        ).install(in: &router)
        http = HTTPServer(
            configuration: Self.httpConfiguration(configuration), responder: router,
            accessLog: Self.accessLog(configuration.requestLog, clock: clock),
            events: Self.eventLog(configuration.requestLog, clock: clock))
        reference.bind(http)
        do {
            address = try http.start()
        } catch {
            throw .cannotBind("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        serving = Task { [http] in await http.run() }
    }

    private static func httpConfiguration(_ configuration: MockConfiguration) -> HTTPServerConfiguration {
        let limits = HTTPLimits(
            maxHeadBytes: configuration.maxHeadBytes, maxHeaderCount: 100,
            maxBodyBytes: configuration.maxBodyBytes,
            maxConnections: configuration.maxConnections, headTimeout: configuration.headTimeout,
            bodyTimeout: configuration.bodyTimeout, idleTimeout: configuration.idleTimeout,
            writeTimeout: configuration.writeTimeout, lingerTimeout: .milliseconds(500))
        return HTTPServerConfiguration(
            host: configuration.host, port: configuration.port, limits: limits,
            shutdownGracePeriod: configuration.shutdownGracePeriod)
    }

    private static func accessLog(_ log: RequestLog?, clock: AtlasClock) -> (
        @Sendable (HTTPAccessLogEntry) -> Void
    )? {
        guard let log else { return nil }
        return { entry in
            log.record(
                time: clock.now().logText, method: entry.method, path: entry.path, status: entry.status,
                durationMicroseconds: Int(entry.durationMicroseconds), remote: entry.remoteAddress)
        }
    }

    private static func eventLog(_ log: RequestLog?, clock: AtlasClock) -> (
        @Sendable (HTTPServerEvent) -> Void
    )? {
        guard let log else { return nil }
        return { event in log.notice("\(event)", time: clock.now().logText) }
    }

    /// Stops accepting, lets in-flight requests and deliveries finish within the grace period, and returns
    /// when everything has stopped.
    public func stop() async {
        http.shutdown()
        await serving.value
        await webhooks.shutdown()
    }

    /// Begins a graceful stop without waiting for it; `stop()` waits.
    public func beginShutdown() {
        http.shutdown()
    }

    /// Returns when the server has stopped serving (after `beginShutdown()` or `stop()`).
    public func waitUntilStopped() async {
        await serving.value
        await webhooks.shutdown()
    }

    /// Fires one event as `POST /__admin/events` would, and returns the fire response.
    public func fire(_ event: JSONValue) async throws(EventRequestError) -> JSONValue {
        try await webhooks.fire(event)
    }
}
