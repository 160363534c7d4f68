import AtlasHTTP
public import AtlasJSON
public import Scenarios

/// Drives a running atlas-mock through its admin API, for `run`, `demo` and `trigger`.
///
/// Standalone runs start a server in-process on port 0 and use this same driver over loopback, so a
/// scenario behaves the same against an embedded mock and a shared one.
public struct AdminAPIDriver: ScenarioDriver {
    /// The server's base URL, e.g. `http://127.0.0.1:8089`.
    public let baseURL: String
    private let token: String?
    private let client: HTTPClient
    private let timeout: Duration
    private let seed: UInt64?

    /// A driver for the server at `baseURL`, sending `token` as a bearer token when given; every reset
    /// restarts the server's ids from `seed` when one is given.
    public init(baseURL: String, token: String? = nil, seed: UInt64? = nil, timeout: Duration = .seconds(60))
    {
        self.seed = seed
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        // Delivery lists of a 1,000-event burst run to megabytes; the admin API is trusted, so allow 256 MiB.
        self.client = HTTPClient(maxResponseBytes: 256 << 20)
        self.timeout = timeout
    }

    /// `POST /__admin/reset`, restarting ids from the driver's seed when it has one.
    public func reset() async throws(ScenarioDriverError) {
        let body: JSONValue =
            seed.map { ["seed": .int(Int(truncatingIfNeeded: $0 & 0x7FFF_FFFF_FFFF_FFFF))] } ?? [:]
        _ = try await call("POST", "/__admin/reset", body: body)
    }

    /// `POST /__admin/registrations`.
    public func register(clientId: String, url: String) async throws(ScenarioDriverError) {
        _ = try await call(
            "POST", "/__admin/registrations", body: ["clientId": .string(clientId), "url": .string(url)])
    }

    /// `POST /__admin/events`.
    public func fire(_ event: JSONValue) async throws(ScenarioDriverError) -> JSONValue {
        try await call("POST", "/__admin/events", body: event)
    }

    /// `GET /__admin/deliveries`.
    public func deliveries(query: [String: String]) async throws(ScenarioDriverError) -> [JSONValue] {
        try await call("GET", "/__admin/deliveries" + Self.queryString(query), body: nil)["deliveries"]?
            .arrayValue ?? []
    }

    /// `POST /__admin/incidents/query`.
    public func incidents(clientId: String, query: JSONValue) async throws(ScenarioDriverError) -> JSONValue {
        var members = query.objectValue ?? [:]
        members["clientId"] = .string(clientId)
        return try await call("POST", "/__admin/incidents/query", body: .object(members))
    }

    /// `GET /__admin/requests`.
    public func requests(clientId: String?, path: String?) async throws(ScenarioDriverError) -> [JSONValue] {
        var query: [String: String] = [:]
        query["clientId"] = clientId
        query["path"] = path
        return try await call("GET", "/__admin/requests" + Self.queryString(query), body: nil)["requests"]?
            .arrayValue ?? []
    }

    /// `POST /__admin/clock`.
    public func clock(_ command: JSONValue) async throws(ScenarioDriverError) -> JSONValue {
        try await call("POST", "/__admin/clock", body: command)
    }

    /// `GET /__admin/health`.
    public func health() async throws(ScenarioDriverError) -> JSONValue {
        try await call("GET", "/__admin/health", body: nil)
    }

    /// One admin call: JSON in, JSON out; transport faults are `unreachable`, 4xx/5xx are `rejected`.
    func call(_ method: String, _ path: String, body: JSONValue?) async throws(ScenarioDriverError)
        -> JSONValue
    {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        let request = HTTPClientRequest(
            method: method, url: baseURL + path, headers: headers, body: body?.serialized() ?? [])
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: .now + timeout)
        } catch {
            switch error.kind {
            case .refused, .timeout, .reset, .dns:
                throw .unreachable("\(baseURL): \(error.message)")
            default:
                throw ScenarioDriverError(
                    kind: .malformedResponse, message: "\(method) \(path): \(error.message)")
            }
        }
        let json = (try? JSONValue.parse(response.body)) ?? .null
        guard (200..<300).contains(response.status) else {
            let message =
                json["message"]?.stringValue ?? String(decoding: response.body.prefix(500), as: UTF8.self)
            throw .rejected(status: response.status, message: message)
        }
        return json
    }

    static func queryString(_ items: [String: String]) -> String {
        guard !items.isEmpty else { return "" }
        return "?"
            + items.sorted { $0.key < $1.key }.map { "\(percentEncoded($0.key))=\(percentEncoded($0.value))" }
            .joined(separator: "&")
    }

    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                output += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return output
    }
}
