public import AtlasJSON

/// One Atlas API call as the journal keeps it; the client secret is never stored.
///
/// The path, headers and body live in one byte buffer (length-prefixed pieces) rather than a dozen
/// strings: a full 10,000-entry journal took about 950 bytes an entry as strings, and it sits next
/// to the incident store within the process's memory budget.
public struct JournalEntry: Sendable {
    /// Position in the sandbox's call sequence, 1-based, increasing for the life of the process.
    public let sequence: Int
    /// When the call was received (sandbox clock).
    public let receivedAt: AtlasInstant
    /// The `x-atlas-client-id` the caller sent (not a secret), authenticated or not.
    public let clientId: String?
    /// Whether the credentials were accepted.
    public let authenticated: Bool
    /// Whether `requestBody` was cut.
    public let requestBodyTruncated: Bool
    /// The envelope `status` answered.
    public let bodyStatus: Int
    /// The HTTP status answered.
    public let httpStatus: Int
    /// Contract warnings: missing headers, unknown fields, ignored values.
    public let warnings: [String]
    /// Path, then each header's name and value, then the body: each a 32-bit length and its bytes.
    private let pieces: [UInt8]
    private let headerCount: Int32

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
        requestBodyTruncated = call.body.count > Self.maximumBodyBytes
        bodyStatus = reply.bodyStatus
        httpStatus = reply.httpStatus
        warnings = reply.warnings
        let body = call.body.prefix(Self.maximumBodyBytes)
        var pieces: [UInt8] = []
        pieces.reserveCapacity(
            call.path.utf8.count + body.count
                + call.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 8 } + 8)
        func append(_ bytes: some Collection<UInt8>) {
            let length = UInt32(truncatingIfNeeded: bytes.count)
            for shift in stride(from: 0, to: 32, by: 8) {
                pieces.append(UInt8(truncatingIfNeeded: length >> shift))
            }
            pieces.append(contentsOf: bytes)
        }
        append(call.path.utf8)
        for header in call.headers {
            append(header.name.utf8)
            let secret = AtlasCall.namesMatch(header.name, SandboxHeaders.clientSecret)
            append(secret ? Self.redacted.utf8 : header.value.utf8)
        }
        append(body)
        self.pieces = pieces
        headerCount = Int32(truncatingIfNeeded: call.headers.count)
    }

    /// The pieces in order: path, header names and values, body.
    private func piece(_ number: Int) -> String {
        pieces.withUnsafeBufferPointer { bytes in
            var offset = 0
            for _ in 0..<number { offset += 4 + Self.length(bytes, at: offset) }
            let length = Self.length(bytes, at: offset)
            return String(decoding: bytes[(offset + 4)..<(offset + 4 + length)], as: UTF8.self)
        }
    }

    private static func length(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << ($1 * 8) }
    }

    /// The request path.
    public var path: String { piece(0) }

    /// Request headers, with `x-atlas-client-secret` replaced by ``JournalEntry/redacted``.
    public var requestHeaders: [(name: String, value: String)] {
        (0..<Int(headerCount)).map { (piece(1 + 2 * $0), piece(2 + 2 * $0)) }
    }

    /// The body as text (invalid UTF-8 replaced), at most ``JournalEntry/maximumBodyBytes`` bytes of it.
    public var requestBody: String { piece(1 + 2 * Int(headerCount)) }

    /// Whether the path is `path`, without decoding it.
    func hasPath(_ path: String) -> Bool {
        pieces.withUnsafeBufferPointer { bytes in
            let length = Self.length(bytes, at: 0)
            return length == path.utf8.count && bytes[4..<(4 + length)].elementsEqual(path.utf8)
        }
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
            if let path, !entry.hasPath(path) { continue }
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
