public import AtlasJSON

/// One Atlas API call as the journal keeps it; the client secret is never stored.
public struct JournalEntry: Sendable {
    /// Position in the sandbox's call sequence, 1-based, increasing for the life of the process.
    public var sequence: Int
    /// When the call was received (sandbox clock).
    public var receivedAt: AtlasInstant
    /// The `x-atlas-client-id` the caller sent (not a secret), authenticated or not.
    public var clientId: String?
    /// Whether the credentials were accepted.
    public var authenticated: Bool
    /// The request path.
    public var path: String
    /// Request headers, with `x-atlas-client-secret` replaced by ``JournalEntry/redacted``.
    public var requestHeaders: [(name: String, value: String)]
    /// The body as text (invalid UTF-8 replaced), at most ``JournalEntry/maximumBodyBytes`` bytes of it.
    public var requestBody: String
    /// Whether `requestBody` was cut.
    public var requestBodyTruncated: Bool
    /// The envelope `status` answered.
    public var bodyStatus: Int
    /// The HTTP status answered.
    public var httpStatus: Int
    /// Contract warnings: missing headers, unknown fields, ignored values.
    public var warnings: [String]

    /// What a redacted header value reads.
    public static let redacted = "[REDACTED]"
    /// Bodies longer than this are cut in the journal.
    public static let maximumBodyBytes = 64 * 1024

    /// Builds an entry from a call, redacting the secret and capping the body.
    init(sequence: Int, receivedAt: AtlasInstant, call: AtlasCall, reply: AtlasReply, authenticated: Bool) {
        self.sequence = sequence
        self.receivedAt = receivedAt
        clientId = call.header(SandboxHeaders.clientId)
        self.authenticated = authenticated
        path = call.path
        requestHeaders = call.headers.map { header in
            AtlasCall.namesMatch(header.name, SandboxHeaders.clientSecret)
                ? (header.name, Self.redacted) : header
        }
        requestBodyTruncated = call.body.count > Self.maximumBodyBytes
        requestBody = String(decoding: call.body.prefix(Self.maximumBodyBytes), as: UTF8.self)
        bodyStatus = reply.bodyStatus
        httpStatus = reply.httpStatus
        warnings = reply.warnings
    }

    /// The entry for the admin API; times UTC+08:00.
    public func json() -> JSONValue {
        .object([
            "sequence": .int(sequence),
            "receivedAt": .string(AtlasTime.format(receivedAt)),
            "clientId": .string(orNull: clientId),
            "authenticated": .bool(authenticated),
            "path": .string(path),
            "requestHeaders": .array(requestHeaders.map { .array([.string($0.name), .string($0.value)]) }),
            "requestBody": .string(requestBody),
            "requestBodyTruncated": .bool(requestBodyTruncated),
            "bodyStatus": .int(bodyStatus),
            "httpStatus": .int(httpStatus),
            "warnings": .array(warnings.map(JSONValue.string)),
        ])
    }
}

/// A bounded, in-order log of Atlas calls; the oldest entries are evicted and counted.
struct Journal: Sendable {
    let capacity: Int
    private var slots: [JournalEntry] = []
    /// Index of the oldest entry once the ring is full.
    private var oldest = 0
    private(set) var evictedCount = 0
    private(set) var lastSequence = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    var count: Int { slots.count }

    mutating func nextSequence() -> Int {
        lastSequence += 1
        return lastSequence
    }

    mutating func append(_ entry: JournalEntry) {
        guard capacity > 0 else {
            evictedCount += 1
            return
        }
        if slots.count < capacity {
            slots.append(entry)
        } else {
            slots[oldest] = entry
            oldest = (oldest + 1) % capacity
            evictedCount += 1
        }
    }

    /// Matching entries, newest first, at most `limit` of them.
    func entries(clientId: String?, path: String?, limit: Int?) -> [JournalEntry] {
        let wanted = max(limit ?? Int.max, 0)
        var result: [JournalEntry] = []
        var step = 0
        while step < slots.count && result.count < wanted {
            let entry = slots[(oldest + slots.count - 1 - step) % slots.count]
            step += 1
            if let clientId, entry.clientId != clientId { continue }
            if let path, entry.path != path { continue }
            result.append(entry)
        }
        return result
    }

    /// Forgets every entry and the eviction count; sequence numbers keep increasing.
    mutating func clear() {
        slots.removeAll()
        oldest = 0
        evictedCount = 0
    }
}
