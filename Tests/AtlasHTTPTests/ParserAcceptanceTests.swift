import Testing

@testable import AtlasHTTP

/// A request the parser must accept, with what it must decode.
struct AcceptanceCase: CustomTestStringConvertible, Sendable {
    var name: String
    var raw: String
    var body: String = ""
    var keepAlive = true
    var expectsContinue = false

    var testDescription: String { name }
}

private func parsed(_ raw: String) -> (head: HTTPRequestHead, body: [UInt8], consumed: Int)? {
    if case .request(let head, let body, let consumed) = HTTPRequestParser.parse(Array(raw.utf8)) {
        return (head, body, consumed)
    }
    return nil
}

@Suite struct ParserAcceptanceTests {
    static let cases: [AcceptanceCase] = [
        .init(name: "simple GET", raw: "GET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        .init(name: "leading empty lines are ignored", raw: "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"),
        .init(name: "header names are case-insensitive", raw: "GET / HTTP/1.1\r\nhOsT: a\r\n\r\n"),
        .init(name: "HTTP/1.0 needs no Host and closes", raw: "GET / HTTP/1.0\r\n\r\n", keepAlive: false),
        .init(name: "HTTP/1.0 keep-alive", raw: "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"),
        .init(
            name: "Connection close in any case",
            raw: "GET / HTTP/1.1\r\nHost: a\r\nconnection: CLOSE\r\n\r\n", keepAlive: false),
        .init(
            name: "Connection token list", raw: "GET / HTTP/1.1\r\nHost: a\r\nConnection: foo, close\r\n\r\n",
            keepAlive: false),
        .init(
            name: "HTAB and obs-text in values", raw: "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\tb\u{e9}\r\n\r\n"),
        .init(
            name: "Content-Length body", raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc",
            body: "abc"),
        .init(
            name: "lower-case content-length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\ncontent-LENGTH: 3\r\n\r\nabc", body: "abc"),
        .init(
            name: "Content-Length with OWS",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length:  3 \t\r\n\r\nabc", body: "abc"),
        .init(
            name: "identical Content-Length list",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc", body: "abc"),
        .init(
            name: "identical repeated Content-Length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
            body: "abc"),
        .init(
            name: "leading zeros in Content-Length",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 003\r\n\r\nabc", body: "abc"),
        .init(
            name: "chunked with extension and trailer",
            raw:
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n",
            body: "abcde"),
        .init(
            name: "chunked coding name is case-insensitive",
            raw:
                "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
            body: "0123456789"),
        .init(
            name: "chunk extension after whitespace",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3 ;x\r\nabc\r\n0\r\n\r\n",
            body: "abc"),
        .init(
            name: "chunk size with leading zeros",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n003\r\nabc\r\n0\r\n\r\n",
            body: "abc"),
        .init(
            name: "Expect 100-continue",
            raw: "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 1\r\n\r\nx",
            body: "x", expectsContinue: true),
        .init(
            name: "Expect ignored on HTTP/1.0",
            raw: "POST / HTTP/1.0\r\nExpect: fancy\r\nContent-Length: 1\r\n\r\nx", body: "x", keepAlive: false
        ),
        .init(
            name: "absolute-form target",
            raw: "GET http://example.com/a?b=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"),
        .init(name: "asterisk-form for OPTIONS", raw: "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"),
    ]

    @Test(arguments: cases)
    func parser_acceptsValidRequest(_ testCase: AcceptanceCase) throws {
        let result = try #require(parsed(testCase.raw))
        #expect(String(decoding: result.body, as: UTF8.self) == testCase.body)
        #expect(result.head.keepAlive == testCase.keepAlive)
        #expect(result.head.expectsContinue == testCase.expectsContinue)
        #expect(result.consumed == testCase.raw.utf8.count)
    }

    @Test func parser_preservesHeaderCaseOrderAndDuplicates() throws {
        let result = try #require(
            parsed("GET / HTTP/1.1\r\nHost: a\r\nX-Dup: 1\r\nx-dup: 2\r\nX-Other:  v  \r\n\r\n"))
        let names = result.head.headers.map(\.name)
        #expect(names == ["Host", "X-Dup", "x-dup", "X-Other"])
        #expect(result.head.headers.values(for: "X-DUP") == ["1", "2"])
        #expect(result.head.headers["x-other"] == "v")
    }

    @Test func parser_leavesPipelinedBytesForTheNextRequest() throws {
        let first = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi"
        let second = "GET /b HTTP/1.1\r\nHost: a\r\n\r\n"
        let bytes = Array((first + second).utf8)
        guard case .request(let head, let body, let consumed) = HTTPRequestParser.parse(bytes) else {
            Issue.record("first request not parsed")
            return
        }
        #expect(head.target == "/a")
        #expect(body == Array("hi".utf8))
        #expect(consumed == first.utf8.count)
        guard case .request(let next, _, let rest) = HTTPRequestParser.parse(Array(bytes[consumed...])) else {
            Issue.record("second request not parsed")
            return
        }
        #expect(next.target == "/b")
        #expect(rest == second.utf8.count)
    }

    @Test func parser_leavesBytesAfterChunkedBody() throws {
        let first = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n"
        let result = try #require(parsed(first + "GET / HTTP/1.1\r\n"))
        #expect(result.consumed == first.utf8.count)
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: a\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n\r",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: 1\r\n",
        "\r\n",
    ])
    func parser_waitsForMoreBytesWhenIncomplete(_ raw: String) {
        #expect(HTTPRequestParser.parse(Array(raw.utf8)) == .incomplete)
    }

    @Test func parser_splitsTargetIntoPathAndQuery() {
        let request = HTTPRequest(method: "GET", target: "/a%20b?x=1&y=a+b%21&flag")
        #expect(request.path == "/a%20b")
        #expect(request.query == "x=1&y=a+b%21&flag")
        #expect(request.queryItems.map(\.name) == ["x", "y", "flag"])
        #expect(request.queryItems.map(\.value) == ["1", "a b!", ""])
        let absolute = HTTPRequest(method: "GET", target: "http://h:1/p?q")
        #expect(absolute.path == "/p")
        #expect(absolute.query == "q")
    }

    @Test func scanner_isIncrementalAcrossByteByByteDelivery() {
        let raw = Array("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var scanner = HTTPHeadScanner(origin: 0, maxHeadBytes: 1024, maxHeaderCount: 10)
        for end in 1..<raw.count {
            #expect(scanner.scan(raw, end: end) == .needMore)
        }
        #expect(scanner.scan(raw, end: raw.count) == .complete(start: 2, end: raw.count))
    }
}
