import AtlasJSON
import Foundation
import Glibc
import Testing

/// A `atlas-mock serve` process on an ephemeral port, with what the fault matrix observes it through:
/// health over a fresh connection, its pid for /proc, and a SIGTERM stop.
struct ServedMock {
    let binary: LaunchedBinary
    let port: UInt16
    var pid: Int32 { binary.process.processIdentifier }
    var url: String { "http://127.0.0.1:\(port)" }

    /// Launches `serve --port 0 --quiet` plus `options` and waits for the ready line.
    static func start(_ options: [String] = []) async throws -> ServedMock {
        let binary = try LaunchedBinary(["serve", "--port", "0", "--quiet"] + options)
        let url = try await binary.readyURL()
        guard let port = url.split(separator: ":").last.flatMap({ UInt16($0) }) else {
            throw LaunchError(message: "no port in ready URL \(url)")
        }
        return ServedMock(binary: binary, port: port)
    }

    /// `GET /__admin/health` on a connection that asks to close, so the probe does not stay open itself.
    func health() throws -> JSONValue {
        let client = try RawClient(port: port)
        client.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        guard let response = client.readResponse() else {
            throw LaunchError(message: "health: no complete response")
        }
        guard response.status == 200 else { throw LaunchError(message: "health: HTTP \(response.status)") }
        return try JSONValue.parse(response.body)
    }

    /// Connections the server reports open, not counting the health probe's own.
    func openConnections() throws -> Int {
        (try health()["http"]?["openConnections"]?.intValue ?? -1) - 1
    }

    /// One of `health.http.limitHits`.
    func limitHits(_ name: String) throws -> Int {
        try health()["http"]?["limitHits"]?[name]?.intValue ?? -1
    }

    /// Asserts the server still answers health with `status: ok`.
    func expectHealthy(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try health()["status"] == "ok", "server unhealthy", sourceLocation: sourceLocation)
    }

    /// Sends SIGTERM and returns the exit status (the grace period is 5 s, so 10 s is generous).
    func stop() async throws -> Int32 {
        binary.signal(SIGTERM)
        return try await binary.exitStatus(timeout: .seconds(10))
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes, and returns whether it held:
/// fault tests wait for a state, never for a guessed time.
func eventually(timeout: Duration = .seconds(10), _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}

/// A `getPageList` request for the built-in `sandbox` client, as raw bytes.
func pageListRequest(_ body: String = #"{"pageIndex":1,"pageSize":20}"#, close: Bool = false) -> String {
    "POST /event/getPageList.do HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Accept: application/json\r\nAccept-Encoding: gzip\r\nx-atlas-client-id: sandbox\r\n"
        + "x-atlas-client-secret: sandbox-secret\r\n" + (close ? "Connection: close\r\n" : "")
        + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
}

/// How one request on a raw connection ended, told apart by the bytes that came back.
enum ExchangeOutcome: Equatable {
    /// A whole response: head and the Content-Length body.
    case complete(status: Int, closes: Bool)
    /// The connection ended before a single byte of an answer: the request was not taken.
    case closedWithoutAnswer
    /// Some bytes of a response, then the end: the failure graceful shutdown must never produce.
    case truncated(bytes: Int)
}

extension RawClient {
    /// Reads one response, telling a whole one from none at all and from a cut-off one.
    func readOutcome() -> ExchangeOutcome {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = Self.headEnd(received) {
                let head = String(decoding: received[0..<end], as: UTF8.self).lowercased()
                let length = Self.contentLength(ofHead: head)
                if received.count >= end + 4 + length {
                    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
                    return .complete(status: status, closes: head.contains("connection: close"))
                }
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 {
                return received.isEmpty ? .closedWithoutAnswer : .truncated(bytes: received.count)
            }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    /// Makes the coming close send a reset instead of a FIN, as a crashed or killed client would.
    func resetOnClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
    }
}
