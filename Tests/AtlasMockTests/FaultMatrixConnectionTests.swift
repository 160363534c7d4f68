import Foundation
import Glibc
import Testing

/// Fault matrix, connection faults (issue 6, cases 1–4): clients that vanish, half-close, crowd the
/// connection limit or never read, against the real binary over real sockets.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FaultMatrixConnectionTests {
    /// A request cut off after `bytes`; each variant is sent then the socket is closed.
    static let cutOffRequests: [(name: String, bytes: String)] = [
        ("mid-headers", "GET /__admin/health HTTP/1.1\r\nHost: x\r\nAcc"),
        // Content-Length promises 100 bytes; 12 come.
        (
            "mid-body",
            "POST /event/getPageList.do HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{\"pageIndex\""
        ),
    ]

    @Test func clientsVanishingMidHeadersOrMidBody_leaveConnectionsAndDescriptorsAtBaseline() async throws {
        let mock = try await ServedMock.start()
        for _ in 0..<3 { try mock.expectHealthy() }  // warm up before taking the baseline
        let baselineDescriptors = ProcessUsage.openDescriptors(mock.pid)
        for round in 0..<400 {
            let cut = Self.cutOffRequests[round % 2]
            let client = try RawClient(port: mock.port)
            client.send(cut.bytes)
            // Half the clients close with a FIN, half with a reset, as a killed process would.
            if round % 4 >= 2 { client.resetOnClose() }
        }
        try mock.expectHealthy()
        // The server sees each close asynchronously: wait for the counts to settle.
        #expect(try await eventually { try mock.openConnections() == 0 }, "open connections back to 0")
        #expect(
            try await eventually { ProcessUsage.openDescriptors(mock.pid) <= baselineDescriptors },
            "descriptors: \(ProcessUsage.openDescriptors(mock.pid)), baseline \(baselineDescriptors)")
        #expect(try await mock.stop() == 0)
    }

    @Test(arguments: ["health", "getPageList"])
    func halfClosedClient_stillGetsItsWholeResponse(route: String) async throws {
        let mock = try await ServedMock.start()
        let client = try RawClient(port: mock.port)
        client.send(route == "health" ? "GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n" : pageListRequest())
        shutdown(client.descriptor, Int32(SHUT_WR))
        let outcome = client.readOutcome()
        #expect(
            outcome == .complete(status: 200, closes: false)
                || outcome == .complete(status: 200, closes: true))
        try mock.expectHealthy()
        #expect(try await mock.stop() == 0)
    }

    @Test func connectionsOverTheLimit_get503AreCounted_andNewClientsAreServedOnceTheyClose() async throws {
        let mock = try await ServedMock.start(["--max-connections", "8"])
        var held: [RawClient] = []
        for _ in 0..<8 {
            // A keep-alive exchange proves each connection was accepted and is now held open.
            let client = try RawClient(port: mock.port)
            client.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(client.readResponse()?.status == 200)
            held.append(client)
        }
        for _ in 0..<5 {
            let extra = try RawClient(port: mock.port)
            extra.send("GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n")
            let text = String(decoding: extra.readUntilClose().prefix(40), as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 503 "), "an excess connection got: \(text)")
        }
        held.removeAll()
        // Health probes made while the held connections are still closing may be refused too.
        var refusedProbes = 0
        let served = try await eventually {
            do { return try mock.openConnections() == 0 } catch {
                refusedProbes += 1
                return false
            }
        }
        #expect(served, "a new client is served once the held connections closed")
        #expect(try mock.limitHits("connectionsRejected") == 5 + refusedProbes)
        #expect(try await mock.stop() == 0)
    }

    @Test func slowReaderThatNeverReads_doesNotStallOthers_andIsCutOffByTheWriteTimeout() async throws {
        // The write timeout (10 s) has no command-line option, so the test waits it out.
        let mock = try await ServedMock.start(["--seed-incidents", "3000"])
        let slow = try RawClient(port: mock.port)
        // 40 pipelined 1000-record pages are tens of MiB: far more than both socket buffers hold.
        let page = pageListRequest(#"{"pageIndex":1,"pageSize":1000}"#)
        slow.send(String(repeating: page, count: 40))
        #expect(try await eventually { try mock.openConnections() == 1 }, "the slow reader is being served")
        for _ in 0..<20 {
            let started = ContinuousClock.now
            try mock.expectHealthy()
            let other = try RawClient(port: mock.port)
            other.send(pageListRequest(close: true))
            #expect(other.readResponse()?.status == 200)
            #expect(
                ContinuousClock.now - started < .seconds(1), "another client waited behind the slow reader")
        }
        let cutOff = try await eventually(timeout: .seconds(30)) { try mock.openConnections() == 0 }
        #expect(cutOff, "the writer to a client that never reads is dropped after the write timeout")
        #expect(try mock.limitHits("timeouts") == 1, "a timed-out write counts as a timeout limit hit")
        try mock.expectHealthy()
        #expect(try await mock.stop() == 0)
    }
}
