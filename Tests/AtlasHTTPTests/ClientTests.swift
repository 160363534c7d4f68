import Glibc
import Testing

@testable import AtlasHTTP

@Suite(.timeLimit(.minutes(1)))
struct ClientTests {
    private func clientServer(limits: HTTPLimits = HTTPLimits()) throws -> RunningServer {
        var router = echoRouter()
        router.add("GET", "/big") { _ in
            HTTPResponse(status: 200, body: [UInt8](repeating: 0x62, count: 2 << 20))
        }
        router.add("HEAD", "/head") { _ in HTTPResponse(status: 200, body: Array("12345".utf8)) }
        return try startServer(limits: limits, responder: router)
    }

    @Test func client_postsAndReadsBody() async throws {
        let running = try clientServer()
        let client = HTTPClient()
        let response = try await client.execute(
            HTTPClientRequest(
                url: "http://127.0.0.1:\(running.port)/echo", headers: ["Content-Type": "application/json"],
                body: Array(#"{"a":1}"#.utf8)),
            deadline: .now + .seconds(5))
        #expect(response.status == 200)
        #expect(response.body == Array(#"{"a":1}"#.utf8))
        #expect(response.headers["content-length"] == "7")
        #expect(!response.bodyTruncated)
        await running.stop()
    }

    @Test func client_reportsNon2xxAsResponse() async throws {
        let running = try clientServer()
        let response = try await HTTPClient().execute(
            HTTPClientRequest(method: "GET", url: "http://localhost:\(running.port)/nope"),
            deadline: .now + .seconds(5))
        #expect(response.status == 404)
        await running.stop()
    }

    @Test func client_reusesKeepAliveConnection() async throws {
        let running = try clientServer()
        let client = HTTPClient()
        for index in 0..<5 {
            let response = try await client.execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(running.port)/echo", body: Array("\(index)".utf8)),
                deadline: .now + .seconds(5))
            #expect(response.body == Array("\(index)".utf8))
        }
        #expect(running.server.statistics.acceptedConnections == 1)
        #expect(running.server.statistics.requests == 5)
        await running.stop()
    }

    @Test func client_replacesPooledConnectionTheServerClosed() async throws {
        let running = try clientServer(limits: HTTPLimits(idleTimeout: .milliseconds(50)))
        let client = HTTPClient()
        let url = "http://127.0.0.1:\(running.port)/hello"
        _ = try await client.execute(HTTPClientRequest(method: "GET", url: url), deadline: .now + .seconds(5))
        #expect(await eventually { running.server.statistics.openConnections == 0 })
        let response = try await client.execute(
            HTTPClientRequest(method: "GET", url: url), deadline: .now + .seconds(5))
        #expect(response.status == 200)
        #expect(running.server.statistics.acceptedConnections == 2)
        await running.stop()
    }

    @Test func client_retriesOnceWhenReusedConnectionDiesBeforeAnyResponse() async throws {
        // First connection: answer one request keep-alive, then drop the second request unanswered.
        let connections = MutexBox(0)
        let server = try ScriptedServer { fd, _ in
            connections.mutate { $0 += 1 }
            await ScriptedServer.write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            return false
        }
        let client = HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/"
        _ = try await client.execute(HTTPClientRequest(method: "GET", url: url), deadline: .now + .seconds(5))
        let second = try await client.execute(
            HTTPClientRequest(method: "GET", url: url), deadline: .now + .seconds(5))
        #expect(second.body == Array("ok".utf8))
        #expect(connections.value == 2)
        await server.stop()
    }

    @Test func client_decodesChunkedResponse() async throws {
        let server = try ScriptedServer { fd, _ in
            await ScriptedServer.write(
                fd,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=1\r\n world\r\n0\r\nT: 1\r\n\r\n"
            )
            return true
        }
        let client = HTTPClient()
        for _ in 0..<2 {
            let response = try await client.execute(
                HTTPClientRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/"),
                deadline: .now + .seconds(5))
            #expect(response.body == Array("hello world".utf8))
        }
        await server.stop()
    }

    @Test func client_readsCloseDelimitedResponseAndSkipsInterim100() async throws {
        let server = try ScriptedServer { fd, _ in
            await ScriptedServer.write(
                fd, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\nX-A: b\r\n\r\nuntil close")
            return false
        }
        let response = try await HTTPClient().execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/"), deadline: .now + .seconds(5))
        #expect(response.status == 200)
        #expect(response.headers["x-a"] == "b")
        #expect(response.body == Array("until close".utf8))
        await server.stop()
    }

    @Test func client_readsNoBodyForHead() async throws {
        let running = try clientServer()
        let response = try await HTTPClient().execute(
            HTTPClientRequest(method: "HEAD", url: "http://127.0.0.1:\(running.port)/head"),
            deadline: .now + .seconds(5))
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == "5")
        #expect(response.body.isEmpty)
        await running.stop()
    }

    @Test func client_failsWithRefusedWhenNothingListens() async throws {
        let (fd, address) = try Listener.open(host: "127.0.0.1", port: 0)
        close(fd)
        await #expect(throws: HTTPClientError.self) {
            _ = try await HTTPClient().execute(
                HTTPClientRequest(url: "http://127.0.0.1:\(address.port)/"), deadline: .now + .seconds(5))
        }
        let kind = await failureKind(
            HTTPClientRequest(url: "http://127.0.0.1:\(address.port)/"), deadline: .seconds(5))
        #expect(kind == .refused)
    }

    @Test func client_timesOutWithinMillisecondsOfTheDeadline() async throws {
        let running = try clientServer()
        let started = ContinuousClock.now
        let kind = await failureKind(
            HTTPClientRequest(method: "GET", url: "http://127.0.0.1:\(running.port)/slow?ms=3000"),
            deadline: .milliseconds(200))
        let elapsed = ContinuousClock.now - started
        #expect(kind == .timeout)
        #expect(elapsed >= .milliseconds(200))
        // The server would answer after 3 s; ending well before that proves the deadline cut it off.
        // The bound is loose because the whole suite runs in parallel on two cores; the precision
        // itself (deadline + a few ms when idle) is measured outside the suite.
        #expect(elapsed < .milliseconds(1000))
        running.server.shutdown()
    }

    @Test func client_reportsResetMidResponse() async throws {
        let server = try ScriptedServer { fd, _ in
            await ScriptedServer.write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
            ScriptedServer.reset(fd)
            return false
        }
        let kind = await failureKind(
            HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/"), deadline: .seconds(5))
        #expect(kind == .reset)
        await server.stop()
    }

    @Test func client_reportsTooLargeWithStatus() async throws {
        let running = try clientServer()
        do {
            _ = try await HTTPClient().execute(
                HTTPClientRequest(method: "GET", url: "http://127.0.0.1:\(running.port)/big"),
                deadline: .now + .seconds(5))
            Issue.record("expected tooLarge")
        } catch {
            #expect(error.kind == .tooLarge)
            #expect(error.status == 200)
            #expect(error.headers?["Content-Length"] == "\(2 << 20)")
        }
        await running.stop()
    }

    @Test func client_truncatesWhenAsked() async throws {
        let running = try clientServer()
        let response = try await HTTPClient(maxResponseBytes: 1000).execute(
            HTTPClientRequest(
                method: "GET", url: "http://127.0.0.1:\(running.port)/big", truncateLargeResponses: true),
            deadline: .now + .seconds(5))
        #expect(response.body.count == 1000)
        #expect(response.bodyTruncated)
        await running.stop()
    }

    @Test func client_reportsTooLargeForChunkedAndCloseDelimitedBodies() async throws {
        let server = try ScriptedServer { fd, request in
            let big = String(repeating: "x", count: 2000)
            if String(decoding: request, as: UTF8.self).hasPrefix("GET /chunked") {
                await ScriptedServer.write(
                    fd, "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n\(big)\r\n0\r\n\r\n"
                )
                return true
            }
            await ScriptedServer.write(fd, "HTTP/1.1 202 Accepted\r\n\r\n\(big)")
            return false
        }
        let client = HTTPClient(maxResponseBytes: 1000)
        for (path, status) in [("chunked", 201), ("close", 202)] {
            do {
                _ = try await client.execute(
                    HTTPClientRequest(method: "GET", url: "http://127.0.0.1:\(server.port)/\(path)"),
                    deadline: .now + .seconds(5))
                Issue.record("expected tooLarge for \(path)")
            } catch {
                #expect(error.kind == .tooLarge)
                #expect(error.status == status)
            }
        }
        await server.stop()
    }

    @Test func client_reportsProtocolErrorForGarbage() async throws {
        let server = try ScriptedServer { fd, _ in
            await ScriptedServer.write(fd, "SSH-2.0-OpenSSH\r\n\r\n")
            return false
        }
        let kind = await failureKind(
            HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/"), deadline: .seconds(5))
        #expect(kind == .protocolError)
        await server.stop()
    }

    @Test func client_refusesHTTPSAndInvalidURLs() async {
        #expect(
            await failureKind(HTTPClientRequest(url: "https://example.com/"), deadline: .seconds(1)) == .tls)
        for url in [
            "ftp://x/", "http://", "nonsense", "http://a b/", "http://host:99999/", "http://u:p@host/",
        ] {
            #expect(
                await failureKind(HTTPClientRequest(url: url), deadline: .seconds(1)) == .invalidURL, "\(url)"
            )
        }
    }

    @Test func client_reportsDNSFailure() async {
        let kind = await failureKind(
            HTTPClientRequest(url: "http://no-such-host.invalid/"), deadline: .seconds(10))
        #expect(kind == .dns)
    }

    @Test func client_failsFastWhenDeadlineAlreadyPassed() async {
        let kind = await failureKind(HTTPClientRequest(url: "http://127.0.0.1:9/"), deadline: .zero)
        #expect(kind == .timeout)
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/a/b?c=d#frag", "127.0.0.1", UInt16(8080), "/a/b?c=d", "127.0.0.1:8080"),
        ("HTTP://Example.com", "Example.com", 80, "/", "Example.com"),
        ("http://h?x=1", "h", 80, "/?x=1", "h"),
        ("http://[::1]:9000/p", "::1", 9000, "/p", "[::1]:9000"),
    ])
    func url_parsesHostPortAndTarget(
        _ url: String, _ host: String, _ port: UInt16, _ target: String, _ header: String
    )
        throws
    {
        let parsed = try HTTPClientURL.parse(url)
        #expect(parsed == HTTPClientURL(host: host, port: port, target: target, hostHeader: header))
    }

    private func failureKind(_ request: HTTPClientRequest, deadline: Duration) async -> HTTPClientError.Kind?
    {
        do {
            _ = try await HTTPClient().execute(request, deadline: .now + deadline)
            return nil
        } catch {
            return error.kind
        }
    }
}
