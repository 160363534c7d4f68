/// One request to an Atlas endpoint, as the HTTP layer hands it over.
public struct AtlasCall: Sendable {
    /// The request path, e.g. `/event/getPageList.do` (no query string).
    public var path: String
    /// Request headers in arrival order; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    /// The raw request body.
    public var body: [UInt8]

    /// Creates a call.
    public init(path: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (ASCII case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.first { Self.namesMatch($0.name, name) }?.value
    }

    static func namesMatch(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        for (a, b) in zip(left.utf8, right.utf8) where a != b {
            guard lowercasedASCII(a) == lowercasedASCII(b) else { return false }
        }
        return true
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}

/// The answer to an ``AtlasCall``: always a JSON envelope; Atlas errors are body codes.
public struct AtlasReply: Sendable {
    /// HTTP status: 200, or the configured status for auth failures (e.g. 401).
    public var httpStatus: Int
    /// The JSON body, compact with sorted keys.
    public var body: [UInt8]
    /// The envelope's `status` (0, 100, 900, 901, 9999).
    public var bodyStatus: Int
    /// The authenticated client, nil when authentication failed.
    public var clientId: String?
    /// Contract warnings about the request (missing headers, unknown fields), also in the journal.
    public var warnings: [String]

    /// Creates a reply.
    public init(httpStatus: Int, body: [UInt8], bodyStatus: Int, clientId: String?, warnings: [String] = []) {
        self.httpStatus = httpStatus
        self.body = body
        self.bodyStatus = bodyStatus
        self.clientId = clientId
        self.warnings = warnings
    }

    /// The `Content-Type` of every reply.
    public static let contentType = "application/json;charset=UTF-8"
}
