import Testing

@testable import AtlasHTTP

@Suite struct RouterTests {
    private func makeRouter() -> HTTPRouter {
        var router = HTTPRouter()
        router.add("GET", "/a") { _ in .text(200, "get a") }
        router.add("POST", "/a") { _ in .text(200, "post a") }
        router.addPrefix("GET", "/files/") { request in .text(200, "file \(request.path)") }
        router.addPrefix("GET", "/files/special/") { _ in .text(200, "special") }
        router.add("DELETE", "/files/x") { _ in .text(200, "deleted") }
        return router
    }

    @Test func router_dispatchesByMethodAndExactPath() async {
        let router = makeRouter()
        #expect(
            await router.respond(to: HTTPRequest(method: "GET", target: "/a")).body == Array("get a".utf8))
        #expect(
            await router.respond(to: HTTPRequest(method: "POST", target: "/a?x")).body == Array("post a".utf8)
        )
    }

    @Test func router_prefersLongestPrefixAndFallsBackFromExact() async {
        let router = makeRouter()
        #expect(
            await router.respond(to: HTTPRequest(method: "GET", target: "/files/special/1")).body
                == Array("special".utf8))
        #expect(
            await router.respond(to: HTTPRequest(method: "GET", target: "/files/y")).body
                == Array("file /files/y".utf8))
        // The exact DELETE route does not hide the GET prefix route for the same path.
        #expect(await router.respond(to: HTTPRequest(method: "GET", target: "/files/x")).status == 200)
    }

    @Test func router_answers404AsJSONForUnknownPath() async {
        let response = await makeRouter().respond(to: HTTPRequest(method: "GET", target: "/x"))
        #expect(response.status == 404)
        #expect(response.body == Array(#"{"error":"not_found","message":"no route for /x"}"#.utf8))
        #expect(response.headers["content-type"] == "application/json; charset=utf-8")
    }

    @Test func router_answers405WithAllowForWrongMethod() async {
        let response = await makeRouter().respond(to: HTTPRequest(method: "PUT", target: "/a"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, POST, HEAD")
        #expect(String(decoding: response.body, as: UTF8.self).hasPrefix(#"{"error":"method_not_allowed""#))
    }

    @Test func router_answersHeadWithGetRoute() async {
        let response = await makeRouter().respond(to: HTTPRequest(method: "HEAD", target: "/a"))
        #expect(response.status == 200)
        #expect(response.body == Array("get a".utf8))
    }
}

@Suite struct MessageTests {
    @Test func headers_lookUpCaseInsensitivelyAndKeepDuplicates() {
        var headers: HTTPHeaders = ["Content-Type": "a", "X-A": "1"]
        headers.add(name: "x-a", value: "2")
        #expect(headers["CONTENT-TYPE"] == "a")
        #expect(headers.values(for: "X-A") == ["1", "2"])
        headers.replaceOrAdd(name: "X-a", value: "3")
        #expect(headers.values(for: "x-A") == ["3"])
        headers.replaceOrAdd(name: "New", value: "n")
        #expect(headers.map(\.name) == ["Content-Type", "X-A", "New"])
        #expect(!headers.contains(name: "İ"))
    }

    @Test func encoder_ownsFramingAndDropsInjectedHeaders() {
        var output: [UInt8] = []
        let response = HTTPResponse(
            status: 201,
            headers: ["Content-Length": "999", "X-Bad": "a\r\nInjected: 1", "X-Ok": "v", "Date": "d"],
            body: Array("abc".utf8))
        HTTPResponseEncoder.encode(
            response, isHead: false, keepAlive: false, version: .http1_1, date: Array("today".utf8),
            into: &output)
        let text = String(decoding: output, as: UTF8.self)
        #expect(
            text
                == "HTTP/1.1 201 Created\r\nX-Ok: v\r\nDate: d\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc"
        )
    }

    @Test(arguments: [204, 304, 101])
    func encoder_sendsNoBodyOrLengthForBodylessStatus(_ status: Int) {
        var output: [UInt8] = []
        HTTPResponseEncoder.encode(
            HTTPResponse(status: status, body: Array("x".utf8)), isHead: false, keepAlive: true,
            version: .http1_1,
            date: Array("d".utf8), into: &output)
        let text = String(decoding: output, as: UTF8.self)
        #expect(!text.contains("Content-Length"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test func errorBody_escapesJSON() {
        let response = HTTPResponse.error(
            400, code: "bad_request", message: "quote \" slash \\ nl \n ctl \u{1}")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"error":"bad_request","message":"quote \" slash \\ nl \n ctl \u0001"}"#)
    }

    @Test func dateCache_formatsIMFFixdate() {
        #expect(
            String(decoding: HTTPDateCache.format(784_111_777), as: UTF8.self)
                == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
