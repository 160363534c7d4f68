import Synchronization

extension Sandbox {
    /// Answers one Atlas call: `POST /updateWebhookURL.do` or `POST /event/getPageList.do`.
    ///
    /// Order of checks: credentials (900, HTTP status configurable), contract headers (warnings; 901 in
    /// strict mode), injected faults (9999), then the body (901 / 100). Every call, refused or not, is
    /// journaled with its warnings and with the client secret redacted. Never throws, never traps on
    /// input.
    public func handle(_ call: AtlasCall) -> AtlasReply {
        let receivedAt = clock.now()
        let client = directory.authenticate(
            clientId: call.header(SandboxHeaders.clientId), secret: call.header(SandboxHeaders.clientSecret))
        let (warnings, missingHeaders) = SandboxHeaders.contractWarnings(for: call)
        let reply: AtlasReply
        if let client {
            reply = respond(to: call, client: client, warnings: warnings, missingHeaders: missingHeaders)
        } else {
            reply = AtlasReply(
                httpStatus: configuration.authFailureHTTPStatus, body: AtlasStatus.unauthorized.envelope(),
                bodyStatus: AtlasStatus.unauthorized.rawValue, clientId: nil, warnings: warnings)
        }
        state.withLock { state in
            let sequence = state.journal.nextSequence()
            state.journal.append(
                JournalEntry(
                    sequence: sequence, receivedAt: receivedAt, call: call, reply: reply,
                    authenticated: client != nil))
        }
        return reply
    }

    private func respond(
        to call: AtlasCall, client: AtlasClient, warnings: [String], missingHeaders: [String]
    )
        -> AtlasReply
    {
        var warnings = warnings
        do throws(AtlasRequestError) {
            if configuration.strict, let missing = missingHeaders.first {
                throw .illegal("missing required header \(missing)")
            }
            if state.withLock({ $0.consumeInjectedFailure(path: call.path) }) {
                throw AtlasRequestError(status: .systemError, detail: nil)
            }
            let body: [UInt8]
            switch call.path {
            case GetPageListRequest.path:
                let request = try GetPageListRequest(body: call.body, maxPageSize: configuration.maxPageSize)
                warnings += request.warnings
                body = try pageList(request.query, clientId: client.clientId)
            case UpdateWebhookURLRequest.path:
                let request = try UpdateWebhookURLRequest(body: call.body, client: client)
                warnings += request.warnings
                do {
                    try register(url: request.url, clientId: client.clientId)
                } catch {
                    // Validated above; reaching here means the sandbox itself is inconsistent.
                    throw AtlasRequestError(status: .systemError, detail: nil)
                }
                body = AtlasStatus.success.envelope()
            default:
                throw AtlasRequestError(status: .systemError, detail: "no Atlas endpoint at \(call.path)")
            }
            return AtlasReply(
                httpStatus: 200, body: body, bodyStatus: AtlasStatus.success.rawValue,
                clientId: client.clientId, warnings: warnings)
        } catch {
            return AtlasReply(
                httpStatus: 200, body: error.status.envelope(detail: error.detail),
                bodyStatus: error.status.rawValue,
                clientId: client.clientId, warnings: warnings)
        }
    }

    /// The getPageList envelope, built by concatenating cached record bytes under the lock.
    func pageList(_ query: IncidentQuery, clientId: String) throws(AtlasRequestError) -> [UInt8] {
        let body = state.withLock { state in
            state.stores[clientId]?.pageListResponse(query)
        }
        return body ?? IncidentStore.emptyPageListResponse(query)
    }
}

extension IncidentStore {
    /// `{"msg":null,"pageIndex":"1","pageSize":"20","records":[...],"status":0,"total":"123"}`: keys
    /// sorted, `pageIndex`/`pageSize`/`total` strings as the schema types them, `msg` null as in the sample.
    /// Written into one exactly-sized buffer straight from the stored records.
    mutating func pageListResponse(_ query: IncidentQuery) -> [UInt8] {
        let (total, positions) = select(query)
        let head =
            Array(#"{"msg":null,"pageIndex":""#.utf8) + Array(String(query.pageIndex).utf8)
            + Array(#"","pageSize":""#.utf8) + Array(String(query.pageSize).utf8)
            + Array(#"","records":["#.utf8)
        let tail = Array(#"],"status":0,"total":""#.utf8) + Array(String(total).utf8) + Array(#""}"#.utf8)
        return withView { view in
            let starts = positions.map { view.rows[$0].recordStart }
            let recordBytes = starts.reduce(0) { $0 + IncidentRecordLayout.printedLength(view.records, $1) }
            let size = head.count + recordBytes + max(starts.count - 1, 0) + tail.count
            return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                var written = 0
                head.withUnsafeBufferPointer { written += copy($0, to: base + written) }
                for (number, start) in starts.enumerated() {
                    if number > 0 {
                        base[written] = UInt8(ascii: ",")
                        written += 1
                    }
                    written += IncidentRecordLayout.print(view.records, start, to: base + written)
                }
                tail.withUnsafeBufferPointer { written += copy($0, to: base + written) }
                count = written
            }
        }
    }

    static func emptyPageListResponse(_ query: IncidentQuery) -> [UInt8] {
        Array(
            #"{"msg":null,"pageIndex":"\#(query.pageIndex)","pageSize":"\#(query.pageSize)","records":[],"status":0,"total":"0"}"#
                .utf8)
    }
}

private func copy(_ source: UnsafeBufferPointer<UInt8>, to destination: UnsafeMutablePointer<UInt8>) -> Int {
    guard let base = source.baseAddress else { return 0 }
    destination.update(from: base, count: source.count)
    return source.count
}
