public import AtlasJSON
public import AtlasSandbox

/// One delivery attempt as the log keeps it (CONTRACTS.md DELIVERY RECORD).
public struct DeliveryRecord: Sendable {
    /// How an attempt ended.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// A 2xx came back.
        case delivered
        /// Anything else: no registration, network failure, timeout, non-2xx.
        case failed
        /// The `drop` fault: nothing was sent.
        case dropped
    }

    /// Global number, in the order attempts started.
    public var sequence: Int
    /// The event's id.
    public var eventId: String
    /// The webhook's `notificationId`, if it carries one.
    public var notificationId: String?
    /// The webhook type.
    public var type: WebhookType
    /// The receiving client.
    public var clientId: String
    /// The order, nil for `airline.status`.
    public var orderNo: String?
    /// The URL used, nil when the client had none.
    public var url: String?
    /// 1 for the first attempt, 2 for the first retry, …; 0 for a dropped event.
    public var attempt: Int
    /// Which copy of a duplicated event, from 1.
    public var copy: Int
    /// When the attempt started, on the mock clock.
    public var startedAt: AtlasInstant
    /// The headers sent, nil when nothing was sent.
    public var requestHeaders: [(name: String, value: String)]?
    /// The body sent, nil when nothing was sent.
    public var requestBody: [UInt8]?
    /// The receiver's response, nil when none came back complete.
    public var response: OutboundResponse?
    /// Wall-clock milliseconds from sending to the end of the attempt.
    public var latencyMilliseconds: Double
    /// Delivered, failed or dropped.
    public var outcome: Outcome
    /// Why it failed, nil when delivered or dropped.
    public var error: DeliveryError?

    /// The DELIVERY RECORD JSON.
    public func json() -> JSONValue {
        var request: JSONValue = .null
        if let requestHeaders, let requestBody {
            request = [
                "headers": Self.headerPairs(requestHeaders),
                "body": .string(String(decoding: requestBody, as: UTF8.self)),
            ]
        }
        var responseJSON: JSONValue = .null
        if let response {
            responseJSON = [
                "status": .int(response.status), "headers": Self.headerPairs(response.headers),
                "bodyExcerpt": .string(String(decoding: response.bodyExcerpt, as: UTF8.self)),
            ]
        }
        var errorJSON: JSONValue = .null
        if let error {
            errorJSON = ["kind": .string(error.kind.rawValue), "message": .string(error.message)]
        }
        return .object([
            "sequence": .int(sequence), "eventId": .string(eventId),
            "notificationId": .string(orNull: notificationId),
            "type": .string(type.rawValue), "clientId": .string(clientId),
            "orderNo": .string(orNull: orderNo),
            "url": .string(orNull: url), "attempt": .int(attempt), "copy": .int(copy),
            "startedAt": .string(Self.timestamp(startedAt)), "request": request, "response": responseJSON,
            "latencyMs": .double((latencyMilliseconds * 100).rounded() / 100),
            "outcome": .string(outcome.rawValue),
            "error": errorJSON,
        ])
    }

    /// `yyyy-MM-dd HH:mm:ss.SSS` in Atlas server time.
    static func timestamp(_ instant: AtlasInstant) -> String {
        let millis = Int(((instant.millisecondsSinceEpoch % 1000) + 1000) % 1000)
        let digits = String(millis)
        return AtlasTime.format(instant) + "." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    private static func headerPairs(_ headers: [(name: String, value: String)]) -> JSONValue {
        .array(headers.map { [.string($0.name), .string($0.value)] })
    }
}
