import Testing

@testable import AtlasHTTP

@Suite(.timeLimit(.minutes(1)))
struct LiveServerTests {
    @Test func server_answersThreePipelinedRequestsInOrder() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send(
            "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nping"
                + "GET /missing HTTP/1.1\r\nHost: a\r\n\r\n")
        let first = try #require(await client.readResponse())
        let second = try #require(await client.readResponse())
        let third = try #require(await client.readResponse())
        #expect([first.status, second.status, third.status] == [200, 200, 404])
        #expect(second.bodyText == "ping")
        #expect(third.bodyText == #"{"error":"not_found","message":"no route for /missing"}"#)
        await running.stop()
    }

    @Test func server_reusesKeepAliveConnection() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        for _ in 0..<5 {
            await client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            let response = try #require(await client.readResponse())
            #expect(response.status == 200)
            #expect(response.header("Connection") == nil)
        }
        #expect(running.server.statistics.acceptedConnections == 1)
        #expect(running.server.statistics.requests == 5)
        await running.stop()
    }

    @Test func server_closesHTTP10ConnectionAfterResponse() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("GET /hello HTTP/1.0\r\n\r\n")
        let response = try #require(await client.readResponse())
        #expect(response.status == 200)
        #expect(response.header("Connection") == "close")
        #expect(await client.isClosedByPeer())
        await running.stop()
    }

    @Test func server_keepsHTTP10KeepAliveOpenAndEchoesIt() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        for _ in 0..<2 {
            await client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            let response = try #require(await client.readResponse())
            #expect(response.header("Connection") == "keep-alive")
        }
        await running.stop()
    }

    @Test func server_honoursConnectionClose() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        let response = try #require(await client.readResponse())
        #expect(response.header("Connection") == "close")
        #expect(await client.isClosedByPeer())
        await running.stop()
    }

    @Test func server_sends413ForHugeContentLengthBeforeClosing() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100000000\r\n\r\n")
        // The client keeps uploading; lingering close must still deliver the 413 instead of a reset.
        _ = await client.send([UInt8](repeating: 0x61, count: 256 * 1024))
        let response = try #require(await client.readResponse())
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        #expect(response.bodyText.hasPrefix(#"{"error":"content_too_large""#))
        #expect(await client.isClosedByPeer())
        #expect(running.server.statistics.bodyTooLarge == 1)
        await running.stop()
    }

    @Test func server_sends431ForOversizedHead() async throws {
        let running = try startServer(limits: HTTPLimits(maxHeadBytes: 1024))
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("GET /hello HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 4096))
        let response = try #require(await client.readResponse())
        #expect(response.status == 431)
        #expect(await client.isClosedByPeer())
        #expect(running.server.statistics.headTooLarge == 1)
        await running.stop()
    }

    @Test func server_sends408WhenHeadArrivesTooSlowly() async throws {
        let running = try startServer(limits: HTTPLimits(headTimeout: .milliseconds(200)))
        let client = try #require(await RawClient.connect(port: running.port))
        let started = ContinuousClock.now
        await client.send("GET /hello HTTP/1.1\r\nHost:")
        let response = try #require(await client.readResponse())
        let elapsed = ContinuousClock.now - started
        #expect(response.status == 408)
        #expect(elapsed >= .milliseconds(190) && elapsed < .seconds(2))
        #expect(await client.isClosedByPeer())
        #expect(running.server.statistics.timeouts == 1)
        await running.stop()
    }

    @Test func server_sends408WhenBodyArrivesTooSlowly() async throws {
        let running = try startServer(limits: HTTPLimits(bodyTimeout: .milliseconds(200)))
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc")
        let response = try #require(await client.readResponse())
        #expect(response.status == 408)
        await running.stop()
    }

    @Test func server_closesIdleKeepAliveConnectionSilently() async throws {
        let running = try startServer(limits: HTTPLimits(idleTimeout: .milliseconds(200)))
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        _ = try #require(await client.readResponse())
        let started = ContinuousClock.now
        #expect(await client.isClosedByPeer())
        // The server starts its idle timer before this client has read the response, so allow slack.
        #expect(ContinuousClock.now - started >= .milliseconds(100))
        #expect(client.received.isEmpty)
        await running.stop()
    }

    @Test func server_answers503OverMaxConnections() async throws {
        let running = try startServer(limits: HTTPLimits(maxConnections: 2))
        var open: [RawClient] = []
        for _ in 0..<2 {
            let client = try #require(await RawClient.connect(port: running.port))
            await client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(await client.readResponse()?.status == 200)
            open.append(client)
        }
        let extra = try #require(await RawClient.connect(port: running.port))
        await extra.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        let response = try #require(await extra.readResponse())
        #expect(response.status == 503)
        #expect(response.bodyText.hasPrefix(#"{"error":"too_many_connections""#))
        #expect(response.header("Connection") == "close")
        #expect(await extra.isClosedByPeer())
        #expect(running.server.statistics.connectionsRejected == 1)
        #expect(running.recorder.recordedEvents.contains(.connectionLimitReached(limit: 2)))
        open.removeAll()
        await running.stop()
    }

    @Test func server_answersHeadWithGetLengthAndNoBody() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(await client.read(until: { $0.count >= 4 && Array($0.suffix(4)) == Array("\r\n\r\n".utf8) }))
        let text = String(decoding: client.received, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(text.contains("Content-Length: 5\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
        client.received.removeAll()
        await client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(await client.readResponse()?.bodyText == "hello")
        await running.stop()
    }

    @Test func server_sendsContinueThenReadsBody() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send(
            "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        let interim = try #require(await client.readResponse())
        #expect(interim.status == 100)
        await client.send("hello")
        let response = try #require(await client.readResponse())
        #expect(response.status == 200)
        #expect(response.bodyText == "hello")
        await running.stop()
    }

    @Test func server_sendsFinalStatusInsteadOfContinueWhenRefusing() async throws {
        let running = try startServer(limits: HTTPLimits(maxBodyBytes: 4))
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send(
            "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        let response = try #require(await client.readResponse())
        #expect(response.status == 413)
        await running.stop()
    }

    @Test func server_decodesChunkedBodyArrivingInPieces() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r")
        try await Task.sleep(for: .milliseconds(20))  // force a second read on the server side
        await client.send("\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")
        let response = try #require(await client.readResponse())
        #expect(response.bodyText == "abcde")
        await running.stop()
    }

    @Test func server_rejectsBareLFWith400JSONAndCloses() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("GET /hello HTTP/1.1\nHost: a\n\n")
        let response = try #require(await client.readResponse())
        #expect(response.status == 400)
        #expect(response.bodyText == #"{"error":"bad_request","message":"bare LF line ending"}"#)
        #expect(await client.isClosedByPeer())
        #expect(running.server.statistics.malformed == 1)
        await running.stop()
    }

    @Test func server_reportsEachRequestToAccessLog() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("POST /echo?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi")
        _ = try #require(await client.readResponse())
        #expect(await eventually { !running.recorder.recordedEntries.isEmpty })
        let entry = try #require(running.recorder.recordedEntries.first)
        #expect(entry.method == "POST")
        #expect(entry.path == "/echo")
        #expect(entry.status == 200)
        #expect(entry.remoteAddress.hasPrefix("127.0.0.1:"))
        #expect(entry.requestBytes > 2)
        #expect(entry.responseBytes > 2)
        await running.stop()
    }
}
