import Synchronization
import Webhooks

/// A transport that answers 200 after `delay`, counting how many sends overlap.
final class StubTransport: WebhookTransport {
    private struct State {
        var current = 0
        var peak = 0
        var sent = 0
        var shutDown = false
    }

    let delay: Duration
    private let state = Mutex(State())

    init(delay: Duration = .zero) {
        self.delay = delay
    }

    var peakConcurrency: Int { state.withLock { $0.peak } }
    var sent: Int { state.withLock { $0.sent } }
    var isShutDown: Bool { state.withLock { $0.shutDown } }

    func send(_ request: OutboundRequest, deadline: ContinuousClock.Instant) async throws(DeliveryError)
        -> OutboundResponse
    {
        state.withLock { state in
            state.current += 1
            state.peak = max(state.peak, state.current)
        }
        defer {
            state.withLock { state in
                state.current -= 1
                state.sent += 1
            }
        }
        if delay > .zero {
            do {
                try await Task.sleep(until: min(ContinuousClock.now + delay, deadline))
            } catch {
                throw DeliveryError(.timeout, "cancelled")
            }
            if ContinuousClock.now >= deadline { throw DeliveryError(.timeout, "stub deadline") }
        }
        return OutboundResponse(status: 200, headers: [], body: Array("ok".utf8))
    }

    func shutdown() async {
        state.withLock { $0.shutDown = true }
    }
}
