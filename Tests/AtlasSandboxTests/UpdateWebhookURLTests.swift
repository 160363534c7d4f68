import AtlasJSON
import Testing

@testable import AtlasSandbox

/// `POST /updateWebhookURL.do`: validation, replacement, history.
@Suite struct UpdateWebhookURLTests {
    @Test func register_answersSuccess_andRecordsTheURL() throws {
        let sandbox = TestSupport.sandbox()
        let reply = sandbox.handle(
            TestSupport.updateWebhookURL(#"{"url":"https://hooks.example.com/atlas"}"#))
        #expect(String(decoding: reply.body, as: UTF8.self) == #"{"msg":"success","status":0}"#)
        #expect(reply.httpStatus == 200)
        let registration = try #require(sandbox.registration(clientId: "sandbox"))
        #expect(registration.url == "https://hooks.example.com/atlas")
        #expect(registration.registeredAt == TestSupport.now)
    }

    @Test func register_replacesPreviousURL_keepingTimestampedHistory() throws {
        let sandbox = TestSupport.sandbox()
        _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://localhost:9000/a"}"#))
        sandbox.clock.advance(by: 60_000)
        _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://localhost:9000/b"}"#))
        let registration = try #require(sandbox.registration(clientId: "sandbox"))
        #expect(registration.url == "http://localhost:9000/b")
        #expect(registration.history.map(\.url) == ["http://localhost:9000/a", "http://localhost:9000/b"])
        #expect(
            registration.history.map(\.at) == [TestSupport.now, TestSupport.now.adding(milliseconds: 60_000)])
        #expect(registration.registeredAt == TestSupport.now.adding(milliseconds: 60_000))
    }

    @Test func registrationHistory_isBounded_andCountsDrops() throws {
        let sandbox = TestSupport.sandbox { $0.registrationHistoryCapacity = 3 }
        for number in 1...5 {
            _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://h/\#(number)"}"#))
        }
        let registration = try #require(sandbox.registration(clientId: "sandbox"))
        #expect(registration.history.map(\.url) == ["http://h/3", "http://h/4", "http://h/5"])
        #expect(registration.droppedCount == 2)
    }

    @Test func legacyCid_isTolerated_andAForeignCidIsAWarning() {
        let sandbox = TestSupport.sandbox()
        let own = sandbox.handle(
            TestSupport.updateWebhookURL(#"{"cid":"TAC00001","url":"https://a.example/x"}"#))
        #expect(own.bodyStatus == 0)
        #expect(own.warnings.isEmpty)
        let foreign = sandbox.handle(
            TestSupport.updateWebhookURL(#"{"cid":"TAC00002","url":"https://a.example/y"}"#))
        #expect(foreign.bodyStatus == 0)
        #expect(foreign.warnings == [#"cid "TAC00002" is not this client's cid "TAC00001"; ignored"#])
        #expect(sandbox.registration(clientId: "partner") == nil)
        let extra = sandbox.handle(
            TestSupport.updateWebhookURL(#"{"url":"https://a.example/z","events":["*"]}"#))
        #expect(extra.warnings == [#"unknown field "events" ignored"#])
    }

    @Test(arguments: [
        ("http://localhost:8080/hook", true),
        ("https://hooks.example.com", true),
        ("HTTPS://Hooks.Example.com/a?b=c#d", true),
        ("http://127.0.0.1:1/x", true),
        ("http://[::1]:8080/x", true),
        ("http://user:pass@host.example/x", true),
        ("http://my_host.internal:65535", true),
        ("", false),
        ("hooks.example.com/x", false),
        ("/relative/path", false),
        ("ftp://example.com/x", false),
        ("https://", false),
        ("https:///path", false),
        ("http://:8080/x", false),
        ("http://host:0/x", false),
        ("http://host:65536/x", false),
        ("http://host:+80/x", false),
        ("http://host:/x", false),
        ("http://ho st/x", false),
        ("http://host/a b", false),
        ("http://hÖst/x", false),
        ("http://[::1/x", false),
        ("javascript:alert(1)", false),
    ])
    func register_acceptsOnlyAbsoluteHTTPURLsWithAHost(url: String, valid: Bool) throws {
        let sandbox = TestSupport.sandbox()
        let body = String(decoding: JSONValue.object(["url": .string(url)]).serialized(), as: UTF8.self)
        let reply = sandbox.handle(TestSupport.updateWebhookURL(body))
        #expect(reply.bodyStatus == (valid ? 0 : 901))
        #expect((sandbox.registration(clientId: "sandbox") != nil) == valid)
        if !valid {
            #expect(
                try TestSupport.json(reply)["msg"]?.stringValue?.hasPrefix("illegal request data: url: ")
                    == true)
        }
    }

    @Test(arguments: [
        ("{}", 100, "Missing required request data: url"),
        (#"{"url":null}"#, 100, "Missing required request data: url"),
        (#"{"cid":"TAC00001"}"#, 100, "Missing required request data: url"),
        (#"{"url":42}"#, 901, "illegal request data: url: expected string, got integer"),
        (#"{"url":["http://a"]}"#, 901, "url: expected string, got array"),
        (#"{"url":"http://a","cid":7}"#, 901, "cid: expected string, got integer"),
        ("url=http://a", 901, "body is not valid JSON"),
        (#""http://a""#, 901, "body must be a JSON object, got string"),
    ])
    func register_rejectsBadBodies(body: String, status: Int, message: String) throws {
        let sandbox = TestSupport.sandbox()
        let reply = sandbox.handle(TestSupport.updateWebhookURL(body))
        #expect(reply.bodyStatus == status)
        #expect(try TestSupport.json(reply)["msg"]?.stringValue?.contains(message) == true)
        #expect(sandbox.registration(clientId: "sandbox") == nil)
    }

    @Test func adminRegister_validatesLikeTheEndpoint() throws {
        let sandbox = TestSupport.sandbox()
        #expect(throws: SandboxError.unknownClient("nobody")) {
            try sandbox.register(url: "http://a/b", clientId: "nobody")
        }
        #expect(throws: SandboxError.self) { try sandbox.register(url: "ftp://a/b", clientId: "sandbox") }
        try sandbox.register(url: "http://a/b", clientId: "sandbox")
        #expect(sandbox.registration(clientId: "sandbox")?.url == "http://a/b")
        #expect(sandbox.registration(clientId: "sandbox")?.json()["url"] == .string("http://a/b"))
    }
}
