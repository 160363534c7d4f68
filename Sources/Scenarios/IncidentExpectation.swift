import AtlasJSON

/// `expect.incidents`: what getPageList returns for a query, as the integrator would see it.
struct IncidentExpectation: Sendable, Hashable {
    /// getPageList filters (`orderNo`, `eventType`, `eventId`, …); `pageSize` defaults to 100.
    var query: [String: JSONValue]
    /// How many matching incidents (`total`); at least one by default.
    var count: CountRange
    /// Members every returned record must have, e.g. `{"eventId": "${fire1.eventId}", "eventStatus": 0}`.
    var fields: JSONValue?
    /// How long to wait for the incident to appear, in milliseconds.
    var within: Int

    /// The keys `expect.incidents` accepts.
    static let keys: Set<String> = ["query", "count", "fields", "within"]

    /// The getPageList request filters the mock understands.
    static let queryKeys: Set<String> = [
        "eventId", "orderNo", "eventType", "pnr", "paxName", "paxEmail", "airline", "eventStatus",
        "eventTimeStart",
        "eventTimeEnd", "depTimeStart", "depTimeEnd", "updateTimeStart", "pageIndex", "pageSize",
    ]

    /// Reads `expect.incidents` at `path`.
    static func decode(_ body: JSONValue, at path: JSONPath, reader: StepReader) throws(JSONShapeError)
        -> IncidentExpectation
    {
        let members = try body.expectObject(at: path)
        try members.rejectUnknownKeys(allowed: keys, at: path)
        var query: [String: JSONValue] = [:]
        if let value = members["query"], let filters = try reader.object(value, at: path.appending("query")) {
            try filters.rejectUnknownKeys(allowed: queryKeys, at: path.appending("query"))
            if let type = filters["eventType"] {
                _ = try reader.choice(
                    type, at: path.appending("query").appending("eventType"),
                    from: ["order.schedulechange", "email.schedulechange", "abnormal.cancelled"])
            }
            query = filters
        }
        query["pageSize"] = query["pageSize"] ?? 100
        var fields: JSONValue?
        if let value = members["fields"] {
            fields = try reader.object(value, at: path.appending("fields")).map(JSONValue.object) ?? value
        }
        return IncidentExpectation(
            query: query,
            count: try members["count"].flatMap { (v) throws(JSONShapeError) in
                try reader.count(v, at: path.appending("count"))
            }
                ?? CountRange(min: 1, max: Int.max),
            fields: fields,
            within: try members["within"].flatMap { (v) throws(JSONShapeError) in
                try reader.int(v, at: path.appending("within"), in: 0...3_600_000)
            } ?? 5000)
    }

    /// Judges one getPageList body.
    func check(body: JSONValue) -> ExpectationCheck {
        let status = body["status"]?.intValue ?? -1
        guard status == 0 else {
            return .failed(
                "getPageList answered status \(status): \(body["msg"]?.stringValue ?? "no message")")
        }
        let records = body["records"]?.arrayValue ?? []
        let total = body["total"]?.stringValue.flatMap { Int($0) } ?? body["total"]?.intValue ?? records.count
        let filters = JSONValue.object(query).compactText
        guard count.contains(total) else {
            return .pending("getPageList \(filters) returned \(total) incidents, expected \(count)")
        }
        if let fields {
            for (index, record) in records.enumerated() {
                if let reason = record.mismatch(against: fields) {
                    let eventId = record["eventId"]?.stringValue ?? "#\(index)"
                    return .pending("incident \(eventId) from getPageList \(filters): \(reason)")
                }
            }
        }
        return .passed(detail: "getPageList returned \(total) matching incidents", result: body)
    }
}
