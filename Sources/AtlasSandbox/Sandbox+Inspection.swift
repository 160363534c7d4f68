extension Sandbox {
    /// The getPageList answer `body` would get for `clientId`, for the admin API and scenario checks:
    /// no credentials needed and, unlike `handle`, nothing written to the journal, since the journal
    /// must show only the integrator's own calls (the reconciliation check reads it).
    public func inspectPageList(clientId: String, body: [UInt8]) -> AtlasReply {
        do throws(AtlasRequestError) {
            let request = try GetPageListRequest(body: body, maxPageSize: configuration.maxPageSize)
            return AtlasReply(
                httpStatus: 200, body: try pageList(request.query, clientId: clientId),
                bodyStatus: AtlasStatus.success.rawValue, clientId: clientId, warnings: request.warnings)
        } catch {
            return AtlasReply(
                httpStatus: 200, body: error.status.envelope(detail: error.detail),
                bodyStatus: error.status.rawValue,
                clientId: clientId, warnings: [])
        }
    }
}
