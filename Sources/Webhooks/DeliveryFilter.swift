import AtlasJSON

/// Which delivery records to list; every criterion given must match (GET /__admin/deliveries).
public struct DeliveryFilter: Sendable, Hashable {
    /// Only this client's deliveries.
    public var clientId: String?
    /// Only this webhook type.
    public var type: WebhookType?
    /// Only this order's.
    public var orderNo: String?
    /// Only attempts with this outcome.
    public var outcome: DeliveryRecord.Outcome?
    /// Only this event's attempts.
    public var eventId: String?

    /// A filter; nil criteria match everything.
    public init(
        clientId: String? = nil, type: WebhookType? = nil, orderNo: String? = nil,
        outcome: DeliveryRecord.Outcome? = nil, eventId: String? = nil
    ) {
        self.clientId = clientId
        self.type = type
        self.orderNo = orderNo
        self.outcome = outcome
        self.eventId = eventId
    }

    /// Whether `record` passes.
    public func matches(_ record: DeliveryRecord) -> Bool {
        (clientId == nil || record.clientId == clientId) && (type == nil || record.type == type)
            && (orderNo == nil || record.orderNo == orderNo) && (outcome == nil || record.outcome == outcome)
            && (eventId == nil || record.eventId == eventId)
    }
}

extension DeliveryFilter {
    /// The filter named by `GET /__admin/deliveries` query parameters (`clientId`, `type`, `orderNo`,
    /// `outcome`, `eventId`; empty values are ignored), or a refusal naming the parameter.
    public static func parse(query: [String: String]) throws(EventRequestError) -> DeliveryFilter {
        var filter = DeliveryFilter()
        for (name, value) in query.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
            let path = JSONPath.root.appending(name)
            switch name {
            case "clientId": filter.clientId = value
            case "orderNo": filter.orderNo = value
            case "eventId": filter.eventId = value
            case "type":
                guard let type = WebhookType(name: value) else {
                    throw EventRequestError(
                        .invalid, at: path,
                        "unknown webhook type \"\(value)\" (expected one of: \(WebhookType.names))")
                }
                filter.type = type
            case "outcome":
                guard let outcome = DeliveryRecord.Outcome(rawValue: value) else {
                    throw EventRequestError(
                        .invalid, at: path,
                        "unknown outcome \"\(value)\" (expected delivered, failed or dropped)")
                }
                filter.outcome = outcome
            default:
                throw EventRequestError(
                    .invalid, at: path,
                    "unknown parameter (expected clientId, type, orderNo, outcome or eventId)")
            }
        }
        return filter
    }
}
