import AtlasHTTP
import AtlasJSON
import Webhooks

extension AdminAPI {
    /// The most events one `count` burst may fire.
    static let maxBurst = 100_000

    /// `POST /__admin/events`: fires one event (see the README's event reference) and answers with the
    /// payload sent and, with `"wait": true`, every delivery attempt. `"count": N` fires N events, each
    /// with its own ids, and answers with totals.
    func fireEvent(_ request: HTTPRequest) async -> HTTPResponse {
        let event: JSONValue
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value): event = value
        }
        guard var members = event.objectValue, let count = members.removeValue(forKey: "count") else {
            do {
                return Self.ok(try await webhooks.fire(event))
            } catch {
                return Self.fault(error.httpStatus, error.kind.rawValue, error.description)
            }
        }
        guard let burst = count.intValue, (1...Self.maxBurst).contains(burst) else {
            return Self.fault(
                400, "invalid_request",
                "$.count: expected an integer from 1 to \(Self.maxBurst), got \(count.compactText)")
        }
        return await fireBurst(.object(members), count: burst)
    }

    /// Fires `count` copies of `event` at once; the dispatcher's in-flight limit paces the deliveries.
    private func fireBurst(_ event: JSONValue, count: Int) async -> HTTPResponse {
        let started = ContinuousClock.now
        // Validate once up front so a bad request is one 400, not `count` of them.
        let first: JSONValue
        do {
            first = try await webhooks.fire(event)
        } catch {
            return Self.fault(error.httpStatus, error.kind.rawValue, error.description)
        }
        var outcomes: [String: Int] = [(first["outcome"]?.stringValue ?? "pending"): 1]
        await withTaskGroup(of: String.self) { group in
            for _ in 1..<count {
                group.addTask { [webhooks] in
                    ((try? await webhooks.fire(event))?["outcome"]?.stringValue) ?? "rejected"
                }
            }
            for await outcome in group { outcomes[outcome, default: 0] += 1 }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var body: [String: JSONValue] = [
            "count": .int(count), "elapsedMs": .double(milliseconds),
            "firstEventId": first["eventId"] ?? .null,
        ]
        for outcome in ["delivered", "failed", "dropped", "pending", "held", "rejected"] {
            body[outcome] = .int(outcomes[outcome] ?? 0)
        }
        return Self.ok(.object(body))
    }

    /// `GET /__admin/deliveries?clientId=&type=&orderNo=&outcome=&eventId=`: every attempt, oldest first.
    func listDeliveries(_ request: HTTPRequest) -> HTTPResponse {
        do {
            let result = webhooks.deliveries(filter: try DeliveryFilter.parse(query: Self.query(request)))
            return Self.ok(["deliveries": .array(result.records), "evicted": .int(result.evicted)])
        } catch {
            return Self.fault(400, "invalid_request", error.description)
        }
    }
}
