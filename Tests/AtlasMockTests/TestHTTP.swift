import AtlasHTTP
import AtlasJSON

@testable import AtlasMock

/// JSON calls over real sockets, through the project's own client (no URLSession quirks in the way).
enum TestHTTP {
    static let client = HTTPClient(maxResponseBytes: 64 << 20)

    /// One request; returns the status and body, throwing on transport failure.
    static func request(
        _ method: String, _ url: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        timeout: Duration = .seconds(30)
    ) async throws -> (status: Int, body: [UInt8]) {
        let response = try await client.execute(
            HTTPClientRequest(method: method, url: url, headers: headers, body: body),
            deadline: .now + timeout)
        return (response.status, response.body)
    }

    /// `POST` of a JSON value, answered with JSON.
    static func postJSON(_ url: String, _ value: JSONValue, headers: HTTPHeaders = [:]) async throws -> (
        status: Int, json: JSONValue
    ) {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json")
        let response = try await request("POST", url, headers: headers, body: value.serialized())
        return (response.status, try JSONValue.parse(response.body))
    }

    /// The Atlas headers of a built-in client.
    static func atlasHeaders(client: String = "sandbox", secret: String = "sandbox-secret") -> HTTPHeaders {
        [
            "Accept": "application/json", "Accept-Encoding": "gzip", "x-atlas-client-id": client,
            "x-atlas-client-secret": secret,
        ]
    }
}

/// The built-in fixture files, as embedded in the binary.
enum EmbeddedFixture {
    static func text(_ name: String) -> String {
        EmbeddedDefaults.files.first { $0.path == "fixtures/\(name)" }?.text ?? ""
    }
}
