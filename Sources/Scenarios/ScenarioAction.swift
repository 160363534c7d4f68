import AtlasJSON
import AtlasSandbox

/// What one step does, read strictly once its `${…}` references are known.
enum ScenarioAction: Sendable, Hashable {
    /// Register the webhook URL of the scenario's client.
    case register(url: String)
    /// Send an EVENT REQUEST, possibly several times.
    case fire(FireAction)
    /// Let real time pass.
    case wait(milliseconds: Int)
    /// Freeze, unfreeze, set or advance the mock's clock.
    case clock(command: JSONValue)
    /// Judge the deliveries.
    case expectDeliveries(DeliveryExpectation)
    /// Judge getPageList.
    case expectIncidents(IncidentExpectation)
    /// Judge the integrator's calls.
    case expectRequests(RequestExpectation)
    /// Compare two values, typically parts of earlier results.
    case expectEqual(actual: JSONValue, expected: JSONValue)

    /// Reads the body of a step of `kind` found at `path`.
    static func decode(
        kind: ScenarioStep.Kind, body: JSONValue, at path: JSONPath, clientId: String, reader: StepReader
    ) throws(JSONShapeError) -> ScenarioAction {
        switch kind {
        case .register:
            let members = try body.expectObject(at: path)
            try members.rejectUnknownKeys(allowed: ["url"], at: path)
            let urlPath = path.appending("url")
            let url = try members.required("url", at: path).expectString(at: urlPath)
            let isReference = url.contains("${")
            guard isReference || url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw JSONShapeError(
                    path: urlPath, reason: "expected an http:// or https:// URL, got \"\(url)\"")
            }
            return .register(url: url)
        case .fire:
            return .fire(try FireAction.decode(body, at: path, clientId: clientId, reader: reader))
        case .wait:
            let members = try body.expectObject(at: path)
            try members.rejectUnknownKeys(allowed: ["ms"], at: path)
            let ms = try reader.int(
                try members.required("ms", at: path), at: path.appending("ms"), in: 0...600_000)
            return .wait(milliseconds: ms ?? 0)
        case .clock:
            return .clock(command: try decodeClock(body, at: path, reader: reader))
        case .expectDeliveries:
            return .expectDeliveries(try DeliveryExpectation.decode(body, at: path, reader: reader))
        case .expectIncidents:
            return .expectIncidents(try IncidentExpectation.decode(body, at: path, reader: reader))
        case .expectRequests:
            return .expectRequests(try RequestExpectation.decode(body, at: path, reader: reader))
        case .expectEqual:
            let members = try body.expectObject(at: path)
            try members.rejectUnknownKeys(allowed: ["actual", "expected"], at: path)
            return .expectEqual(
                actual: try members.required("actual", at: path),
                expected: try members.required("expected", at: path))
        }
    }

    /// Reads a clock command: `{"action": "advance", "milliseconds": 60000}` or `{"action": "set", "at": "…"}`.
    private static func decodeClock(_ body: JSONValue, at path: JSONPath, reader: StepReader)
        throws(JSONShapeError)
        -> JSONValue
    {
        let members = try body.expectObject(at: path)
        try members.rejectUnknownKeys(allowed: ["action", "at", "milliseconds"], at: path)
        let action = try reader.choice(
            try members.required("action", at: path), at: path.appending("action"),
            from: ["freeze", "unfreeze", "set", "advance"])
        if action == "set" { _ = try members.required("at", at: path) }
        if action == "advance" { _ = try members.required("milliseconds", at: path) }
        if let at = members["at"] {
            guard action == "set" || action == "freeze" || action == nil else {
                throw JSONShapeError(
                    path: path.appending("at"), reason: "only \"set\" and \"freeze\" take a time")
            }
            if let text = try reader.string(at, at: path.appending("at")), AtlasTime.parse(text) == nil {
                throw JSONShapeError(
                    path: path.appending("at"),
                    reason: "expected a time \"yyyy-MM-dd HH:mm:ss\" (UTC+08:00), got \"\(text)\"")
            }
        }
        if let milliseconds = members["milliseconds"] {
            guard action == "advance" || action == nil else {
                throw JSONShapeError(
                    path: path.appending("milliseconds"), reason: "only \"advance\" takes milliseconds")
            }
            _ = try reader.int(
                milliseconds, at: path.appending("milliseconds"), in: 0...(10 * 366 * 86_400_000))
        }
        return body
    }
}
