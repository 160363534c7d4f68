import AtlasJSON

/// What a fire step learned about its (last) event, for progress lines.
struct FireNote: Sendable, Hashable {
    var eventId: String?
    var outcome: String?
    var httpStatus: Int?
    var latencyMs: Double?
    var text: String

    init(response: JSONValue, count: Int) {
        eventId = response["eventId"]?.stringValue
        outcome = response["outcome"]?.stringValue
        let attempt = response["deliveries"]?.arrayValue?.last
        httpStatus = attempt?["response"]?["status"]?.intValue
        latencyMs = attempt?["latencyMs"]?.doubleValue
        var text = count > 1 ? "\(count) events, last " : ""
        text += "\(response["type"]?.stringValue ?? "event") \(eventId ?? "?")"
        if let orderNo = response["orderNo"]?.stringValue { text += " for \(orderNo)" }
        text += ": \(outcome ?? "?")"
        if let httpStatus { text += " HTTP \(httpStatus)" }
        if let latencyMs { text += " in \(DeliveryRecordText.milliseconds(latencyMs))" }
        if outcome == "failed", let attempt { text += " (\(DeliveryRecordText.failureReason(attempt)))" }
        self.text = text
    }
}
