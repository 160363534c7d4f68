import AtlasJSON
import Testing

@testable import AtlasSandbox

/// Header credentials on both endpoints: 900 with HTTP 200 (or the configured status), secrets
/// compared in constant time and never printed or journaled.
@Suite struct AuthenticationTests {
    static let paths = ["/event/getPageList.do", "/updateWebhookURL.do"]
    static let body = #"{"pageSize":10,"url":"https://example.com/hook"}"#

    static let credentialCases: [(String, [(name: String, value: String)])] = [
        ("no headers", []),
        ("id only", [("x-atlas-client-id", "sandbox")]),
        ("secret only", [("x-atlas-client-secret", "sandbox-secret")]),
        ("wrong secret", [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "sandbox-secreT")]),
        ("secret prefix", [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "sandbox")]),
        ("secret longer", [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "sandbox-secret!")]),
        ("empty secret", [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "")]),
        ("unknown client", [("x-atlas-client-id", "nobody"), ("x-atlas-client-secret", "sandbox-secret")]),
        (
            "other client's secret",
            [("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "partner-secret")]
        ),
        ("case of id", [("x-atlas-client-id", "Sandbox"), ("x-atlas-client-secret", "sandbox-secret")]),
    ]

    @Test(arguments: paths, 0..<credentialCases.count)
    func missingOrWrongCredentials_give900WithHTTP200(path: String, index: Int) throws {
        let sandbox = TestSupport.sandbox()
        let headers = TestSupport.contractHeaders + Self.credentialCases[index].1
        let reply = sandbox.handle(AtlasCall(path: path, headers: headers, body: Array(Self.body.utf8)))
        #expect(reply.httpStatus == 200)
        #expect(reply.bodyStatus == 900)
        #expect(reply.clientId == nil)
        #expect(String(decoding: reply.body, as: UTF8.self) == #"{"msg":"Unauthorized access","status":900}"#)
        #expect(sandbox.registration(clientId: "sandbox") == nil)
    }

    @Test(arguments: paths)
    func authFailureHTTPStatus_isConfigurable(path: String) {
        let sandbox = TestSupport.sandbox { $0.authFailureHTTPStatus = 401 }
        let reply = sandbox.handle(TestSupport.call(path, Self.body, client: nil))
        #expect(reply.httpStatus == 401)
        #expect(reply.bodyStatus == 900)
    }

    @Test(arguments: paths)
    func headerNames_matchCaseInsensitively(path: String) {
        let sandbox = TestSupport.sandbox()
        let headers =
            TestSupport.contractHeaders + [
                ("X-Atlas-Client-Id", "sandbox"), ("X-ATLAS-CLIENT-SECRET", "sandbox-secret"),
            ]
        let reply = sandbox.handle(AtlasCall(path: path, headers: headers, body: Array(Self.body.utf8)))
        #expect(reply.bodyStatus == 0)
        #expect(reply.clientId == "sandbox")
    }

    @Test func authenticationComesBeforeBodyValidation() {
        let sandbox = TestSupport.sandbox()
        #expect(sandbox.handle(TestSupport.getPageList("not json", client: nil)).bodyStatus == 900)
    }

    @Test func secret_isNeverJournaledOrPrinted() throws {
        let sandbox = TestSupport.sandbox()
        _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#))
        _ = sandbox.handle(
            TestSupport.call(
                "/event/getPageList.do", "{}",
                client: AtlasClient(clientId: "sandbox", clientSecret: "guess-1", cid: "X")))
        for entry in sandbox.journal() {
            let text = String(decoding: entry.json().serialized(), as: UTF8.self)
            #expect(!text.contains("sandbox-secret"))
            #expect(!text.contains("guess-1"))
            #expect(
                entry.requestHeaders.contains {
                    $0.name == "x-atlas-client-secret" && $0.value == "[REDACTED]"
                })
        }
        #expect(!"\(TestSupport.sandboxClient)".contains("sandbox-secret"))
        #expect(!String(describing: TestSupport.sandboxClient).contains("secret"))
        let journal = sandbox.journal()
        #expect(journal.map(\.authenticated) == [false, true])
        #expect(journal.map(\.clientId) == ["sandbox", "sandbox"])
    }

    @Test(arguments: [
        ("sandbox-secret", "sandbox-secret", true),
        ("sandbox-secreT", "sandbox-secret", false),
        ("sandbox", "sandbox-secret", false),
        ("sandbox-secret-", "sandbox-secret", false),
        ("", "sandbox-secret", false),
        ("", "", true),
        ("x", "", false),
        ("é", "é", true),
        ("e\u{301}", "é", false),
    ])
    func constantTimeEquals_comparesBytes(candidate: String, secret: String, equal: Bool) {
        #expect(ConstantTime.equals(candidate, secret) == equal)
    }
}

/// The `--client ID:SECRET[:CID]` spec.
@Suite struct ClientSpecTests {
    @Test(arguments: [
        ("ci:s3cret", "ci", "s3cret", "ci"),
        ("ci:s3cret:TAC00009", "ci", "s3cret", "TAC00009"),
    ])
    func parse_acceptsTwoOrThreeParts(spec: String, id: String, secret: String, cid: String) throws {
        let client = try AtlasClient.parse(spec: spec)
        #expect(client.clientId == id)
        #expect(client.clientSecret == secret)
        #expect(client.cid == cid)
    }

    @Test(arguments: [
        ("", "got 1 part"), ("ci", "got 1 part"), ("ci:", "SECRET is empty"), (":s", "ID is empty"),
        ("a:b:", "CID is empty"), ("a:b:c:d", "got 4 part"), ("a b:c", "ID contains whitespace"),
        ("a:se cret", "SECRET contains whitespace"),
    ])
    func parse_rejectsMalformedSpecs_withoutEchoingTheSecret(spec: String, message: String) {
        #expect {
            try AtlasClient.parse(spec: spec)
        } throws: { error in
            let text = "\(error)"
            return text.contains(message) && !(spec.contains("se cret") && text.contains("se cret"))
        }
    }

    @Test func directory_laterDuplicateReplacesEarlier() {
        let directory = ClientDirectory([
            TestSupport.sandboxClient, AtlasClient(clientId: "sandbox", clientSecret: "new", cid: "TAC00009"),
        ])
        #expect(directory.clients.count == 1)
        #expect(directory.authenticate(clientId: "sandbox", secret: "new")?.cid == "TAC00009")
        #expect(directory.authenticate(clientId: "sandbox", secret: "sandbox-secret") == nil)
    }
}
