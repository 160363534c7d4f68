import AtlasHTTP
import AtlasJSON
import AtlasSandbox
import CAtlasSystem
import Webhooks

extension AdminAPI {
    /// `GET /__admin/health`: liveness plus every counter and limit, so a limit that was hit is visible.
    func health() -> HTTPResponse {
        let uptime = ContinuousClock.now - startedAt
        var http: JSONValue = .null
        if let statistics = server.statistics {
            http = [
                "openConnections": .int(statistics.openConnections),
                "acceptedConnections": .int(statistics.acceptedConnections),
                "requests": .int(statistics.requests),
                "limitHits": [
                    "connectionsRejected": .int(statistics.connectionsRejected),
                    "headTooLarge": .int(statistics.headTooLarge),
                    "bodyTooLarge": .int(statistics.bodyTooLarge),
                    "timeouts": .int(statistics.timeouts),
                    "malformed": .int(statistics.malformed),
                ],
            ]
        }
        let body: JSONValue = [
            "status": "ok",
            "version": .string(AtlasMockVersion.current),
            "uptimeSeconds": .double(
                Double(uptime.components.seconds) + Double(uptime.components.attoseconds) / 1e18),
            "seed": .string(String(identifiers.seed)),
            "clock": clockJSON(),
            "http": http,
            "sandbox": sandbox.statistics.json(),
            "webhooks": webhooks.statistics.json(),
            "limits": [
                "maxConnections": .int(configuration.maxConnections),
                "maxHeadBytes": .int(configuration.maxHeadBytes),
                "maxBodyBytes": .int(configuration.maxBodyBytes),
                "journalCapacity": .int(configuration.journalCapacity),
                "deliveryLogCapacity": .int(configuration.deliveryLogCapacity),
                "registrationHistoryCapacity": .int(configuration.registrationHistoryCapacity),
                "maxIncidentsPerClient": .int(configuration.maxIncidentsPerClient),
                "maxPageSize": .int(configuration.maxPageSize),
            ],
        ]
        return Self.ok(body)
    }

    /// `POST /__admin/reset` `{"seed"?: n}`: fixtures back, registrations, added incidents, journal and
    /// deliveries cleared; with a seed, ids restart from it.
    func reset(_ request: HTTPRequest) -> HTTPResponse {
        let members: [String: JSONValue]
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value):
            guard let object = value.objectValue else {
                return Self.fault(400, "invalid_request", "$: expected object")
            }
            members = object
        }
        do {
            try members.rejectUnknownKeys(allowed: ["seed"], at: .root)
            if let seed = members["seed"] {
                let number = try seed.expectInt(at: JSONPath.root.appending("seed"))
                guard number >= 0 else {
                    return Self.fault(400, "invalid_request", "$.seed: expected a non-negative integer")
                }
                identifiers.reseed(UInt64(number))
            }
        } catch {
            return Self.fault(400, "invalid_request", "\(error)")
        }
        sandbox.reset()
        _ = catlas_release_free_memory()  // the rebuilt stores outgrew buffers, as at start-up
        orders.reset()
        webhooks.reset()
        return Self.ok(["status": "reset", "seed": .string(String(identifiers.seed))])
    }

    /// `GET /__admin/clients`: clients and their registrations; secrets are never shown.
    func clients() -> HTTPResponse {
        let list = sandbox.clients.map { client -> JSONValue in
            let registration = sandbox.registration(clientId: client.clientId)
            return [
                "clientId": .string(client.clientId), "cid": .string(client.cid),
                "name": .string(client.name),
                "webhookUrl": .string(orNull: registration?.url),
                "registeredAt": .string(orNull: registration.map { AtlasTime.format($0.registeredAt) }),
                "history": .array(
                    (registration?.history ?? []).map { entry in
                        ["url": .string(entry.url), "at": .string(AtlasTime.format(entry.at))]
                    }),
            ]
        }
        return Self.ok(["clients": .array(list)])
    }

    /// `POST /__admin/registrations` `{"clientId","url"}`: registers as updateWebhookURL.do would.
    func register(_ request: HTTPRequest) -> HTTPResponse {
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value):
            do {
                let members = try value.expectObject(at: .root)
                try members.rejectUnknownKeys(allowed: ["clientId", "url"], at: .root)
                let clientId = try members.required("clientId", at: .root).expectString(
                    at: JSONPath.root.appending("clientId"))
                let url = try members.required("url", at: .root).expectString(
                    at: JSONPath.root.appending("url"))
                guard sandbox.client(id: clientId) != nil else {
                    return Self.fault(404, "unknown_client", "$.clientId: no client '\(clientId)'")
                }
                try sandbox.register(url: url, clientId: clientId)
                return Self.ok(["clientId": .string(clientId), "url": .string(url)])
            } catch {
                return Self.fault(400, "invalid_request", "\(error)")
            }
        }
    }

    /// `GET /__admin/orders?clientId=`: orders with their current itinerary and state.
    func listOrders(_ request: HTTPRequest) -> HTTPResponse {
        let clientId = Self.query(request)["clientId"]
        if let clientId, sandbox.client(id: clientId) == nil {
            return Self.fault(404, "unknown_client", "clientId: no client '\(clientId)'")
        }
        return Self.ok(["orders": orders.json(clientId: clientId)])
    }

    /// `GET /__admin/requests?clientId=&path=&sinceSequence=`: the journal of Atlas calls.
    func listRequests(_ request: HTTPRequest) -> HTTPResponse {
        let query = Self.query(request)
        var since = 0
        if let text = query["sinceSequence"] {
            guard let number = Int(text), number >= 0 else {
                return Self.fault(
                    400, "invalid_request", "sinceSequence: expected a non-negative integer, got '\(text)'")
            }
            since = number
        }
        let entries = sandbox.journal(clientId: query["clientId"], path: query["path"], limit: nil)
            .filter { $0.sequence > since }
        return Self.ok([
            "requests": .array(entries.map { $0.json() }), "evicted": .int(sandbox.journalEvictedCount),
        ])
    }

    /// `GET /__admin/clock`.
    func clockState() -> HTTPResponse {
        Self.ok(clockJSON())
    }

    /// `POST /__admin/clock` `{"action": "freeze"|"unfreeze"|"set"|"advance", "at"?, "milliseconds"?}`.
    func moveClock(_ request: HTTPRequest) -> HTTPResponse {
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value):
            do {
                let members = try value.expectObject(at: .root)
                try members.rejectUnknownKeys(allowed: ["action", "at", "milliseconds"], at: .root)
                let action = try members.required("action", at: .root).expectString(
                    at: JSONPath.root.appending("action"))
                let at = try members["at"].map { value throws(JSONShapeError) -> AtlasInstant in
                    let text = try value.expectString(at: JSONPath.root.appending("at"))
                    guard let instant = AtlasTime.parse(text) else {
                        throw JSONShapeError(
                            path: JSONPath.root.appending("at"),
                            reason: "expected 'yyyy-MM-dd HH:mm:ss', got \"\(text)\"")
                    }
                    return instant
                }
                switch action {
                case "freeze": clock.freeze(at: at)
                case "unfreeze": clock.unfreeze()
                case "set":
                    guard let at else {
                        return Self.fault(
                            400, "invalid_request", "$.at: missing required field for action 'set'")
                    }
                    clock.set(to: at)
                case "advance":
                    let milliseconds = try members.required("milliseconds", at: .root).expectInt(
                        at: JSONPath.root.appending("milliseconds"))
                    clock.advance(by: Int64(milliseconds))
                default:
                    return Self.fault(
                        400, "invalid_request",
                        "$.action: expected freeze, unfreeze, set or advance, got \"\(action)\"")
                }
                return Self.ok(clockJSON())
            } catch {
                return Self.fault(400, "invalid_request", "\(error)")
            }
        }
    }

    private func clockJSON() -> JSONValue {
        ["now": .string(String(clock.now().logText)), "frozen": .bool(clock.isFrozen)]
    }
}
