/// A parsed and validated request head with its body framing and connection semantics decided.
struct HTTPRequestHead: Equatable {
    var method: String
    var target: String
    var version: HTTPVersion
    var headers: HTTPHeaders
    var framing: HTTPBodyFraming
    /// Whether the client allows the connection to stay open after this exchange.
    var keepAlive: Bool
    /// `Expect: 100-continue` on an HTTP/1.1 request.
    var expectsContinue: Bool

    /// Parses `buffer[start..<end]` (a complete head as found by ``HTTPHeadScanner``) per RFC 9112,
    /// strictly: anything ambiguous is refused rather than guessed, since lenient parsing is how
    /// request smuggling starts.
    static func parse(
        _ buffer: [UInt8], start: Int, end: Int, limits: HTTPLimits
    ) throws(HTTPParseError) -> HTTPRequestHead {
        try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            try parse(bytes, start: start, end: end, limits: limits)
        }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, limits: HTTPLimits
    ) throws(HTTPParseError) -> HTTPRequestHead {
        var lineEnd = start
        while bytes[lineEnd] != HTTPSyntax.cr { lineEnd += 1 }
        let (method, target, version) = try parseRequestLine(bytes, start, lineEnd)
        var headers = HTTPHeaders()
        try HTTPFieldParser.parseFields(bytes, from: lineEnd + 2, to: end - 2, into: &headers)

        if version == .http1_1 {
            let hosts = headers.values(for: "Host").count
            if hosts == 0 { throw HTTPParseError(400, "missing Host header") }
            if hosts > 1 { throw HTTPParseError(400, "more than one Host header") }
        }
        let framing = try framing(headers, version: version, limits: limits)
        var expectsContinue = false
        let expectations = headers.values(for: "Expect")
        if !expectations.isEmpty && version == .http1_1 {
            // RFC 9110 §10.1.1: only 100-continue is defined; HTTP/1.0 expectations are ignored.
            guard expectations.count == 1, asciiCaseInsensitiveEquals(expectations[0], "100-continue") else {
                throw HTTPParseError(417, "unsupported expectation")
            }
            expectsContinue = true
        }
        let keepAlive =
            version == .http1_1
            ? !headers.containsToken("close", in: "Connection")
            : headers.containsToken("keep-alive", in: "Connection")
                && !headers.containsToken("close", in: "Connection")
        return HTTPRequestHead(
            method: method, target: target, version: version, headers: headers, framing: framing,
            keepAlive: keepAlive, expectsContinue: expectsContinue)
    }

    /// `method SP request-target SP HTTP-version`, exactly.
    private static func parseRequestLine(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) throws(HTTPParseError) -> (String, String, HTTPVersion) {
        var index = start
        while index < end && bytes[index] != HTTPSyntax.space {
            guard HTTPSyntax.isTchar(bytes[index]) else { throw HTTPParseError(400, "invalid method") }
            index += 1
        }
        guard index > start, index < end else { throw HTTPParseError(400, "malformed request line") }
        let methodEnd = index
        index += 1
        let targetStart = index
        while index < end && bytes[index] != HTTPSyntax.space {
            guard HTTPSyntax.isTargetByte(bytes[index]) else {
                throw HTTPParseError(400, "invalid character in request target")
            }
            index += 1
        }
        guard index > targetStart, index < end else { throw HTTPParseError(400, "malformed request line") }
        let targetEnd = index
        let versionBytes = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
        let version = try parseVersion(versionBytes)
        let method = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<methodEnd]), as: UTF8.self)
        let target = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[targetStart..<targetEnd]), as: UTF8.self)
        try validateTarget(target, method: method)
        return (method, target, version)
    }

    /// HTTP/1.0 and HTTP/1.1 are served; any other well-formed `HTTP/d.d` gets 505, anything else 400.
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError)
        -> HTTPVersion
    {
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8), HTTPSyntax.isDigit(bytes[5]),
            bytes[6] == UInt8(ascii: "."), HTTPSyntax.isDigit(bytes[7])
        else { throw HTTPParseError(400, "malformed HTTP version") }
        switch (bytes[5], bytes[7]) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")): return .http1_1
        case (UInt8(ascii: "1"), UInt8(ascii: "0")): return .http1_0
        default: throw HTTPParseError(505, "HTTP version not supported; use HTTP/1.1")
        }
    }

    /// origin-form (`/path`), absolute-form (`http://host/path`) or `*` for OPTIONS.
    private static func validateTarget(_ target: String, method: String) throws(HTTPParseError) {
        if target.utf8.first == UInt8(ascii: "/") { return }
        if target == "*" && method == "OPTIONS" { return }
        let lower = String(decoding: target.utf8.prefix(8).map(asciiLower), as: UTF8.self)
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return }
        throw HTTPParseError(400, "request target must be an absolute path")
    }

    /// Body framing per RFC 9112 §6.1–6.3, refusing the ambiguous combinations used for smuggling.
    private static func framing(
        _ headers: HTTPHeaders, version: HTTPVersion, limits: HTTPLimits
    ) throws(HTTPParseError) -> HTTPBodyFraming {
        let length = try HTTPFieldParser.contentLength(headers)
        if let codings = HTTPFieldParser.transferCodings(headers) {
            if version == .http1_0 { throw HTTPParseError(400, "Transfer-Encoding in an HTTP/1.0 request") }
            if length != nil { throw HTTPParseError(400, "Content-Length and Transfer-Encoding together") }
            if codings.contains("") { throw HTTPParseError(400, "empty transfer coding") }
            guard codings == ["chunked"] else {
                throw HTTPParseError(501, "unsupported Transfer-Encoding; only chunked is implemented")
            }
            return .chunked
        }
        guard let length, length > 0 else { return .none }
        if length > limits.maxBodyBytes {
            throw HTTPParseError(413, "body of \(length) bytes exceeds the limit of \(limits.maxBodyBytes)")
        }
        return .length(length)
    }
}
