import Testing

@testable import AtlasHTTP

/// One malformed or refused request and the status the parser must answer.
struct RejectionCase: CustomTestStringConvertible, Sendable {
    var name: String
    var raw: String
    var status: Int
    var limits = HTTPLimits()

    var testDescription: String { name }
}

private func parse(_ raw: String, limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser.Outcome {
    HTTPRequestParser.parse(Array(raw.utf8), limits: limits)
}

private func status(of outcome: HTTPRequestParser.Outcome) -> Int? {
    if case .failure(let error) = outcome { return error.status }
    return nil
}

@Suite struct ParserRejectionTests {
    static let requestLineCases: [RejectionCase] = [
        .init(name: "bare LF ends the request line", raw: "GET / HTTP/1.1\nHost: a\r\n\r\n", status: 400),
        .init(name: "bare LF ends a header line", raw: "GET / HTTP/1.1\r\nHost: a\n\r\n", status: 400),
        .init(name: "bare LF only line endings", raw: "GET / HTTP/1.1\nHost: a\n\n", status: 400),
        .init(name: "bare CR inside the head", raw: "GET / HTTP/1.1\rHost: a\r\n\r\n", status: 400),
        .init(name: "two spaces after the method", raw: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(
            name: "trailing space after the version", raw: "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", status: 400),
        .init(name: "tab as separator", raw: "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "method is not a token", raw: "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "missing target", raw: "GET HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(
            name: "target not absolute path", raw: "GET index.html HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "asterisk target for GET", raw: "GET * HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "non-ASCII in target", raw: "GET /caf\u{e9} HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "HTTP/2.0 is unsupported", raw: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505),
        .init(name: "HTTP/0.9 is unsupported", raw: "GET / HTTP/0.9\r\nHost: a\r\n\r\n", status: 505),
        .init(name: "HTTP/1.2 is unsupported", raw: "GET / HTTP/1.2\r\nHost: a\r\n\r\n", status: 505),
        .init(name: "lower-case protocol name", raw: "GET / http/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "version without minor", raw: "GET / HTTP/1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "garbage version", raw: "GET / HTTX/1.1\r\nHost: a\r\n\r\n", status: 400),
        .init(name: "version with extra digits", raw: "GET / HTTP/1.10\r\nHost: a\r\n\r\n", status: 400),
    ]

    @Test(arguments: requestLineCases)
    func parser_rejectsMalformedRequestLine(_ testCase: RejectionCase) {
        #expect(status(of: parse(testCase.raw, limits: testCase.limits)) == testCase.status)
    }

    static let headerCases: [RejectionCase] = [
        .init(
            name: "obs-fold with SP", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n", status: 400),
        .init(
            name: "obs-fold with HTAB", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n\t2\r\n\r\n", status: 400
        ),
        .init(
            name: "space before colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nContent-Length : 0\r\n\r\n",
            status: 400),
        .init(name: "tab before colon", raw: "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", status: 400),
        .init(name: "space inside name", raw: "GET / HTTP/1.1\r\nHost: a\r\nX A: 1\r\n\r\n", status: 400),
        .init(name: "non-token name", raw: "GET / HTTP/1.1\r\nHost: a\r\nX[A]: 1\r\n\r\n", status: 400),
        .init(name: "line without colon", raw: "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", status: 400),
        .init(name: "empty name", raw: "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", status: 400),
        .init(name: "NUL in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{0}b\r\n\r\n", status: 400),
        .init(name: "DEL in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{7f}b\r\n\r\n", status: 400),
        .init(
            name: "vertical tab in value", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\u{b}b\r\n\r\n",
            status: 400),
        .init(name: "HTTP/1.1 without Host", raw: "GET / HTTP/1.1\r\nX-A: 1\r\n\r\n", status: 400),
        .init(name: "two Host fields", raw: "GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", status: 400),
        .init(
            name: "more headers than maxHeaderCount",
            raw: "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-A: 1\r\n", count: 100) + "\r\n",
            status: 431),
        .init(
            name: "head larger than maxHeadBytes",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "a", count: 33 * 1024)
                + "\r\n\r\n",
            status: 431),
        .init(
            name: "head still growing past maxHeadBytes without a terminator",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "a", count: 33 * 1024),
            status: 431),
        .init(
            name: "custom header count limit", raw: "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n",
            status: 431,
            limits: HTTPLimits(maxHeaderCount: 2)),
        .init(
            name: "unsupported expectation", raw: "GET / HTTP/1.1\r\nHost: a\r\nExpect: fancy\r\n\r\n",
            status: 417),
        .init(
            name: "two expectations",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nExpect: 100-continue\r\n\r\n",
            status: 417),
    ]

    @Test(arguments: headerCases)
    func parser_rejectsMalformedHeaders(_ testCase: RejectionCase) {
        #expect(status(of: parse(testCase.raw, limits: testCase.limits)) == testCase.status)
    }

    static let framingCases: [RejectionCase] = [
        .init(
            name: "signed Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc",
            status: 400),
        .init(
            name: "negative Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
            status: 400),
        .init(
            name: "hex Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x3\r\n\r\nabc",
            status: 400),
        .init(
            name: "empty Content-Length", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:\r\n\r\n",
            status: 400),
        .init(
            name: "differing Content-Length fields",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            status: 400),
        .init(
            name: "differing Content-Length list",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd",
            status: 400),
        .init(
            name: "Content-Length list with empty element",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3,\r\n\r\nabc", status: 400),
        .init(
            name: "19-digit Content-Length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000000000000000\r\n\r\n", status: 400),
        .init(
            name: "Content-Length with Transfer-Encoding",
            raw:
                "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400),
        .init(
            name: "Transfer-Encoding before Content-Length",
            raw:
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
            status: 400),
        .init(
            name: "Transfer-Encoding gzip",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n",
            status: 501),
        .init(
            name: "Transfer-Encoding gzip, chunked",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            status: 501),
        .init(
            name: "Transfer-Encoding chunked twice",
            raw:
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 501),
        .init(
            name: "empty Transfer-Encoding", raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n\r\n",
            status: 400),
        .init(
            name: "Transfer-Encoding in HTTP/1.0",
            raw: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400),
        .init(
            name: "Content-Length over maxBodyBytes",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2097153\r\n\r\n", status: 413),
        .init(
            name: "Content-Length over a custom body limit",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", status: 413,
            limits: HTTPLimits(maxBodyBytes: 10)),
    ]

    @Test(arguments: framingCases)
    func parser_rejectsAmbiguousFraming(_ testCase: RejectionCase) {
        #expect(status(of: parse(testCase.raw, limits: testCase.limits)) == testCase.status)
    }

    static let chunkedCases: [RejectionCase] = [
        .init(name: "signed chunk size", raw: chunked("+3\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "0x chunk size", raw: chunked("0x3\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "empty chunk size", raw: chunked("\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "16 hex digits", raw: chunked("0000000000000003\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "garbage after size", raw: chunked("3 x\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "missing CRLF after data", raw: chunked("3\r\nabcX\r\n0\r\n\r\n"), status: 400),
        .init(name: "data longer than size", raw: chunked("2\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "bare LF after size", raw: chunked("3\nabc\r\n0\r\n\r\n"), status: 400),
        .init(name: "bare LF in incomplete size line", raw: chunked("3\n"), status: 400),
        .init(
            name: "control character in extension", raw: chunked("3;a\u{1}\r\nabc\r\n0\r\n\r\n"), status: 400),
        .init(
            name: "size line over 4 KiB",
            raw: chunked("3;" + String(repeating: "e", count: 4100) + "\r\nabc\r\n0\r\n\r\n"),
            status: 400),
        .init(
            name: "size line over 4 KiB without CRLF",
            raw: chunked("3;" + String(repeating: "e", count: 4100)), status: 400),
        .init(name: "invalid trailer line", raw: chunked("0\r\nnot a field\r\n\r\n"), status: 400),
        .init(name: "obs-fold in trailer", raw: chunked("0\r\nX: 1\r\n folded\r\n\r\n"), status: 400),
        .init(
            name: "trailer section over the cap",
            raw: chunked("0\r\n" + String(repeating: "X-T: 1234567890\r\n", count: 2500) + "\r\n"),
            status: 431),
        .init(
            name: "chunk over maxBodyBytes", raw: chunked("b\r\nhello world\r\n0\r\n\r\n"), status: 413,
            limits: HTTPLimits(maxBodyBytes: 10)),
        .init(
            name: "chunks summing over maxBodyBytes", raw: chunked("6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n"),
            status: 413,
            limits: HTTPLimits(maxBodyBytes: 10)),
    ]

    @Test(arguments: chunkedCases)
    func parser_rejectsInvalidChunkedBody(_ testCase: RejectionCase) {
        #expect(status(of: parse(testCase.raw, limits: testCase.limits)) == testCase.status)
    }

    @Test func parser_rejectsContentLengthWithTransferEncoding() {
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(outcome == .failure(HTTPParseError(400, "Content-Length and Transfer-Encoding together")))
    }

    @Test func parser_enforcesHeadLimitBeforeTerminatorArrives() {
        var scanner = HTTPHeadScanner(origin: 0, maxHeadBytes: 64, maxHeaderCount: 100)
        var buffer = Array("GET / HTTP/1.1\r\nHost: a\r\nX: ".utf8)
        #expect(scanner.scan(buffer, end: buffer.count) == .needMore)
        buffer += [UInt8](repeating: UInt8(ascii: "a"), count: 40)
        guard case .failure(let error) = scanner.scan(buffer, end: buffer.count) else {
            Issue.record("expected 431 while the head is still growing")
            return
        }
        #expect(error.status == 431)
    }
}

/// A chunked POST with `body` as the raw chunked payload.
private func chunked(_ body: String) -> String {
    "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
}
