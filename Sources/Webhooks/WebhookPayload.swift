public import AtlasJSON

/// One webhook body, built once: the JSON tree and the exact bytes sent for it.
///
/// The bytes are compact JSON with keys sorted at every level, as Atlas's serializer writes them.
/// They are produced once here and never re-encoded, so what the log shows is what went on the wire.
public struct WebhookPayload: Sendable, Hashable {
    /// The webhook type.
    public let type: WebhookType
    /// The whole body as JSON.
    public let json: JSONValue
    /// The exact body bytes.
    public let body: [UInt8]
    /// `notificationId` when the type carries one.
    public let notificationId: String?
    /// The order the webhook is about, nil for `airline.status`.
    public let orderNo: String?

    /// Wraps `data` in Atlas's envelope for `type`: `cid` (unless `airline.status`), `type`, `status`
    /// and `notificationId` (only for types that carry one).
    public init(type: WebhookType, cid: String?, notificationId: String?, orderNo: String?, data: JSONValue) {
        var envelope: [String: JSONValue] = [
            "type": .string(type.rawValue), "status": .int(type.envelopeStatus), "data": data,
        ]
        if type.carriesCid, let cid { envelope["cid"] = .string(cid) }
        let carried = type.carriesNotificationId ? notificationId : nil
        if let carried { envelope["notificationId"] = .string(carried) }
        self.type = type
        self.json = .object(envelope)
        self.body = json.serialized()
        self.notificationId = carried
        self.orderNo = orderNo
    }

    /// The body as text.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }
}
