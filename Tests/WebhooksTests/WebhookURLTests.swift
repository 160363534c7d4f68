import Testing
import Webhooks

/// Registered URLs taken apart for sending, and the ones refused before any socket opens.
@Suite struct WebhookURLTests {
    @Test(arguments: [
        (
            "http://127.0.0.1:8080/hooks/atlas?x=1", "http", "127.0.0.1", 8080, "/hooks/atlas?x=1",
            "127.0.0.1:8080"
        ),
        ("https://example.com", "https", "example.com", 443, "/", "example.com"),
        ("HTTP://Example.com:80?q#frag", "http", "Example.com", 80, "/?q", "Example.com"),
        ("http://[::1]:9000/h", "http", "::1", 9000, "/h", "[::1]:9000"),
    ])
    func parse_splitsSchemeHostPortTarget(
        text: String, scheme: String, host: String, port: Int, target: String, hostHeader: String
    ) throws {
        let url = try WebhookURL.parse(text).get()
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.target == target)
        #expect(url.hostHeader == hostHeader)
        #expect(url.text == text)
    }

    @Test(arguments: [
        "ftp://example.com/x", "example.com/hook", "http://", "http://host:0/", "http://host:99999/",
        "http://user:pw@host/", "http://host/a b",
    ])
    func parse_refusesWhatCannotBeSentTo(text: String) {
        guard case .failure(let error) = WebhookURL.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(error.kind == .invalidURL)
        #expect(error.message.contains(text))
    }
}
