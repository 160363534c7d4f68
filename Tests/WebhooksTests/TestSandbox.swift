import AtlasJSON
import AtlasSandbox
import Glibc
import Synchronization
import Webhooks

/// An in-memory stand-in for `Sandbox`: clients with cids and URLs, and a list of filed incidents.
final class TestSandbox: WebhookRecipients, IncidentRecorder {
    private struct State {
        var urls: [String: String] = [:]
        var incidents: [String: [WebhookIncident]] = [:]
    }

    let cids: [String: String]
    private let state = Mutex(State())

    init(cids: [String: String] = ["sandbox": "TAC00001", "partner": "ZVM98377_api_1"]) {
        self.cids = cids
    }

    func register(_ url: String?, clientId: String) {
        state.withLock { $0.urls[clientId] = url }
    }

    func cid(clientId: String) -> String? { cids[clientId] }

    func webhookURL(clientId: String) -> String? {
        state.withLock { $0.urls[clientId] }
    }

    func record(_ incident: WebhookIncident, clientId: String) throws(IncidentFilingError) -> JSONValue {
        state.withLock { $0.incidents[clientId, default: []].append(incident) }
        return Self.json(incident)
    }

    func setNotified(_ notified: Int, eventId: String, clientId: String) -> JSONValue? {
        state.withLock { state in
            guard let index = state.incidents[clientId]?.firstIndex(where: { $0.eventId == eventId }) else {
                return nil
            }
            state.incidents[clientId]![index].notified = notified
            return Self.json(state.incidents[clientId]![index])
        }
    }

    func incidents(clientId: String) -> [WebhookIncident] {
        state.withLock { $0.incidents[clientId] ?? [] }
    }

    static func json(_ incident: WebhookIncident) -> JSONValue {
        [
            "eventId": .string(incident.eventId), "orderNo": .string(incident.orderNo),
            "eventType": .string(incident.eventType), "eventStatus": 0,
            "eventTime": .string(AtlasTime.format(incident.eventTime)), "airline": .string(incident.airline),
            "depTime": .string(incident.depTime.text), "pnr": .string(incident.pnr),
            "paxName": .string(incident.paxName), "paxEmail": .string(incident.paxEmail),
            "notified": .int(incident.notified),
        ]
    }
}

/// Shared fixtures for the webhook tests.
enum Fixture {
    /// The repository's `fixtures/orders.json`.
    static let ordersBytes: [UInt8] = {
        let path = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        return readFile("/" + path + "/fixtures/orders.json")
    }()

    static func orders() -> [String: [Order]] {
        try! OrderFixtures.load(from: ordersBytes, source: "fixtures/orders.json")
    }

    /// 2026-01-15 10:00:00.000 in Atlas server time (UTC+08:00).
    static let fireTime = AtlasTime.parse("2026-01-15 10:00:00")!

    /// A composer over fresh fixture orders, seed 1 and a frozen clock.
    static func composer(sandbox: TestSandbox = TestSandbox()) -> (EventComposer, OrderBook) {
        let book = OrderBook(fixtures: orders())
        let composer = EventComposer(
            orders: book, clients: sandbox, clock: AtlasClock(frozenAt: fireTime),
            identifiers: IdentifierGenerator(seed: 1))
        return (composer, book)
    }

    /// Parses an EVENT REQUEST written as JSON text.
    static func request(_ text: String) throws -> EventRequest {
        try EventRequest.parse(try JSONValue.parse(text))
    }
}

private func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fatalError("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
}
