import AtlasJSON
import Synchronization

/// Scenario runs started through the admin API, kept so `GET /__admin/runs/{id}` can report them.
///
/// Bounded: only the newest `capacity` runs are kept, and how many were dropped is reported.
final class ScenarioRuns: Sendable {
    private struct State {
        var next = 1
        var order: [String] = []
        var reports: [String: JSONValue?] = [:]
        var evicted = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int = 100) {
        self.capacity = capacity
    }

    /// Reserves an id for a run that is starting.
    func begin() -> String {
        state.withLock { state in
            let id = "run-\(state.next)"
            state.next += 1
            state.order.append(id)
            state.reports[id] = .some(nil)
            if state.order.count > capacity {
                state.reports[state.order.removeFirst()] = nil
                state.evicted += 1
            }
            return id
        }
    }

    /// Stores the finished report of run `id`.
    func finish(_ id: String, report: JSONValue) {
        state.withLock { state in
            if state.reports[id] != nil { state.reports[id] = .some(report) }
        }
    }

    /// `{"id","status":"running"|"finished","report"?}`, or nil for an unknown (or evicted) id.
    func json(_ id: String) -> JSONValue? {
        state.withLock { state -> JSONValue? in
            guard let entry = state.reports[id] else { return nil }
            if let report = entry {
                return ["id": .string(id), "status": "finished", "report": report]
            }
            return ["id": .string(id), "status": "running"]
        }
    }
}
