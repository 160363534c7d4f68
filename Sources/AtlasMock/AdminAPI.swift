import AtlasHTTP
import AtlasJSON
import AtlasSandbox
import Scenarios
import Synchronization
import Webhooks

/// The admin API under `/__admin/`: health, reset, clients, incidents, events, deliveries, the request
/// journal, the clock and scenarios. JSON in and out; faults are 400s that name the field.
struct AdminAPI: Sendable {
    let configuration: MockConfiguration
    let clock: AtlasClock
    let identifiers: IdentifierGenerator
    let sandbox: Sandbox
    let orders: OrderBook
    let webhooks: WebhookDesk
    let shelf: ScenarioShelf
    var library: ScenarioLibrary { shelf.library }
    let runs: ScenarioRuns
    let startedAt: ContinuousClock.Instant
    let server: ServerReference

    /// Adds every admin route to `router`, each behind the bearer-token check when a token is set.
    func install(in router: inout HTTPRouter) {
        let routes: [(String, String, @Sendable (AdminAPI, HTTPRequest) async -> HTTPResponse)] = [
            ("GET", "/__admin/health", { api, _ in api.health() }),
            ("POST", "/__admin/reset", { api, request in api.reset(request) }),
            ("GET", "/__admin/clients", { api, _ in api.clients() }),
            ("POST", "/__admin/registrations", { api, request in api.register(request) }),
            ("GET", "/__admin/orders", { api, request in api.listOrders(request) }),
            ("GET", "/__admin/incidents", { api, request in api.listIncidents(request) }),
            ("POST", "/__admin/incidents", { api, request in api.addIncidents(request) }),
            ("POST", "/__admin/incidents/query", { api, request in api.queryIncidents(request) }),
            ("POST", "/__admin/events", { api, request in await api.fireEvent(request) }),
            ("GET", "/__admin/deliveries", { api, request in api.listDeliveries(request) }),
            ("GET", "/__admin/requests", { api, request in api.listRequests(request) }),
            ("GET", "/__admin/clock", { api, _ in api.clockState() }),
            ("POST", "/__admin/clock", { api, request in api.moveClock(request) }),
            ("GET", "/__admin/scenarios", { api, _ in api.listScenarios() }),
        ]
        for (method, path, handler) in routes {
            router.add(method, path) { [self] request in
                if path != "/__admin/health", let refusal = authorize(request) { return refusal }
                return await handler(self, request)
            }
        }
        router.addPrefix("POST", "/__admin/scenarios/") { [self] request in
            if let refusal = authorize(request) { return refusal }
            return await runScenario(request)
        }
        router.addPrefix("GET", "/__admin/runs/") { [self] request in
            if let refusal = authorize(request) { return refusal }
            return runReport(request)
        }
    }

    /// nil when the request may pass; a 401 otherwise. Tokens are compared in constant time.
    private func authorize(_ request: HTTPRequest) -> HTTPResponse? {
        guard let token = configuration.adminToken else { return nil }
        let given = request.headers["Authorization"] ?? ""
        let prefix = "Bearer "
        if given.hasPrefix(prefix), SecretComparison.matches(String(given.dropFirst(prefix.count)), token) {
            return nil
        }
        var response = Self.fault(
            401, "unauthorized", "the admin API needs 'Authorization: Bearer <token>' (--admin-token)")
        response.headers.add(name: "WWW-Authenticate", value: "Bearer")
        return response
    }

    /// A JSON answer.
    static func ok(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        HTTPResponse.json(status, value.serialized())
    }

    /// A JSON fault `{"error": code, "message": message}`.
    static func fault(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        ok(["error": .string(code), "message": .string(message)], status: status)
    }

    /// The request body as JSON, or a 400 naming the parse fault; an empty body reads as `{}`.
    static func body(_ request: HTTPRequest) -> Result<JSONValue, HTTPResponseFault> {
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .success([:])
        }
        do {
            return .success(try JSONValue.parse(request.body))
        } catch {
            return .failure(
                HTTPResponseFault(fault(400, "invalid_json", "request body is not JSON: \(error)")))
        }
    }

    /// The query items of `request` as a dictionary, the last value winning.
    static func query(_ request: HTTPRequest) -> [String: String] {
        Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}

/// A ready-made fault response carried through a `Result`.
struct HTTPResponseFault: Error {
    let response: HTTPResponse
    init(_ response: HTTPResponse) { self.response = response }
}

/// The HTTP server, known only after the router that needs its statistics has been built.
final class ServerReference: Sendable {
    private let server = Mutex<HTTPServer?>(nil)

    func bind(_ http: HTTPServer) { server.withLock { $0 = http } }

    var statistics: HTTPServerStatistics? { server.withLock { $0?.statistics } }

    var address: HTTPBoundAddress? { server.withLock { $0?.boundAddress } }
}
