/// What must hold for any single parser outcome, whatever the input bytes were.
enum RequestInvariants {
    /// Statuses the parser may answer with (HTTPParseError documents 400, 413, 417, 431, 501, 505).
    static let parseStatuses: Set<Int> = [400, 413, 417, 431, 501, 505]

    static func check(_ outcome: HTTPRequestParser.Outcome, limits: HTTPLimits) {
        switch outcome {
        case .incomplete:
            return
        case .failure(let error):
            guard parseStatuses.contains(error.status), !error.message.isEmpty else {
                fuzzFailure("unexpected parse error \(error.status) \"\(error.message)\"")
            }
        case .request(let head, let body, let consumed):
            check(head, body: body, consumed: consumed, limits: limits)
        }
    }

    private static func check(_ head: HTTPRequestHead, body: [UInt8], consumed: Int, limits: HTTPLimits) {
        guard body.count <= limits.maxBodyBytes else {
            fuzzFailure("body of \(body.count) bytes exceeds the limit \(limits.maxBodyBytes)")
        }
        guard consumed > body.count else { fuzzFailure("consumed \(consumed) but body is \(body.count)") }
        guard head.headers.count <= limits.maxHeaderCount else {
            fuzzFailure("\(head.headers.count) headers accepted, limit \(limits.maxHeaderCount)")
        }
        guard !head.method.isEmpty, head.method.utf8.allSatisfy(HTTPSyntax.isTchar) else {
            fuzzFailure("method \(head.method.debugDescription) is not a token")
        }
        guard !head.target.isEmpty, head.target.utf8.allSatisfy(HTTPSyntax.isTargetByte) else {
            fuzzFailure("target \(head.target.debugDescription) has forbidden bytes")
        }
        for (name, value) in head.headers {
            guard !name.isEmpty, name.utf8.allSatisfy(HTTPSyntax.isTchar),
                value.utf8.allSatisfy(HTTPSyntax.isFieldValueByte),
                value.utf8.first != HTTPSyntax.space, value.utf8.last != HTTPSyntax.space
            else { fuzzFailure("header \(name.debugDescription): \(value.debugDescription) is malformed") }
        }
        checkFraming(head, body: body)
    }

    /// The smuggling rules: one framing, decided unambiguously (RFC 9112 §6.1–6.3).
    private static func checkFraming(_ head: HTTPRequestHead, body: [UInt8]) {
        let hasLength = head.headers.contains(name: "Content-Length")
        let hasCoding = head.headers.contains(name: "Transfer-Encoding")
        if head.version == .http1_1 && head.headers.values(for: "Host").count != 1 {
            fuzzFailure("HTTP/1.1 request accepted without exactly one Host")
        }
        if hasLength && hasCoding { fuzzFailure("Content-Length and Transfer-Encoding both accepted") }
        if hasCoding && head.version == .http1_0 { fuzzFailure("Transfer-Encoding accepted on HTTP/1.0") }
        switch head.framing {
        case .none:
            guard body.isEmpty, !hasCoding else { fuzzFailure("framing .none with a body or a coding") }
        case .length(let length):
            guard length > 0, body.count == length, hasLength else {
                fuzzFailure("framing .length(\(length)) but body is \(body.count) bytes")
            }
        case .chunked:
            guard hasCoding else { fuzzFailure("chunked framing without Transfer-Encoding") }
        case .untilClose:
            fuzzFailure("a request was framed as close-delimited")
        }
    }
}
