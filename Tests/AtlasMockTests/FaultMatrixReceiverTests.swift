import AtlasJSON
import AtlasMock
import Testing

/// Fault matrix, failing receivers (issue 6, case 7): a 200-event burst at a receiver that fails one
/// way records every attempt with that failure's error kind, and nothing hangs.
@Suite(.serialized, .timeLimit(.minutes(2))) struct FaultMatrixReceiverTests {
    /// One way a receiver fails, and the delivery error kind it must be recorded as.
    enum Failure: String, CaseIterable, CustomStringConvertible, Sendable {
        case refused, serverError, slowerThanTheDeadline, resetMidResponse, tenMiBBody
        var description: String { rawValue }

        var expectedKind: String {
            switch self {
            case .refused: "refused"
            case .serverError: "http-status"
            case .slowerThanTheDeadline: "timeout"
            case .resetMidResponse: "reset"
            case .tenMiBBody: "too-large"
            }
        }

        /// Starts the receiver; returns its webhook URL and how to stop it.
        func start() throws -> (url: String, stop: @Sendable () async -> Void) {
            switch self {
            case .refused:
                return ("http://127.0.0.1:\(try RawFaultyReceiver.closedPort())/atlas/webhook", {})
            case .serverError:
                let receiver = try ReferenceReceiver(status: 500)
                return (receiver.webhookURL, { await receiver.stop() })
            case .slowerThanTheDeadline:
                // Five times the 200 ms webhook deadline the mock is started with.
                let receiver = try ReferenceReceiver(delay: .seconds(1))
                return (receiver.webhookURL, { await receiver.stop() })
            case .resetMidResponse:
                let receiver = try RawFaultyReceiver(.resetMidResponse)
                return (receiver.url, { receiver.stop() })
            case .tenMiBBody:
                let receiver = try RawFaultyReceiver(.hugeBody(bytes: 10 << 20))
                return (receiver.url, { receiver.stop() })
            }
        }
    }

    @Test(arguments: Failure.allCases)
    func receiverFailingThroughABurst_recordsEveryAttemptWithItsErrorKind(failure: Failure) async throws {
        let mock = try await ServedMock.start(["--webhook-timeout-ms", "200"])
        let receiver = try failure.start()
        let registered = try await TestHTTP.postJSON(
            mock.url + "/__admin/registrations", ["clientId": "sandbox", "url": .string(receiver.url)])
        #expect(registered.status == 200)
        let burst = try await TestHTTP.postJSON(
            mock.url + "/__admin/events",
            ["clientId": "sandbox", "type": "order.ticketed", "wait": true, "count": 200])
        #expect(burst.status == 200)
        #expect(burst.json["failed"] == 200, "\(burst.json)")
        let listed = try await TestHTTP.request("GET", mock.url + "/__admin/deliveries?clientId=sandbox")
        let records = try JSONValue.parse(listed.body)["deliveries"]?.arrayValue ?? []
        #expect(records.count == 200)
        var kinds: [String: Int] = [:]
        for record in records { kinds[record["error"]?["kind"]?.stringValue ?? "none", default: 0] += 1 }
        #expect(kinds == [failure.expectedKind: 200])
        let health = try mock.health()
        #expect(health["status"] == "ok")
        #expect(health["webhooks"]?["inFlight"] == 0, "nothing left hanging")
        await receiver.stop()
        #expect(try await mock.stop() == 0)
    }
}
