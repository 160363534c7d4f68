import AtlasJSON

/// Validates a `event/getPageList.do` body into an ``IncidentQuery`` (reference §4.1, §11).
///
/// Rules, in the order they are checked:
/// - The body must be a JSON object (901).
/// - `pageSize` is required (100 when absent, null or `""`); it and `pageIndex` are integers or
///   strings of digits, `pageIndex` defaults to 1 and must be ≥ 1, `pageSize` must be 1...max (901).
/// - String filters must be strings (901); `""` and null mean no filter.
/// - `eventStatus`: an integer array, an integer, or a string of comma-separated integers (`"0"`,
///   `"0,1"`; the 2023 docs typed it as a string); `[]`, `""` and null mean no filter.
/// - `airline` (string) and the legacy `airlines` (array of strings) are merged into one set.
/// - Time fields must be `yyyy-MM-dd HH:mm:ss` and real dates (901).
/// - Unknown keys are ignored with a warning (live Atlas accepted `pageNo`).
struct GetPageListRequest {
    static let path = "/event/getPageList.do"
    static let knownFields: Set<String> = [
        "eventId", "orderNo", "eventType", "pnr", "paxName", "paxEmail", "airline", "airlines", "eventStatus",
        "eventTimeStart", "eventTimeEnd", "depTimeStart", "depTimeEnd", "updateTimeStart", "pageIndex",
        "pageSize",
    ]

    var query: IncidentQuery
    var warnings: [String]

    init(body bytes: [UInt8], maxPageSize: Int) throws(AtlasRequestError) {
        let body = try RequestBody(bytes)
        guard let pageSize = try body.lenientInt("pageSize") else { throw .missing("pageSize") }
        guard (1...max(maxPageSize, 1)).contains(pageSize) else {
            throw .illegal("pageSize: must be between 1 and \(max(maxPageSize, 1)), got \(pageSize)")
        }
        let pageIndex = try body.lenientInt("pageIndex") ?? 1
        guard pageIndex >= 1 else { throw .illegal("pageIndex: must be at least 1, got \(pageIndex)") }

        var query = IncidentQuery(pageIndex: pageIndex, pageSize: pageSize)
        query.eventId = try body.string("eventId")
        query.orderNo = try body.string("orderNo")
        query.eventType = try body.string("eventType")
        query.pnr = try body.string("pnr")
        query.paxName = try body.string("paxName")
        query.paxEmail = try body.string("paxEmail")
        query.airlines = try Self.airlines(body)
        query.eventStatuses = try Self.eventStatuses(body.fields["eventStatus"])
        query.eventTimeStart = try body.instant("eventTimeStart")
        query.eventTimeEnd = try body.instant("eventTimeEnd")
        query.depTimeStart = try body.localTime("depTimeStart")
        query.depTimeEnd = try body.localTime("depTimeEnd")
        query.updateTimeStart = try body.instant("updateTimeStart")
        self.query = query
        warnings = body.unknownFieldWarnings(known: Self.knownFields)
    }

    private static func airlines(_ body: RequestBody) throws(AtlasRequestError) -> Set<String> {
        var codes: Set<String> = []
        if let airline = try body.string("airline") { codes.insert(airline) }
        guard let value = body.fields["airlines"], !value.isNull else { return codes }
        if let single = value.stringValue {
            if !single.isEmpty { codes.insert(single) }
            return codes
        }
        guard let items = value.arrayValue else {
            throw .illegal("airlines: expected array of strings, got \(value.kindName)")
        }
        for (position, item) in items.enumerated() {
            guard let code = item.stringValue else {
                throw .illegal("airlines[\(position)]: expected string, got \(item.kindName)")
            }
            if !code.isEmpty { codes.insert(code) }
        }
        return codes
    }

    private static func eventStatuses(_ value: JSONValue?) throws(AtlasRequestError) -> Set<Int> {
        guard let value, !value.isNull else { return [] }
        if let single = value.intValue { return [single] }
        if let text = value.stringValue {
            if text.isEmpty { return [] }
            var statuses: Set<Int> = []
            for part in text.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = String(part).trimmingASCIISpaces
                guard trimmed.utf8.count <= 18, let status = Int(trimmed) else {
                    throw .illegal(
                        "eventStatus: expected integers separated by commas, got \(value.quotedForMessage)")
                }
                statuses.insert(status)
            }
            return statuses
        }
        guard let items = value.arrayValue else {
            throw .illegal(
                "eventStatus: expected integer array, integer or numeric string, got \(value.kindName)")
        }
        var statuses: Set<Int> = []
        for (position, item) in items.enumerated() {
            guard let status = item.intValue else {
                throw .illegal("eventStatus[\(position)]: expected integer, got \(item.kindName)")
            }
            statuses.insert(status)
        }
        return statuses
    }
}

extension String {
    var trimmingASCIISpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
