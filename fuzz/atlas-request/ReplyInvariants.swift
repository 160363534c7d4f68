import AtlasJSON

/// What every reply and the journal must satisfy, whatever the request was.
enum ReplyInvariants {
    static let bodyStatuses: Set<Int> = [0, 100, 900, 901, 9999]

    static func check(_ reply: AtlasReply, to call: AtlasCall, in sandbox: Sandbox) {
        let envelope: JSONValue
        do {
            envelope = try JSONValue.parse(reply.body)
        } catch {
            fuzzFailure("reply body is not JSON (\(error)): \(String(decoding: reply.body, as: UTF8.self))")
        }
        guard let status = envelope["status"]?.intValue, bodyStatuses.contains(status) else {
            fuzzFailure("reply status is not one of \(bodyStatuses.sorted()): \(envelope.compactText)")
        }
        guard status == reply.bodyStatus else {
            fuzzFailure("body status \(status) but bodyStatus \(reply.bodyStatus)")
        }
        guard let message = envelope["msg"], message.isNull || message.stringValue != nil else {
            fuzzFailure("msg is neither string nor null: \(envelope.compactText)")
        }
        let expectedHTTP = status == 900 ? FuzzSandbox.authFailureHTTPStatus : 200
        guard reply.httpStatus == expectedHTTP, (status == 900) == (reply.clientId == nil) else {
            fuzzFailure("status \(status) with HTTP \(reply.httpStatus), client \(String(describing: reply.clientId))")
        }
        guard let clientId = reply.clientId, let client = sandbox.client(id: clientId) else { return }
        let missingContractHeader = SandboxHeaders.contractRequired.contains { call.header($0) == nil }
        if sandbox.configuration.strict && missingContractHeader && status != 901 {
            fuzzFailure("strict mode answered \(status) to a call without the contract headers")
        }
        guard status == 0 else { return }
        switch call.path {
        case GetPageListRequest.path:
            checkPage(envelope, client: client)
        case UpdateWebhookURLRequest.path:
            let sent = (try? JSONValue.parse(call.body))?["url"]?.stringValue
            guard let sent, sandbox.registration(clientId: clientId)?.url == sent else {
                fuzzFailure("updateWebhookURL succeeded but the registration is not \(String(describing: sent))")
            }
        default:
            fuzzFailure("status 0 for unknown path \(call.path.debugDescription)")
        }
    }

    /// A page holds at most `pageSize` records, all of the caller's own (client isolation).
    private static func checkPage(_ envelope: JSONValue, client: AtlasClient) {
        guard let records = envelope["records"]?.arrayValue,
            let pageSize = envelope["pageSize"]?.stringValue.flatMap({ Int($0) }),
            let total = envelope["total"]?.stringValue.flatMap({ Int($0) }),
            envelope["pageIndex"]?.stringValue.flatMap({ Int($0) }) != nil
        else { fuzzFailure("getPageList envelope malformed: \(envelope.compactText)") }
        guard records.count <= pageSize, records.count <= total else {
            fuzzFailure("\(records.count) records for pageSize \(pageSize), total \(total)")
        }
        for record in records {
            guard record["eventId"]?.stringValue != nil, record["clientCode"]?.stringValue == client.cid else {
                fuzzFailure("record not of client \(client.cid): \(record.compactText)")
            }
        }
    }

    /// One entry per call, secrets redacted, and each entry's admin JSON is valid JSON.
    static func checkJournal(of sandbox: Sandbox, calls: Int) {
        let entries = sandbox.journal()
        guard entries.count == calls else { fuzzFailure("\(calls) calls but \(entries.count) journal entries") }
        for entry in entries {
            for (name, value) in entry.requestHeaders
            where AtlasCall.namesMatch(name, SandboxHeaders.clientSecret) && value != JournalEntry.redacted {
                fuzzFailure("journal keeps a client secret: \(value.debugDescription)")
            }
            let text = entry.json().serialized()
            guard (try? JSONValue.parse(text)) == entry.json() else {
                fuzzFailure("journal entry JSON does not round-trip: \(String(decoding: text, as: UTF8.self))")
            }
        }
    }
}
