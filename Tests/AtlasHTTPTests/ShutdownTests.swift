import Testing

@testable import AtlasHTTP

@Suite(.timeLimit(.minutes(1)))
struct ShutdownTests {
    @Test func shutdown_letsInFlightRequestFinishWithConnectionClose() async throws {
        let running = try startServer()
        let idle = try #require(await RawClient.connect(port: running.port))
        await idle.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        _ = try #require(await idle.readResponse())
        let busy = try #require(await RawClient.connect(port: running.port))
        await busy.send("GET /slow?ms=400 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(await eventually { running.server.statistics.requests == 2 })

        running.server.shutdown()
        // The idle keep-alive connection is closed promptly, without a response.
        let idleClosedAt = ContinuousClock.now
        #expect(await idle.isClosedByPeer(timeout: .seconds(2)))
        #expect(ContinuousClock.now - idleClosedAt < .milliseconds(300))
        // New connections are refused once the listener is closed.
        #expect(await eventually { running.server.listenerFD < 0 })
        #expect(await RawClient.connect(port: running.port) == nil)
        // The in-flight request still completes, and says the connection closes.
        let response = try #require(await busy.readResponse())
        #expect(response.status == 200)
        #expect(response.bodyText == "slow")
        #expect(response.header("Connection") == "close")
        await running.task.value
        #expect(running.server.statistics.openConnections == 0)
    }

    @Test func shutdown_cancelsRequestsThatOutliveTheGracePeriod() async throws {
        let running = try startServer(grace: .milliseconds(100))
        let busy = try #require(await RawClient.connect(port: running.port))
        await busy.send("GET /slow?ms=20000 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(await eventually { running.server.statistics.requests == 1 })
        let started = ContinuousClock.now
        running.server.shutdown()
        await running.task.value
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(
            running.recorder.recordedEvents.contains { event in
                if case .shutdownGraceExpired = event { return true }
                return false
            })
    }

    @Test func run_returnsWhenItsTaskIsCancelled() async throws {
        let running = try startServer()
        running.task.cancel()
        await running.task.value
        #expect(running.server.listenerFD < 0)
    }

    @Test func start_reportsAddressInUse() throws {
        let running = try startServer()
        let second = HTTPServer(
            configuration: HTTPServerConfiguration(port: running.port), responder: HTTPRouter())
        #expect(throws: HTTPServerError.addressInUse(host: "127.0.0.1", port: running.port)) {
            try second.start()
        }
        running.server.shutdown()
    }

    @Test(arguments: ["example.com", "256.0.0.1", ""])
    func start_rejectsInvalidHost(_ host: String) {
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(host: host, port: 0), responder: HTTPRouter())
        #expect(throws: HTTPServerError.invalidHost(host)) { try server.start() }
    }

    @Test func start_bindsLocalhostAndIPv6Loopback() throws {
        let local = HTTPServer(
            configuration: HTTPServerConfiguration(host: "localhost", port: 0), responder: HTTPRouter())
        let address = try local.start()
        #expect(address.host == "127.0.0.1")
        #expect(address.port != 0)
        #expect(address.url == "http://127.0.0.1:\(address.port)")
        local.shutdown()
        let v6 = HTTPServer(
            configuration: HTTPServerConfiguration(host: "::1", port: 0), responder: HTTPRouter())
        if let bound = try? v6.start() {
            #expect(bound.url == "http://[::1]:\(bound.port)")
        }
        v6.shutdown()
    }
}
