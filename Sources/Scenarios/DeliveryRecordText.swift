import AtlasJSON

/// How delivery records read in failure messages and progress lines.
enum DeliveryRecordText {
    /// "delivery of fire1 (order.void, event 2026…, attempt 2, copy 1) to http://…".
    static func describe(_ record: JSONValue, step: [String: String]) -> String {
        let eventId = record["eventId"]?.stringValue ?? "?"
        var parts = [record["type"]?.stringValue ?? "?", "event \(eventId)"]
        if let attempt = record["attempt"]?.intValue { parts.append("attempt \(attempt)") }
        if let copy = record["copy"]?.intValue, copy > 1 { parts.append("copy \(copy)") }
        let url = record["url"]?.stringValue.map { " to \($0)" } ?? ""
        return "delivery of \(step[eventId] ?? "an event") (\(parts.joined(separator: ", ")))\(url)"
    }

    /// Why an attempt failed: "HTTP 500", "timeout: no answer within 10000 ms", "refused: …".
    static func failureReason(_ record: JSONValue) -> String {
        var reason: String
        if let status = record["response"]?["status"]?.intValue, !(200...299).contains(status) {
            reason = "receiver answered HTTP \(status)"
            if let excerpt = record["response"]?["bodyExcerpt"]?.stringValue, !excerpt.isEmpty {
                reason += " (\(excerpt.prefix(120)))"
            }
        } else if let error = record["error"], !error.isNull {
            let kind = error["kind"]?.stringValue ?? "error"
            reason = kind + (error["message"]?.stringValue.map { ": " + $0 } ?? "")
        } else {
            reason = "outcome \(record["outcome"]?.stringValue ?? "unknown")"
        }
        if let latency = record["latencyMs"]?.doubleValue { reason += " after \(milliseconds(latency))" }
        return reason
    }

    /// "3.2 ms", one decimal.
    static func milliseconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10)) ms"
    }
}
