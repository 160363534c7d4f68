import AtlasJSON

/// Validates a `updateWebhookURL.do` body (reference §2): `{"url"}`, with the legacy `cid` tolerated.
///
/// `url` absent or null is 100; not a string, empty, or not an absolute http/https URL with a host
/// is 901. A `cid` that is not this client's is ignored with a warning (the caller is already known
/// from its credentials); unknown keys are ignored with a warning.
struct UpdateWebhookURLRequest {
    static let path = "/updateWebhookURL.do"

    var url: String
    var warnings: [String]

    init(body bytes: [UInt8], client: AtlasClient) throws(AtlasRequestError) {
        let body = try RequestBody(bytes)
        guard let value = body.fields["url"], !value.isNull else { throw .missing("url") }
        guard let url = value.stringValue else {
            throw .illegal("url: expected string, got \(value.kindName)")
        }
        if let problem = WebhookURL.problem(with: url) { throw .illegal("url: \(problem)") }
        self.url = url
        var warnings = body.unknownFieldWarnings(known: ["url", "cid"])
        if let cid = try body.string("cid"), cid != client.cid {
            warnings.append("cid \"\(cid)\" is not this client's cid \"\(client.cid)\"; ignored")
        }
        self.warnings = warnings
    }
}
