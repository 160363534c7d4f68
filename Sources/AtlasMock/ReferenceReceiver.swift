public import AtlasHTTP
import AtlasJSON
import Synchronization

/// A webhook receiver that behaves as a careful integrator's should: it answers every webhook 200
/// at once, and reconciles through `getPageList` because Atlas only promises best effort.
///
/// `demo` and standalone `run` register it when no `--webhook-url` is given, so the built-in library
/// has a correct receiver to pass against. Its reconciliation loop polls the incident list and, for
/// every incident whose webhook never arrived, asks for that order, which is exactly what the
/// reconciliation scenario checks for in the journal.
public final class ReferenceReceiver: Sendable {
    /// One webhook as it arrived.
    public struct Arrival: Sendable {
        /// The request path.
        public var path: String
        /// The headers, as sent.
        public var headers: HTTPHeaders
        /// The body bytes, as sent.
        public var body: [UInt8]
    }

    /// What arrived, shared between the request handler and the reconciliation loop.
    private final class Log: Sendable {
        let arrivals = Mutex<[Arrival]>([])
        let notificationIds = Mutex<Set<String>>([])
    }

    private let server: HTTPServer
    private let log = Log()
    private let serving: Task<Void, Never>
    private let reconciling = Mutex<Task<Void, Never>?>(nil)
    /// Where webhooks should be sent: `http://127.0.0.1:PORT/atlas/webhook`.
    public let webhookURL: String

    /// Starts a receiver on a free loopback port that answers `status` after `delay`; the defaults make a
    /// correct receiver, others let tests show that scenarios fail against a broken one.
    public init(status: Int = 200, delay: Duration = .zero) throws(HTTPServerError) {
        let log = self.log
        var router = HTTPRouter()
        router.addPrefix("POST", "/") { request in
            log.arrivals.withLock {
                $0.append(Arrival(path: request.path, headers: request.headers, body: request.body))
            }
            if let id = (try? JSONValue.parse(request.body))?["notificationId"]?.stringValue {
                _ = log.notificationIds.withLock { $0.insert(id) }
            }
            if delay > .zero { try? await Task.sleep(for: delay) }
            return HTTPResponse.json(
                status, status / 100 == 2 ? #"{"received":true}"# : #"{"error":"receiver failure"}"#)
        }
        server = HTTPServer(
            configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), responder: router)
        let address = try server.start()
        webhookURL = address.url + "/atlas/webhook"
        serving = Task { [server] in await server.run() }
    }

    /// Every webhook received so far, in arrival order.
    public var received: [Arrival] {
        log.arrivals.withLock { $0 }
    }

    /// Starts polling `atlasURL`'s incident list as each of `clients` (id, secret) every `interval`,
    /// querying each order whose incident arrived only through the list.
    public func startReconciling(
        atlasURL: String, clients: [(id: String, secret: String)], interval: Duration = .milliseconds(250)
    ) {
        let log = self.log
        let task = Task {
            let client = HTTPClient()
            var reconciled: Set<String> = []
            func pageList(_ body: JSONValue, clientId: String, secret: String) async -> JSONValue? {
                let headers: HTTPHeaders = [
                    "Content-Type": "application/json", "Accept": "application/json",
                    "Accept-Encoding": "gzip",
                    "x-atlas-client-id": clientId, "x-atlas-client-secret": secret,
                ]
                let request = HTTPClientRequest(
                    url: atlasURL + "/event/getPageList.do", headers: headers, body: body.serialized())
                guard let response = try? await client.execute(request, deadline: .now + .seconds(5)) else {
                    return nil
                }
                return try? JSONValue.parse(response.body)
            }
            while !Task.isCancelled {
                for (clientId, secret) in clients {
                    guard
                        let page = await pageList(
                            ["pageIndex": 1, "pageSize": 100], clientId: clientId, secret: secret),
                        let records = page["records"]?.arrayValue
                    else { continue }
                    for record in records {
                        guard let eventId = record["eventId"]?.stringValue,
                            let orderNo = record["orderNo"]?.stringValue,
                            !reconciled.contains(eventId),
                            !log.notificationIds.withLock({ $0.contains(eventId) })
                        else { continue }
                        // The webhook for this incident never came: look the order up, as reconciliation does.
                        _ = await pageList(
                            ["orderNo": .string(orderNo), "pageIndex": 1, "pageSize": 20], clientId: clientId,
                            secret: secret)
                        reconciled.insert(eventId)
                    }
                }
                try? await Task.sleep(for: interval)
            }
        }
        reconciling.withLock { previous in
            previous?.cancel()
            previous = task
        }
    }

    /// Stops reconciling and serving.
    public func stop() async {
        let task = reconciling.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        server.shutdown()
        await serving.value
    }
}
