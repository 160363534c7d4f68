/// One complete HTTP request as received: head, fully read body and the peer's address.
public struct HTTPRequest: Sendable {
    /// The method token exactly as sent, e.g. `POST` (methods are case-sensitive).
    public var method: String
    /// The request target exactly as sent, e.g. `/event/getPageList.do?x=1`.
    public var target: String
    /// The raw (not percent-decoded) path: the target before `?`; for absolute-form targets the path
    /// part of the URL.
    public var path: String
    /// The raw query after `?`, or nil when the target has none.
    public var query: String?
    /// The protocol version of the request line.
    public var version: HTTPVersion
    /// Header fields in order, with original case and duplicates.
    public var headers: HTTPHeaders
    /// The body bytes (chunked bodies already decoded); empty when the request had none.
    public var body: [UInt8]
    /// The peer as `ip:port` (IPv6 as `[ip]:port`).
    public var remoteAddress: String

    /// Creates a request; `path` and `query` are derived from `target`.
    public init(
        method: String, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = [:],
        body: [UInt8] = [], remoteAddress: String = ""
    ) {
        self.method = method
        self.target = target
        (self.path, self.query) = splitTarget(target)
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// Query parameters in order, percent-decoded, with `+` read as a space (form encoding).
    /// Malformed escapes are kept literally; a key without `=` has an empty value.
    public var queryItems: [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                return (
                    name: percentDecoded(pair[pair.startIndex..<equals]),
                    value: percentDecoded(pair[pair.index(after: equals)...])
                )
            }
            return (name: percentDecoded(pair), value: "")
        }
    }
}

/// Splits a request target into its raw path and query; absolute-form URLs lose scheme and authority.
func splitTarget(_ target: String) -> (path: String, query: String?) {
    var utf8 = target.utf8[...]
    if !utf8.starts(with: "/".utf8), let schemeEnd = findSubsequence("://".utf8, in: utf8) {
        let afterAuthority = utf8[schemeEnd...].dropFirst(3)
        let pathStart =
            afterAuthority.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }
            ?? afterAuthority.endIndex
        utf8 = utf8[pathStart...]
        if utf8.isEmpty || utf8.first == UInt8(ascii: "?") {
            let query = utf8.isEmpty ? nil : String(Substring(utf8.dropFirst()))
            return ("/", query)
        }
    }
    if let questionMark = utf8.firstIndex(of: UInt8(ascii: "?")) {
        let path = String(Substring(utf8[utf8.startIndex..<questionMark]))
        let query = String(Substring(utf8[utf8.index(after: questionMark)...]))
        return (path, query)
    }
    return (String(Substring(utf8)), nil)
}

/// Index where `needle` starts in `haystack`, or nil.
private func findSubsequence(
    _ needle: String.UTF8View, in haystack: Substring.UTF8View
) -> Substring.UTF8View.Index? {
    var index = haystack.startIndex
    while index != haystack.endIndex {
        if haystack[index...].starts(with: needle) { return index }
        index = haystack.index(after: index)
    }
    return nil
}

/// Decodes `%XX` escapes and `+` (as space); invalid escapes are kept as written.
func percentDecoded<C: Collection<UInt8>>(_ bytes: C) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index != bytes.endIndex {
        let byte = bytes[index]
        if byte == UInt8(ascii: "%") {
            let first = bytes.index(after: index)
            if first != bytes.endIndex {
                let second = bytes.index(after: first)
                if second != bytes.endIndex, let high = hexValue(bytes[first]),
                    let low = hexValue(bytes[second])
                {
                    output.append(high << 4 | low)
                    index = bytes.index(after: second)
                    continue
                }
            }
            output.append(byte)
        } else if byte == UInt8(ascii: "+") {
            output.append(0x20)
        } else {
            output.append(byte)
        }
        index = bytes.index(after: index)
    }
    return String(decoding: output, as: UTF8.self)
}

/// Value of one hexadecimal digit, or nil.
@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
