import AtlasJSON
import Scenarios
import Synchronization

/// An in-memory stand-in for the mock's admin API: fired events are "delivered" at once according to
/// `receiver`; incidents and a request journal are kept, and a reconciling integrator is simulated.
final class FakeAtlasDriver: ScenarioDriver {
    struct Settings: Sendable {
        var receiver: FakeReceiver = .correct
        /// Whether the integrator queries getPageList after a dropped webhook.
        var reconciles = true
        /// The order the integrator's reconciliation asks about; nil for the dropped event's order.
        var reconciledOrderNo: String?
        /// Whether the server itself is down.
        var serverDown = false
        /// Delivery records become visible only from this look at `deliveries` on (a slow dispatcher).
        var deliveriesVisibleFromLook = 1
        /// When set, every fire is refused with HTTP 400 and this message.
        var rejectFires: String?
    }

    private struct State {
        var urls: [String: String] = [:]
        var deliveries: [JSONValue] = []
        var journal: [JSONValue] = []
        var incidents: [JSONValue] = []
        var segments: [String: (original: JSONValue, current: JSONValue)] = [:]
        var held: [String: [[String: String?]]] = [:]
        var nextEvent = 1
        var nextSequence = 1
        var resets = 0
        var deliveryLooks = 0
        var fired: [JSONValue] = []
    }

    let settings: Settings
    private let state = Mutex(State())
    static let defaultOrder = "TESTA20260101120000001"
    static let incidentTypes: Set<String> = [
        "order.schedulechange", "email.schedulechange", "abnormal.cancelled",
    ]

    init(_ settings: Settings = Settings()) {
        self.settings = settings
    }

    convenience init(receiver: FakeReceiver) {
        self.init(Settings(receiver: receiver))
    }

    var resetCount: Int { state.withLock { $0.resets } }
    var firedEvents: [JSONValue] { state.withLock { $0.fired } }
    var deliveryLooks: Int { state.withLock { $0.deliveryLooks } }

    private func up() throws(ScenarioDriverError) {
        if settings.serverDown { throw .unreachable("http://127.0.0.1:1: connection refused") }
    }

    func reset() async throws(ScenarioDriverError) {
        try up()
        state.withLock { state in
            let resets = state.resets
            state = State()
            state.resets = resets + 1
        }
    }

    func register(clientId: String, url: String) async throws(ScenarioDriverError) {
        try up()
        state.withLock { $0.urls[clientId] = url }
    }

    func fire(_ event: JSONValue) async throws(ScenarioDriverError) -> JSONValue {
        try up()
        guard let type = event["type"]?.stringValue, let clientId = event["clientId"]?.stringValue else {
            throw .rejected(status: 400, message: "$.type: missing required field")
        }
        if let message = settings.rejectFires { throw .rejected(status: 400, message: message) }
        return state.withLock { state in fire(event, type: type, clientId: clientId, state: &state) }
    }

    private func fire(_ event: JSONValue, type: String, clientId: String, state: inout State) -> JSONValue {
        state.fired.append(event)
        let eventId = "20260101120000\(100 + state.nextEvent)FAKEX"
        state.nextEvent += 1
        let orderNo: String? =
            type == "airline.status" ? nil : event["orderNo"]?.stringValue ?? Self.defaultOrder
        let notificationId = Self.incidentTypes.contains(type) || type == "email.all" ? eventId : nil
        let fields = event["fields"]?.objectValue ?? [:]
        var data = fields
        if let orderNo { data["orderNo"] = .string(orderNo) }
        if type == "order.schedulechange" {
            data.merge(scheduleChange(orderNo!, fields, &state)) { _, new in new }
        }
        let payload: JSONValue = [
            "cid": .string(clientId), "type": .string(type), "data": .object(data),
            "notificationId": .string(orNull: notificationId),
            "status": Self.incidentTypes.contains(type) ? 0 : -1,
        ]
        let faults = event["faults"] ?? [:]
        let dropped = faults["drop"]?.boolValue == true
        if Self.incidentTypes.contains(type) {
            state.incidents.append([
                "eventId": .string(eventId), "orderNo": .string(orderNo ?? ""), "eventType": .string(type),
                "eventStatus": 0, "notified": dropped ? 0 : 1,
            ])
        }
        let url = state.urls[clientId]
        let info: [String: String?] = [
            "eventId": eventId, "type": type, "clientId": clientId, "orderNo": orderNo,
            "notificationId": notificationId, "url": url,
        ]
        var outcome: String
        var records: [JSONValue] = []
        if dropped {
            records = [
                record(
                    info, attempt: 0, copy: 1, outcome: "dropped", status: nil, error: nil, latency: nil,
                    &state)
            ]
            outcome = "dropped"
            if settings.reconciles, settings.receiver == .correct {
                let asked = settings.reconciledOrderNo ?? orderNo ?? ""
                state.journal.append([
                    "sequence": .int(state.journal.count + 1), "receivedAt": "2026-01-01 12:00:01.000",
                    "clientId": .string(clientId), "path": "/event/getPageList.do",
                    "requestBody": .string(#"{"orderNo":"\#(asked)","pageIndex":1,"pageSize":100}"#),
                    "bodyStatus": 0,
                    "httpStatus": 200, "warnings": [],
                ])
            }
        } else if let reorder = faults["reorder"], let batch = reorder["batch"]?.stringValue {
            state.held[batch, default: []].append(info)
            outcome = "held"
            if state.held[batch]!.count >= reorder["size"]?.intValue ?? 2 {
                // The fake's shuffle is a reversal: deterministic and always out of order.
                for heldInfo in state.held.removeValue(forKey: batch)!.reversed() {
                    records += attempts(heldInfo, copies: 1, &state)
                }
                outcome = "delivered"
            }
        } else {
            records = attempts(info, copies: faults["duplicate"]?.intValue ?? 1, &state)
            outcome = records.last?["outcome"]?.stringValue ?? "failed"
        }
        return [
            "eventId": .string(eventId), "notificationId": .string(orNull: notificationId),
            "type": .string(type),
            "clientId": .string(clientId), "orderNo": .string(orNull: orderNo), "url": .string(orNull: url),
            "payload": payload, "payloadText": .string(payload.compactText), "incident": .null,
            "outcome": .string(outcome),
            "deliveries": .array(records.filter { $0["eventId"]?.stringValue == eventId }),
        ]
    }

    private func attempts(_ info: [String: String?], copies: Int, _ state: inout State) -> [JSONValue] {
        var records: [JSONValue] = []
        for copy in 1...max(1, copies) {
            switch settings.receiver {
            case .correct:
                records.append(
                    record(
                        info, attempt: 1, copy: copy, outcome: "delivered", status: 200, error: nil,
                        latency: 2.5, &state))
            case .failing:
                for attempt in 1...3 {
                    records.append(
                        record(
                            info, attempt: attempt, copy: copy, outcome: "failed", status: 500,
                            error: ["kind": "http-status", "message": "HTTP 500"], latency: 1.5, &state))
                }
            case .tooSlow:
                for attempt in 1...2 {
                    records.append(
                        record(
                            info, attempt: attempt, copy: copy, outcome: "failed", status: nil,
                            error: ["kind": "timeout", "message": "no answer within 10000 ms"],
                            latency: 10000, &state))
                }
            case .unreachable:
                for attempt in 1...3 {
                    records.append(
                        record(
                            info, attempt: attempt, copy: copy, outcome: "failed", status: nil,
                            error: ["kind": "refused", "message": "connection refused"], latency: 0.4, &state)
                    )
                }
            }
        }
        return records
    }

    private func record(
        _ info: [String: String?], attempt: Int, copy: Int, outcome: String, status: Int?, error: JSONValue?,
        latency: Double?, _ state: inout State
    ) -> JSONValue {
        let value = { (key: String) in JSONValue.string(orNull: info[key] ?? nil) }
        let response: JSONValue =
            status.map { code in
                [
                    "status": .int(code), "headers": [],
                    "bodyExcerpt": code == 500 ? "<h1>Internal Server Error</h1>" : "ok",
                ]
            } ?? .null
        let record: JSONValue = [
            "sequence": .int(state.nextSequence), "eventId": value("eventId"),
            "notificationId": value("notificationId"),
            "type": value("type"), "clientId": value("clientId"), "orderNo": value("orderNo"),
            "url": value("url"),
            "attempt": .int(attempt), "copy": .int(copy), "startedAt": "2026-01-01 12:00:00.000",
            "response": response,
            "latencyMs": latency.map(JSONValue.double) ?? .null, "outcome": .string(outcome),
            "error": error ?? .null,
        ]
        state.nextSequence += 1
        state.deliveries.append(record)
        return record
    }

    private func scheduleChange(_ orderNo: String, _ fields: [String: JSONValue], _ state: inout State)
        -> [String:
        JSONValue]
    {
        let original: JSONValue = [
            [
                "depAirport": "HKG", "arrAirport": "SGN", "depTime": "2026-03-01 19:50:00",
                "arrTime": "2026-03-01 21:30:00",
                "carrier": "VJ", "flightNumber": "VJ877", "codeShare": false, "depTerminal": "",
                "arrTerminal": "",
                "direction": 1,
            ]
        ]
        let segments = state.segments[orderNo] ?? (original, original)
        var revised: JSONValue = []
        if fields["scheduleChangeType"]?.intValue != 2,
            var segment = segments.current.arrayValue?.first?.objectValue
        {
            if fields["change"]?.stringValue == "flightNumber" {
                segment["flightNumber"] = fields["newFlightNumber"] ?? "VJ999"
            } else {
                segment["depTime"] = .string(
                    "2026-03-01 19:50:00 +\(fields["shiftMinutes"]?.intValue ?? 90)m")
            }
            revised = [.object(segment)]
        }
        state.segments[orderNo] = (segments.original, revised)
        return [
            "scheduleChangeType": fields["scheduleChangeType"] ?? 1, "previousSegs": segments.current,
            "revisedSegs": revised, "originalSegs": segments.original,
        ]
    }

    func deliveries(query: [String: String]) async throws(ScenarioDriverError) -> [JSONValue] {
        try up()
        return state.withLock { state in
            state.deliveryLooks += 1
            guard state.deliveryLooks >= settings.deliveriesVisibleFromLook else { return [] }
            return state.deliveries.filter { record in
                query.allSatisfy { key, value in record[key]?.stringValue == value }
            }
        }
    }

    func incidents(clientId: String, query: JSONValue) async throws(ScenarioDriverError) -> JSONValue {
        try up()
        let records = state.withLock { $0.incidents }.filter { record in
            ["eventId", "orderNo", "eventType"].allSatisfy { key in
                query[key].map { record[key] == $0 } ?? true
            }
        }
        return [
            "status": 0, "msg": nil, "records": .array(records), "pageIndex": "1", "pageSize": "100",
            "total": .string(String(records.count)),
        ]
    }

    func requests(clientId: String?, path: String?) async throws(ScenarioDriverError) -> [JSONValue] {
        try up()
        return state.withLock { $0.journal }.filter { entry in
            (clientId.map { entry["clientId"]?.stringValue == $0 } ?? true)
                && (path.map { entry["path"]?.stringValue == $0 } ?? true)
        }
    }

    func clock(_ command: JSONValue) async throws(ScenarioDriverError) -> JSONValue {
        try up()
        return ["now": "2026-01-01 12:00:00.000", "frozen": true]
    }
}
