/// Parses header field lines and the framing headers; shared by the request and response parsers.
enum HTTPFieldParser {
    /// Parses the CRLF-separated field lines in `bytes[from..<to]` (no bare CR/LF, as the scanner
    /// guarantees) into `headers`. Rejects obs-fold, whitespace before the colon, non-token names and
    /// control characters in values; trims optional whitespace around values.
    static func parseFields(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into headers: inout HTTPHeaders
    ) throws(HTTPParseError) {
        var lineStart = from
        while lineStart < to {
            var lineEnd = lineStart
            while bytes[lineEnd] != HTTPSyntax.cr { lineEnd += 1 }
            try parseField(bytes, lineStart, lineEnd, into: &headers)
            lineStart = lineEnd + 2
        }
    }

    private static func parseField(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into headers: inout HTTPHeaders
    ) throws(HTTPParseError) {
        let first = bytes[start]
        if first == HTTPSyntax.space || first == HTTPSyntax.tab {
            throw HTTPParseError(400, "obsolete line folding (header line starting with whitespace)")
        }
        var colon = start
        while colon < end && bytes[colon] != HTTPSyntax.colon {
            let byte = bytes[colon]
            if byte == HTTPSyntax.space || byte == HTTPSyntax.tab {
                throw HTTPParseError(400, "whitespace in header name or before colon")
            }
            guard HTTPSyntax.isTchar(byte) else {
                throw HTTPParseError(400, "invalid character in header name")
            }
            colon += 1
        }
        guard colon < end else { throw HTTPParseError(400, "header line without colon") }
        guard colon > start else { throw HTTPParseError(400, "empty header name") }
        var valueStart = colon + 1
        var valueEnd = end
        while valueStart < valueEnd
            && (bytes[valueStart] == HTTPSyntax.space || bytes[valueStart] == HTTPSyntax.tab)
        {
            valueStart += 1
        }
        while valueEnd > valueStart
            && (bytes[valueEnd - 1] == HTTPSyntax.space || bytes[valueEnd - 1] == HTTPSyntax.tab)
        {
            valueEnd -= 1
        }
        for index in valueStart..<valueEnd where !HTTPSyntax.isFieldValueByte(bytes[index]) {
            throw HTTPParseError(400, "control character in header value")
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
        let value = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
        headers.add(name: name, value: value)
    }

    /// The single Content-Length all fields and list elements agree on, or nil when absent.
    /// Each element must be 1–18 ASCII digits (`Int("+3")` would accept a sign, so digits are checked).
    static func contentLength(_ headers: HTTPHeaders) throws(HTTPParseError) -> Int? {
        var length: Int?
        for value in headers.values(for: "Content-Length") {
            for element in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let digits = trimmingOWS(element)
                guard !digits.isEmpty, digits.allSatisfy(HTTPSyntax.isDigit) else {
                    throw HTTPParseError(400, "Content-Length is not a decimal number")
                }
                guard digits.count <= 18 else {
                    throw HTTPParseError(400, "Content-Length has too many digits")
                }
                let parsed = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
                if let length, length != parsed {
                    throw HTTPParseError(400, "conflicting Content-Length values")
                }
                length = parsed
            }
        }
        return length
    }

    /// The transfer codings of every Transfer-Encoding field, lower-cased, in order; nil when absent.
    static func transferCodings(_ headers: HTTPHeaders) -> [String]? {
        let values = headers.values(for: "Transfer-Encoding")
        guard !values.isEmpty else { return nil }
        var codings: [String] = []
        for value in values {
            for element in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                let trimmed = trimmingOWS(element)
                codings.append(String(decoding: trimmed.map(asciiLower), as: UTF8.self))
            }
        }
        return codings
    }
}

/// How the body of a message is delimited (RFC 9112 §6.3).
enum HTTPBodyFraming: Equatable {
    /// No body.
    case none
    /// Exactly this many bytes.
    case length(Int)
    /// Chunked transfer coding.
    case chunked
    /// Until the peer closes (responses only).
    case untilClose
}
