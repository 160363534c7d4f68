import Foundation
import Testing

/// Malformed and oversized input against the real binary: each kind gets its 4xx (or a clean close),
/// and the server neither dies, nor leaks descriptors, nor keeps the memory.
@Suite(.serialized, .timeLimit(.minutes(3))) struct HostileInputEndToEndTests {
    /// One kind of hostile input and the answer it must get; status 0 means "closed without an answer".
    struct Kind: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var status: Int
        var description: String { name }

        init(_ name: String, _ text: String, _ status: Int) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.status = status
        }

        init(_ name: String, bytes: [UInt8], _ status: Int) {
            self.name = name
            self.bytes = bytes
            self.status = status
        }
    }

    static let host = "Host: x\r\n"
    static let kinds: [Kind] = [
        Kind("bare LF line endings", "GET /__admin/health HTTP/1.1\nHost: x\n\n", 400),
        Kind("bare CR inside the head", "GET /__admin/health HTTP/1.1\r\nHost: x\rY: z\r\n\r\n", 400),
        Kind(
            "Content-Length with Transfer-Encoding",
            "POST /x HTTP/1.1\r\n\(host)Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400
        ),
        Kind(
            "differing duplicate Content-Length",
            "POST /x HTTP/1.1\r\n\(host)Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400),
        Kind("signed Content-Length", "POST /x HTTP/1.1\r\n\(host)Content-Length: +3\r\n\r\nabc", 400),
        Kind("negative Content-Length", "POST /x HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", 400),
        Kind("non-numeric Content-Length", "POST /x HTTP/1.1\r\n\(host)Content-Length: abc\r\n\r\n", 400),
        Kind("space before the colon", "GET / HTTP/1.1\r\n\(host)Content-Length : 0\r\n\r\n", 400),
        Kind("obs-fold continuation line", "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n  folded\r\n\r\n", 400),
        Kind("Transfer-Encoding gzip", "POST /x HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\n\r\n", 501),
        Kind(
            "Transfer-Encoding on HTTP/1.0",
            "POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        Kind("HTTP/2.0 request line", "GET / HTTP/2.0\r\n\(host)\r\n", 505),
        Kind("garbage version", "GET / HTTQ/1.1\r\n\(host)\r\n", 400),
        Kind("missing Host on HTTP/1.1", "GET /__admin/health HTTP/1.1\r\n\r\n", 400),
        Kind("two Host headers", "GET /__admin/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        Kind("extra space in the request line", "GET  / HTTP/1.1\r\n\(host)\r\n", 400),
        Kind("method that is not a token", "GE(T / HTTP/1.1\r\n\(host)\r\n", 400),
        Kind("header name that is not a token", "GET / HTTP/1.1\r\n\(host)Bad Name: 1\r\n\r\n", 400),
        Kind(
            "NUL in a header value",
            bytes: Array("GET / HTTP/1.1\r\n\(host)X: a".utf8) + [0] + Array("b\r\n\r\n".utf8), 400),
        Kind("non-ASCII method", bytes: [0xC3, 0xA9] + Array(" / HTTP/1.1\r\n\(host)\r\n".utf8), 400),
        Kind(
            "40 KB header value",
            "GET / HTTP/1.1\r\n\(host)X-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n", 431),
        Kind(
            "150 header fields",
            "GET / HTTP/1.1\r\n\(host)" + (0..<150).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
        Kind(
            "40 KB request target", "GET /\(String(repeating: "a", count: 40_000)) HTTP/1.1\r\n\(host)\r\n",
            431),
        Kind(
            "body over the limit",
            "POST /event/getPageList.do HTTP/1.1\r\n\(host)Content-Length: 3000000\r\n\r\n", 413),
        Kind(
            "chunk size that is not hex",
            "POST /x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        Kind(
            "chunk size with a sign",
            "POST /x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n+a\r\n0123456789\r\n0\r\n\r\n", 400),
        Kind(
            "chunk without CRLF after the data",
            "POST /x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3\r\nabcXY0\r\n\r\n", 400),
        Kind(
            "chunk size with too many digits",
            "POST /x HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n\(String(repeating: "f", count: 30))\r\n",
            400),
        Kind(
            "unknown Expect", "POST /x HTTP/1.1\r\n\(host)Expect: 200-ok\r\nContent-Length: 1\r\n\r\nx", 417),
        Kind("unknown path", "GET /nowhere HTTP/1.1\r\n\(host)Connection: close\r\n\r\n", 404),
        Kind(
            "wrong method on an Atlas path",
            "GET /updateWebhookURL.do HTTP/1.1\r\n\(host)Connection: close\r\n\r\n", 405),
        Kind("head cut off by a closed connection", "GET /__admin/health HTTP/1.1\r\nHo", 0),
    ]

    @Test(arguments: kinds)
    func hostileInput_getsTheRightAnswer(kind: Kind) async throws {
        let server = try await Self.sharedServer()
        let received = try await offThePool {
            let client = try RawClient(port: server.port)
            client.send(kind.bytes)
            if kind.status == 0 { shutdown(client.descriptor, Int32(SHUT_WR)) }
            return client.readUntilClose()
        }
        if kind.status == 0 {
            #expect(
                received.isEmpty,
                "\(kind.name): expected a clean close, got \(String(decoding: received, as: UTF8.self))")
        } else {
            let text = String(decoding: received.prefix(200), as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 \(kind.status) "), "\(kind.name): got \(text)")
            #expect(
                text.lowercased().contains("connection: close") || kind.status < 400,
                "\(kind.name): error answers close")
        }
    }

    @Test func hostileInput_thousandRequestsLeaveTheServerHealthyWithoutLeaks() async throws {
        let server = try await Self.sharedServer()
        let pid = server.binary.process.processIdentifier
        let port = server.port
        try await offThePool {
            for kind in Self.kinds.prefix(3) {  // warm up allocators before taking the baseline
                let client = try RawClient(port: port)
                client.send(kind.bytes)
                _ = client.readUntilClose()
            }
        }
        let baselineDescriptors = ProcessUsage.openDescriptors(pid)
        let baselineMemory = ProcessUsage.residentKilobytes(pid)
        let kinds = Self.kinds
        let response = try await offThePool { () throws -> (status: Int, head: String, body: [UInt8])? in
            for round in 0..<1000 {
                let kind = kinds[round % kinds.count]
                let client = try RawClient(port: port)
                client.send(kind.bytes)
                if kind.status == 0 { shutdown(client.descriptor, Int32(SHUT_WR)) }
                _ = client.readUntilClose()
            }
            let normal = try RawClient(port: port)
            normal.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
            return normal.readResponse()
        }
        let health = try #require(response)
        #expect(health.status == 200)
        // Connections close asynchronously; wait for the count to settle rather than sleeping.
        let deadline = ContinuousClock.now + .seconds(10)
        while ProcessUsage.openDescriptors(pid) > baselineDescriptors + 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(ProcessUsage.openDescriptors(pid) <= baselineDescriptors + 1, "descriptors leaked")
        let memory = ProcessUsage.residentKilobytes(pid)
        #expect(memory - baselineMemory < 16 * 1024, "RSS grew from \(baselineMemory) KiB to \(memory) KiB")
    }

    @Test func idleConnections_doNotStopANewClientBeingServedQuickly() async throws {
        let server = try await Self.sharedServer()
        let port = server.port
        let (idle, answer, elapsed) = try await offThePool {
            () throws -> ([RawClient], (status: Int, head: String, body: [UInt8])?, Duration) in
            var idle: [RawClient] = []
            for _ in 0..<500 { idle.append(try RawClient(port: port)) }
            let started = ContinuousClock.now
            let client = try RawClient(port: port)
            client.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
            let answer = client.readResponse()
            return (idle, answer, ContinuousClock.now - started)
        }
        let response = try #require(answer)
        #expect(response.status == 200)
        // The 100 ms target is measured by bench/run on a quiet machine; inside the parallel suite the
        // bound only proves that idle connections never queue a new client behind them.
        #expect(elapsed < .seconds(1), "served in \(elapsed) with 500 idle connections open")
        #expect(idle.count == 500)
    }

    /// One server for the suite: starting a process per case would dominate the run time.
    actor SharedServer {
        static let shared = SharedServer()
        private var running: (binary: LaunchedBinary, port: UInt16)?

        func get() async throws -> (binary: LaunchedBinary, port: UInt16) {
            if let running, running.binary.process.isRunning { return running }
            let binary = try LaunchedBinary(["serve", "--port", "0", "--quiet", "--head-timeout-ms", "2000"])
            let url = try await binary.readyURL()
            let port = UInt16(url.split(separator: ":").last!)!
            running = (binary, port)
            return (binary, port)
        }
    }

    static func sharedServer() async throws -> (binary: LaunchedBinary, port: UInt16) {
        try await SharedServer.shared.get()
    }
}
