import AtlasJSON
import AtlasMock
import Foundation
import Glibc
import Synchronization
import Testing

/// Fault matrix, graceful shutdown (issue 6, cases 5–6): SIGTERM under load and during a slow request.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FaultMatrixShutdownTests {
    /// How the load clients' requests ended, counted across their threads.
    final class OutcomeTally: Sendable {
        private let counts = Mutex<[String: Int]>([:])

        func add(_ key: String) { counts.withLock { $0[key, default: 0] += 1 } }
        subscript(key: String) -> Int { counts.withLock { $0[key] ?? 0 } }
        var all: [String: Int] { counts.withLock { $0 } }
    }

    /// One load client: keep-alive requests alternating health and `getPageList`, reconnecting after
    /// each close, until the server refuses to connect (it stopped listening) or `deadline` passes.
    static func hammer(port: UInt16, tally: OutcomeTally, deadline: ContinuousClock.Instant) {
        var round = 0
        while ContinuousClock.now < deadline {
            guard let client = try? RawClient(port: port) else {
                tally.add("refused")
                return
            }
            exchanges: while ContinuousClock.now < deadline {
                round += 1
                client.send(
                    round % 2 == 0 ? "GET /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n" : pageListRequest())
                switch client.readOutcome() {
                case .complete(let status, let closes):
                    tally.add(status == 200 ? "complete" : "status \(status)")
                    if closes { break exchanges }
                case .closedWithoutAnswer:
                    tally.add("closedWithoutAnswer")
                    break exchanges
                case .truncated:
                    tally.add("truncated")
                    break exchanges
                }
            }
        }
        tally.add("gave up at the deadline")
    }

    @Test func sigtermUnderLoad_answersEveryAcceptedRequestWhole_andExitsZeroWithinTheGracePeriod()
        async throws
    {
        let mock = try await ServedMock.start(["--seed-incidents", "200"])
        let tally = OutcomeTally()
        let clients = 6
        let deadline = ContinuousClock.now + .seconds(60)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients {
                group.addTask { [port = mock.port] in
                    try await offThePool { Self.hammer(port: port, tally: tally, deadline: deadline) }
                }
            }
            #expect(try await eventually { tally["complete"] >= 500 }, "load is running: \(tally.all)")
            let signalled = ContinuousClock.now
            mock.binary.signal(SIGTERM)
            #expect(try await mock.binary.exitStatus(timeout: .seconds(10)) == 0)
            #expect(ContinuousClock.now - signalled < .seconds(6), "exit within the 5 s grace period")
            try await group.waitForAll()
        }
        #expect(tally["truncated"] == 0, "truncated responses: \(tally.all)")
        #expect(tally["refused"] == clients, "every client ends refused by a closed listener: \(tally.all)")
        #expect(tally["gave up at the deadline"] == 0)
    }

    @Test func sigtermDuringASlowWebhookWait_completesThatRequestWith200_andExitsZero() async throws {
        let mock = try await ServedMock.start()
        let receiver = try ReferenceReceiver(delay: .seconds(1))
        let registered = try await TestHTTP.postJSON(
            mock.url + "/__admin/registrations", ["clientId": "sandbox", "url": .string(receiver.webhookURL)])
        #expect(registered.status == 200)
        let fire = Task { [url = mock.url] in
            try await TestHTTP.postJSON(
                url + "/__admin/events", ["clientId": "sandbox", "type": "order.ticketed", "wait": true])
        }
        // The webhook reached the receiver, which now holds it for a second: the request is in flight.
        #expect(try await eventually { !receiver.received.isEmpty })
        mock.binary.signal(SIGTERM)
        let answer = try await fire.value
        #expect(answer.status == 200)
        #expect(answer.json["outcome"] == "delivered", "\(answer.json)")
        #expect(try await mock.binary.exitStatus(timeout: .seconds(10)) == 0)
        await receiver.stop()
    }
}
