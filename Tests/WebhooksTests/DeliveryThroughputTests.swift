import AtlasHTTP
import AtlasJSON
import AtlasSandbox
import Glibc
import Testing
import Webhooks

/// Opt-in throughput measurement (set `ATLAS_WEBHOOKS_BENCH=<events>`): that many events to a fast
/// local receiver (AtlasHTTP's server) with 32 in flight; prints deliveries per second.
@Suite(.timeLimit(.minutes(2))) struct DeliveryThroughputTests {
    @Test(.enabled(if: getenv("ATLAS_WEBHOOKS_BENCH") != nil))
    func throughput_toAFastLocalReceiver() async throws {
        let events = Int(String(cString: getenv("ATLAS_WEBHOOKS_BENCH"))) ?? 10_000
        var router = HTTPRouter()
        router.add("POST", "/hook") { _ in HTTPResponse(status: 200, body: Array("ok".utf8)) }
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0), responder: router)
        let address = try server.start()
        let run = Task { await server.run() }
        defer {
            server.shutdown()
            run.cancel()
        }
        let harness = DeskHarness(
            configuration: DispatcherConfiguration(maxInFlight: 32, deliveryLogCapacity: 10_000))
        harness.sandbox.register("http://127.0.0.1:\(address.port)/hook", clientId: "partner")
        let request = try EventRequest.parse(
            try JSONValue.parse(
                #"{"clientId":"partner","type":"airline.status","fields":{"airline":"VJ","airlineStatus":"Active"}}"#
            ))
        let start = ContinuousClock.now
        for _ in 0..<events {
            _ = try await harness.desk.fire(request)
        }
        let fired = ContinuousClock.now - start
        while harness.desk.statistics.delivered + harness.desk.statistics.failed < events {
            try await Task.sleep(for: .milliseconds(2))
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "THROUGHPUT \(events) deliveries in \(elapsed) (fired in \(fired)): \(Int(Double(events) / seconds))/s, "
                + "failed \(harness.desk.statistics.failed)")
        #expect(harness.desk.statistics.failed == 0)
    }
}
