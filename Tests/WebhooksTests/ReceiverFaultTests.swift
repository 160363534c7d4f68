import AtlasJSON
import AtlasSandbox
import Testing
import Webhooks

/// Misbehaving receivers: each failure is recorded with the right kind, nothing hangs, and the next
/// delivery still works. Run against both transports (raw sockets and URLSession) on http URLs.
@Suite(.timeLimit(.minutes(1))) struct ReceiverFaultTests {
    enum TransportKind: String, CaseIterable, Sendable {
        case socket, urlSession

        func make() -> any WebhookTransport {
            switch self {
            case .socket: SocketTransport()
            case .urlSession: URLSessionTransport()
            }
        }
    }

    /// Generous, so that on two busy cores a refused or reset connection is never mistaken for a
    /// timeout; only the slow-receiver test needs a short deadline, and sets its own.
    static let deadline = Duration.seconds(3)
    /// The deadline of the slow-receiver test, far below the receiver's 5 s.
    static let shortDeadline = Duration.milliseconds(500)

    func harness(_ kind: TransportKind, retries: Int = 0, deadline: Duration = Self.deadline) -> DeskHarness {
        DeskHarness(
            configuration: DispatcherConfiguration(
                attemptTimeout: deadline, retries: retries, backoff: [.milliseconds(20)]),
            transport: kind.make())
    }

    /// Fires one schedule change and waits; returns the single attempt's record.
    func fireOnce(_ harness: DeskHarness) async throws -> (response: JSONValue, record: JSONValue) {
        let response = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.schedulechange","wait":true}"#)
        return (response, try #require(response["deliveries"]?.arrayValue?.last))
    }

    /// A later delivery to a healthy receiver still succeeds.
    func expectRecovery(_ harness: DeskHarness) async throws {
        let healthy = try TestReceiver()
        defer { healthy.stop() }
        harness.sandbox.register(healthy.url, clientId: "sandbox")
        let (response, _) = try await fireOnce(harness)
        #expect(response["outcome"] == "delivered")
        #expect(healthy.requests.count == 1)
    }

    @Test(arguments: TransportKind.allCases)
    func connectionRefused_isRecordedAsRefused(kind: TransportKind) async throws {
        let harness = harness(kind)
        harness.sandbox.register("http://127.0.0.1:\(TestReceiver.closedPort())/hook", clientId: "sandbox")
        let (response, record) = try await fireOnce(harness)
        #expect(response["outcome"] == "failed")
        #expect(record["error"]?["kind"] == "refused")
        #expect(record["response"] == .null)
        #expect(harness.sandbox.incidents(clientId: "sandbox").first?.notified == 0)
        try await expectRecovery(harness)
    }

    @Test(arguments: TransportKind.allCases)
    func http500_isRecordedAsHTTPStatus_withTheResponse(kind: TransportKind) async throws {
        let receiver = try TestReceiver { _, _ in .respond(status: 500, body: "boom") }
        defer { receiver.stop() }
        let harness = harness(kind)
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let (response, record) = try await fireOnce(harness)
        #expect(response["outcome"] == "failed")
        #expect(record["error"]?["kind"] == "http-status")
        #expect(record["response"]?["status"] == 500)
        #expect(record["response"]?["bodyExcerpt"] == "boom")
        #expect(harness.sandbox.incidents(clientId: "sandbox").first?.notified == 0)
        try await expectRecovery(harness)
    }

    @Test(arguments: TransportKind.allCases)
    func slowReceiver_isCutOffAtTheDeadline(kind: TransportKind) async throws {
        let receiver = try TestReceiver { _, _ in .respond(status: 200, delayMilliseconds: 5_000) }
        defer { receiver.stop() }
        let harness = harness(kind, deadline: Self.shortDeadline)
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let start = ContinuousClock.now
        let (response, record) = try await fireOnce(harness)
        let elapsed = ContinuousClock.now - start
        #expect(response["outcome"] == "failed")
        #expect(record["error"]?["kind"] == "timeout")
        let latency = try #require(record["latencyMs"]?.doubleValue)
        // The receiver would answer after 5 s: ending well before proves the deadline cut it off. The
        // upper bounds leave room for the whole suite running in parallel on two cores; the idle
        // precision (a few ms past the deadline) is what the benchmark and the latency field report.
        #expect(latency >= 490 && latency < 3_000, "latency \(latency) ms")
        #expect(elapsed < .seconds(4), "fire took \(elapsed)")
        try await expectRecovery(harness)
    }

    @Test(arguments: TransportKind.allCases)
    func resetMidResponse_isRecordedAsReset(kind: TransportKind) async throws {
        let receiver = try TestReceiver { _, _ in .resetMidResponse }
        defer { receiver.stop() }
        let harness = harness(kind)
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let (_, record) = try await fireOnce(harness)
        #expect(record["error"]?["kind"] == "reset")
        try await expectRecovery(harness)
    }

    @Test(arguments: TransportKind.allCases)
    func tenMebibyteResponse_isRecordedAsTooLarge(kind: TransportKind) async throws {
        let receiver = try TestReceiver { _, _ in .huge(bytes: 10 << 20) }
        defer { receiver.stop() }
        let harness = harness(kind)
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let (_, record) = try await fireOnce(harness)
        #expect(record["error"]?["kind"] == "too-large")
        try await expectRecovery(harness)
    }

    @Test(arguments: TransportKind.allCases)
    func shutdown_cutsASlowReceiverShortAfterTheGracePeriod(kind: TransportKind) async throws {
        let receiver = try TestReceiver { _, _ in .respond(status: 200, delayMilliseconds: 3_000) }
        defer { receiver.stop() }
        let harness = DeskHarness(
            configuration: DispatcherConfiguration(shutdownGrace: .milliseconds(100)), transport: kind.make())
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        _ = try await harness.fire(#"{"clientId":"sandbox","type":"order.ticketed"}"#)
        #expect(await receiver.waitFor(count: 1))
        let start = ContinuousClock.now
        await harness.desk.shutdown()
        #expect(
            ContinuousClock.now - start < .milliseconds(600), "shutdown took \(ContinuousClock.now - start)")
    }

    @Test(arguments: TransportKind.allCases)
    func redirect_isNotFollowed_andCountsAsHTTPStatus(kind: TransportKind) async throws {
        let elsewhere = try TestReceiver()
        defer { elsewhere.stop() }
        let receiver = try TestReceiver { _, _ in .redirect(to: elsewhere.url) }
        defer { receiver.stop() }
        let harness = harness(kind)
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let (_, record) = try await fireOnce(harness)
        #expect(record["error"]?["kind"] == "http-status")
        #expect(record["response"]?["status"] == 302)
        #expect(elsewhere.requests.isEmpty)
    }

    @Test func invalidURL_isRecordedWithoutSending() async throws {
        let harness = harness(.socket)
        harness.sandbox.register("ftp://example.com/hook", clientId: "sandbox")
        let (_, record) = try await fireOnce(harness)
        #expect(record["error"]?["kind"] == "invalid-url")
        #expect(record["request"] == .null)
    }

    @Test func retries_followTheBackoff_untilA2xx() async throws {
        let receiver = try TestReceiver { index, _ in
            index == 0 ? .respond(status: 503) : .respond(status: 204, body: "")
        }
        defer { receiver.stop() }
        let harness = harness(.socket, retries: 2)
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let (response, record) = try await fireOnce(harness)
        #expect(response["outcome"] == "delivered")
        #expect(response["deliveries"]?.arrayValue?.map { $0["attempt"]! } == [1, 2])
        #expect(record["response"]?["status"] == 204)
        #expect(receiver.requests.count == 2)
        #expect(receiver.requests[0].body == receiver.requests[1].body)
        #expect(harness.sandbox.incidents(clientId: "sandbox").first?.notified == 1)
    }
}
