import AtlasJSON

/// `expect.deliveries`: what the receiver answered to the webhooks this scenario fired.
struct DeliveryExpectation: Sendable, Hashable {
    /// Fire steps whose events are in scope; nil for every event fired so far.
    var events: [String]?
    /// Only deliveries of this webhook type.
    var type: String?
    /// Only deliveries for this order.
    var orderNo: String?
    /// Only deliveries with this outcome ("delivered", "failed", "dropped").
    var outcome: String?
    /// How many delivery records; nil means "every event in scope arrived at least once".
    var count: CountRange?
    /// Every attempt that was sent got a 2xx answer (dropped events are exempt).
    var allSucceeded: Bool
    /// The slowest accepted answer, in milliseconds.
    var maxLatencyMs: Int?
    /// Fire steps whose events must have arrived in this order (by first attempt).
    var order: [String]?
    /// Every copy of one event carried the same non-null notificationId.
    var sameNotificationId: Bool
    /// How long to wait for deliveries still on their way, in milliseconds.
    var within: Int

    /// The keys `expect.deliveries` accepts.
    static let keys: Set<String> = [
        "events", "type", "orderNo", "outcome", "count", "allSucceeded", "maxLatencyMs", "order",
        "sameNotificationId", "within",
    ]

    /// Reads `expect.deliveries` at `path`.
    static func decode(_ body: JSONValue, at path: JSONPath, reader: StepReader) throws(JSONShapeError)
        -> DeliveryExpectation
    {
        let members = try body.expectObject(at: path)
        try members.rejectUnknownKeys(allowed: keys, at: path)
        func read<T>(_ key: String, _ body: (JSONValue, JSONPath) throws(JSONShapeError) -> T?)
            throws(JSONShapeError) -> T?
        {
            guard let value = members[key] else { return nil }
            return try body(value, path.appending(key))
        }
        return DeliveryExpectation(
            events: try read("events") { (v, p) throws(JSONShapeError) in
                try reader.stepNames(v, at: p, fireOnly: true)
            },
            type: try read("type") { (v, p) throws(JSONShapeError) in
                try reader.choice(v, at: p, from: AtlasEventCatalogue.typeNames)
            },
            orderNo: try read("orderNo") { (v, p) throws(JSONShapeError) in
                try reader.nonEmptyString(v, at: p)
            },
            outcome: try read("outcome") { (v, p) throws(JSONShapeError) in
                try reader.choice(v, at: p, from: ["delivered", "failed", "dropped"])
            },
            count: try read("count") { (v, p) throws(JSONShapeError) in try reader.count(v, at: p) },
            allSucceeded: try read("allSucceeded") { (v, p) throws(JSONShapeError) in
                try reader.bool(v, at: p)
            } ?? true,
            maxLatencyMs: try read("maxLatencyMs") { (v, p) throws(JSONShapeError) in
                try reader.int(v, at: p, in: 0...3_600_000)
            },
            order: try read("order") { (v, p) throws(JSONShapeError) in
                try reader.stepNames(v, at: p, fireOnly: true)
            },
            sameNotificationId: try read("sameNotificationId") { (v, p) throws(JSONShapeError) in
                try reader.bool(v, at: p)
            } ?? false,
            within: try read("within") { (v, p) throws(JSONShapeError) in
                try reader.int(v, at: p, in: 0...3_600_000)
            } ?? 5000)
    }

    /// The driver query: narrowed to one event when that is all the scope holds.
    func query(clientId: String, scope: [FiredEvent]) -> [String: String] {
        var query = ["clientId": clientId]
        if let type { query["type"] = type }
        if let orderNo { query["orderNo"] = orderNo }
        if let outcome { query["outcome"] = outcome }
        if scope.count == 1 { query["eventId"] = scope[0].eventId }
        return query
    }

    /// The fired events in scope: those of `events`, or all.
    func scope(of fired: [FiredEvent]) -> [FiredEvent] {
        fired.filter { event in
            (events?.contains(event.step) ?? true) && (type.map { $0 == event.type } ?? true)
                && (orderNo.map { $0 == event.orderNo } ?? true)
        }
    }

    /// Judges the delivery records seen now against this expectation.
    func check(records allRecords: [JSONValue], fired: [FiredEvent]) -> ExpectationCheck {
        let scope = scope(of: fired)
        let stepOf = Dictionary(scope.map { ($0.eventId, $0.step) }, uniquingKeysWith: { first, _ in first })
        let records = allRecords.filter { record in
            guard let id = record["eventId"]?.stringValue, stepOf[id] != nil else { return false }
            return (type.map { record["type"]?.stringValue == $0 } ?? true)
                && (orderNo.map { record["orderNo"]?.stringValue == $0 } ?? true)
                && (outcome.map { record["outcome"]?.stringValue == $0 } ?? true)
        }.sorted { ($0["sequence"]?.intValue ?? 0) < ($1["sequence"]?.intValue ?? 0) }
        let describe = { (record: JSONValue) in DeliveryRecordText.describe(record, step: stepOf) }

        if allSucceeded {
            for record in records where record["outcome"]?.stringValue != "dropped" {
                let status = record["response"]?["status"]?.intValue
                if record["outcome"]?.stringValue == "failed"
                    || status.map({ !(200...299).contains($0) }) == true
                {
                    return .failed("\(describe(record)) failed: \(DeliveryRecordText.failureReason(record))")
                }
            }
        }
        if let maxLatencyMs {
            for record in records {
                if let latency = record["latencyMs"]?.doubleValue, latency > Double(maxLatencyMs) {
                    return .failed(
                        "\(describe(record)) took \(DeliveryRecordText.milliseconds(latency)), over the \(maxLatencyMs) ms limit"
                    )
                }
            }
        }
        if sameNotificationId {
            let groups = Dictionary(grouping: records) { $0["eventId"]?.stringValue ?? "" }
            for (eventId, copies) in groups.sorted(by: { $0.key < $1.key }) {
                let ids = Set(copies.map { $0["notificationId"]?.stringValue ?? "null" })
                if ids.count != 1 || ids.first == "null" {
                    return .failed(
                        "copies of event \(eventId) (\(stepOf[eventId] ?? "?")) carry notificationIds \(ids.sorted().joined(separator: ", ")); expected one shared non-null id"
                    )
                }
            }
        }
        if let count {
            if records.count > count.max {
                return .failed("expected \(count) deliveries\(scopeText), got \(records.count)")
            }
            if records.count < count.min {
                return .pending("expected \(count) deliveries\(scopeText), got \(records.count)")
            }
        } else {
            let arrived = Set(records.compactMap { $0["eventId"]?.stringValue })
            let owed = scope.filter { outcome == "dropped" ? $0.dropped : !$0.dropped }
            if owed.isEmpty && records.isEmpty {
                return .failed("no events in scope\(scopeText); nothing to judge")
            }
            if let missing = owed.first(where: { !arrived.contains($0.eventId) }) {
                let missingCount = owed.filter { !arrived.contains($0.eventId) }.count
                return .pending(
                    "\(missingCount) of \(owed.count) events never reached the receiver, e.g. \(missing.type) event \(missing.eventId) (\(missing.step))"
                )
            }
        }
        if let order {
            var firstSequence: [(step: String, sequence: Int)] = []
            for step in order {
                guard
                    let first = records.first(where: {
                        stepOf[$0["eventId"]?.stringValue ?? ""] == step
                            && $0["outcome"]?.stringValue != "dropped"
                    })
                else {
                    return .pending("no delivery yet of the event fired by \(step)")
                }
                firstSequence.append((step, first["sequence"]?.intValue ?? 0))
            }
            let arrival = firstSequence.sorted { $0.sequence < $1.sequence }.map(\.step)
            if arrival != order {
                return .failed(
                    "deliveries arrived as \(arrival.joined(separator: ", ")); expected \(order.joined(separator: ", "))"
                )
            }
        }
        let slowest = records.compactMap { $0["latencyMs"]?.doubleValue }.max()
        var detail = "\(records.count) deliveries"
        if allSucceeded { detail += ", all 2xx" }
        if let slowest { detail += ", slowest \(DeliveryRecordText.milliseconds(slowest))" }
        return .passed(detail: detail, result: ["count": .int(records.count), "deliveries": .array(records)])
    }

    private var scopeText: String {
        var parts: [String] = []
        if let events { parts.append("of " + events.joined(separator: ", ")) }
        if let type { parts.append("of type \(type)") }
        if let orderNo { parts.append("for order \(orderNo)") }
        if let outcome { parts.append("with outcome \(outcome)") }
        return parts.isEmpty ? "" : " " + parts.joined(separator: " ")
    }
}
