import AtlasJSON

/// `expect.requests`: calls the integrator made to the mock's Atlas API, read from the request journal.
///
/// This is how a scenario checks reconciliation: after a dropped webhook, the integrator's side must
/// query getPageList for that order within the window.
struct RequestExpectation: Sendable, Hashable {
    /// The Atlas path called, e.g. "/event/getPageList.do".
    var path: String
    /// Text the raw request body must contain.
    var bodyContains: String?
    /// Members the request body JSON must contain, e.g. `{"orderNo": "${fire2.orderNo}"}`.
    var filter: JSONValue?
    /// How many matching calls; at least one by default.
    var count: CountRange
    /// Only calls received after this step started; nil for the whole scenario.
    var since: String?
    /// How long the integrator has, in milliseconds.
    var within: Int

    /// The keys `expect.requests` accepts.
    static let keys: Set<String> = ["path", "bodyContains", "filter", "count", "since", "within"]

    /// Reads `expect.requests` at `path`.
    static func decode(_ body: JSONValue, at path: JSONPath, reader: StepReader) throws(JSONShapeError)
        -> RequestExpectation
    {
        let members = try body.expectObject(at: path)
        try members.rejectUnknownKeys(allowed: keys, at: path)
        let callPath = try reader.choice(
            try members.required("path", at: path), at: path.appending("path"),
            from: ["/event/getPageList.do", "/updateWebhookURL.do"])
        var filter: JSONValue?
        if let value = members["filter"] {
            filter = try reader.object(value, at: path.appending("filter")).map(JSONValue.object) ?? value
        }
        var since: String?
        if let value = members["since"] {
            since = try reader.stepNames(
                .string(try value.expectString(at: path.appending("since"))),
                at: path.appending("since"), fireOnly: false)?.first
        }
        return RequestExpectation(
            path: callPath ?? "",
            bodyContains: try members["bodyContains"].flatMap { (v) throws(JSONShapeError) in
                try reader.nonEmptyString(v, at: path.appending("bodyContains"))
            },
            filter: filter,
            count: try members["count"].flatMap { (v) throws(JSONShapeError) in
                try reader.count(v, at: path.appending("count"))
            }
                ?? CountRange(min: 1, max: Int.max),
            since: since,
            within: try members["within"].flatMap { (v) throws(JSONShapeError) in
                try reader.int(v, at: path.appending("within"), in: 0...3_600_000)
            } ?? 10_000)
    }

    /// Judges the journal entries received after sequence `mark`.
    func check(entries: [JSONValue], after mark: Int, sinceText: String) -> ExpectationCheck {
        let recent = entries.filter {
            ($0["sequence"]?.intValue ?? 0) > mark && $0["path"]?.stringValue == path
        }
        let matching = recent.filter { entry in
            let body = entry["requestBody"]?.stringValue ?? ""
            if let bodyContains, !body.contains(bodyContains) { return false }
            if let filter {
                guard let parsed = try? JSONValue.parse(body) else { return false }
                return parsed.mismatch(against: filter) == nil
            }
            return true
        }
        var wanted = path
        if let filter { wanted += " with body matching \(filter.compactText)" }
        if let bodyContains { wanted += " with body containing \"\(bodyContains)\"" }
        if matching.count > count.max {
            return .failed("expected \(count) calls to \(wanted) \(sinceText), got \(matching.count)")
        }
        guard matching.count >= count.min else {
            return .pending(
                "expected \(count) calls to \(wanted) \(sinceText), got \(matching.count) (\(recent.count) calls to \(path) in all)"
            )
        }
        return .passed(
            detail: "\(matching.count) calls to \(wanted) \(sinceText)",
            result: ["requests": .array(matching)])
    }
}
