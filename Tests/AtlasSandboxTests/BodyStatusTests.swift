import AtlasJSON
import Testing

@testable import AtlasSandbox

/// Every body code the two endpoints answer with, and the contract-header rules.
@Suite struct BodyStatusTests {
    @Test(arguments: [
        ("/event/getPageList.do", #"{"pageSize":5}"#, true, 0),
        ("/event/getPageList.do", #"{"pageIndex":1}"#, true, 100),
        ("/event/getPageList.do", #"{"pageSize":5}"#, false, 900),
        ("/event/getPageList.do", #"{"pageSize":"five"}"#, true, 901),
        ("/updateWebhookURL.do", #"{"url":"https://a.example/h"}"#, true, 0),
        ("/updateWebhookURL.do", #"{}"#, true, 100),
        ("/updateWebhookURL.do", #"{"url":"https://a.example/h"}"#, false, 900),
        ("/updateWebhookURL.do", #"{"url":"a.example"}"#, true, 901),
    ])
    func eachEndpoint_answersEachBodyCode(path: String, body: String, authenticated: Bool, status: Int) throws
    {
        let sandbox = TestSupport.sandbox()
        let reply = sandbox.handle(
            TestSupport.call(path, body, client: authenticated ? TestSupport.sandboxClient : nil))
        #expect(reply.bodyStatus == status)
        #expect(try TestSupport.json(reply)["status"] == .int(status))
        #expect(reply.httpStatus == 200)
        #expect(sandbox.journal(limit: 1).first?.bodyStatus == status)
    }

    @Test(arguments: ["/event/getPageList.do", "/updateWebhookURL.do"])
    func internalFailure_gives9999_andTheSandboxKeepsServing(path: String) throws {
        let sandbox = TestSupport.sandbox()
        sandbox.failNextCalls(2, path: path)
        let body = #"{"pageSize":5,"url":"https://a.example/h"}"#
        for _ in 0..<2 {
            let reply = sandbox.handle(TestSupport.call(path, body))
            #expect(reply.bodyStatus == 9999)
            #expect(String(decoding: reply.body, as: UTF8.self) == #"{"msg":"System error","status":9999}"#)
        }
        #expect(sandbox.handle(TestSupport.call(path, body)).bodyStatus == 0)
    }

    @Test func injectedFailures_forAnyPath_andClearedByReset() {
        let sandbox = TestSupport.sandbox()
        sandbox.failNextCalls(1)
        #expect(sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#, client: nil)).bodyStatus == 900)
        #expect(sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://a/b"}"#)).bodyStatus == 9999)
        #expect(sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#)).bodyStatus == 0)
        sandbox.failNextCalls(5)
        sandbox.reset()
        #expect(sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#)).bodyStatus == 0)
    }

    @Test(arguments: ["Accept", "Content-Type", "Accept-Encoding"])
    func missingContractHeader_isAWarning_orA901WhenStrict(missing: String) throws {
        let headers = TestSupport.contractHeaders.filter { $0.name != missing }
        let lenient = TestSupport.sandbox()
        let reply = lenient.handle(
            TestSupport.call("/event/getPageList.do", #"{"pageSize":1}"#, headers: headers))
        #expect(reply.bodyStatus == 0)
        #expect(reply.warnings == ["missing header \(missing) (required by the Atlas contract)"])
        #expect(lenient.journal().first?.warnings == reply.warnings)

        let strict = TestSupport.sandbox { $0.strict = true }
        let refused = strict.handle(
            TestSupport.call("/updateWebhookURL.do", #"{"url":"http://a/b"}"#, headers: headers))
        #expect(refused.bodyStatus == 901)
        #expect(
            try TestSupport.json(refused)["msg"]
                == .string("illegal request data: missing required header \(missing)"))
        #expect(strict.registration(clientId: "sandbox") == nil)
    }

    @Test func nonJSONContentType_isAWarning() {
        let sandbox = TestSupport.sandbox { $0.strict = true }
        let headers: [(name: String, value: String)] = [
            ("Accept", "*/*"), ("Content-Type", "text/plain"), ("Accept-Encoding", "identity"),
        ]
        let reply = sandbox.handle(
            TestSupport.call("/event/getPageList.do", #"{"pageSize":1}"#, headers: headers))
        #expect(reply.bodyStatus == 0)
        #expect(reply.warnings == [#"header Content-Type is "text/plain", expected application/json"#])
    }

    @Test func unauthenticatedCalls_stillRecordContractWarnings() {
        let sandbox = TestSupport.sandbox()
        let reply = sandbox.handle(TestSupport.call("/event/getPageList.do", "{}", client: nil, headers: []))
        #expect(reply.bodyStatus == 900)
        #expect(reply.warnings.count == 3)
    }
}
