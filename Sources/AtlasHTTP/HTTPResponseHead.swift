/// A parsed response head, for the client.
struct HTTPResponseHead {
    var version: HTTPVersion
    var status: Int
    var headers: HTTPHeaders

    /// Parses `buffer[start..<end]` (a complete head from ``HTTPHeadScanner``):
    /// `HTTP-version SP 3DIGIT [SP reason]` and strictly validated header fields.
    static func parse(_ buffer: [UInt8], start: Int, end: Int) throws(HTTPParseError) -> HTTPResponseHead {
        try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
            var lineEnd = start
            while bytes[lineEnd] != HTTPSyntax.cr { lineEnd += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
            guard line.count >= 12, line.starts(with: "HTTP/1.".utf8), line[8] == HTTPSyntax.space,
                line[9...11].allSatisfy(HTTPSyntax.isDigit),
                line.count == 12 || line[12] == HTTPSyntax.space
            else { throw HTTPParseError(400, "malformed status line") }
            let version: HTTPVersion
            switch line[7] {
            case UInt8(ascii: "1"): version = .http1_1
            case UInt8(ascii: "0"): version = .http1_0
            default: throw HTTPParseError(505, "unsupported HTTP version in status line")
            }
            if line.count > 13, !line[13...].allSatisfy(HTTPSyntax.isFieldValueByte) {
                throw HTTPParseError(400, "control character in reason phrase")
            }
            let status = line[9...11].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            var headers = HTTPHeaders()
            try HTTPFieldParser.parseFields(bytes, from: lineEnd + 2, to: end - 2, into: &headers)
            return HTTPResponseHead(version: version, status: status, headers: headers)
        }
    }

    /// Body framing per RFC 9112 §6.3 for a response to `method`.
    func framing(forRequestMethod method: String) throws(HTTPParseError) -> HTTPBodyFraming {
        if method == "HEAD" || status < 200 || status == 204 || status == 304 { return .none }
        if let codings = HTTPFieldParser.transferCodings(headers) {
            return codings.last == "chunked" ? .chunked : .untilClose
        }
        guard let length = try HTTPFieldParser.contentLength(headers) else { return .untilClose }
        return length == 0 ? .none : .length(length)
    }

    /// Whether the server lets the connection be reused after this response.
    var keepAlive: Bool {
        version == .http1_1
            ? !headers.containsToken("close", in: "Connection")
            : headers.containsToken("keep-alive", in: "Connection")
    }
}
