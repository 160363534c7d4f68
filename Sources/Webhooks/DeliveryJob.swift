import AtlasJSON
import Synchronization

/// One fired event on its way out: what to send, with which faults, and every attempt so far.
///
/// The job keeps its own attempts so a FIRE RESPONSE never has to search the whole delivery log.
final class DeliveryJob: Sendable {
    /// Where the event stands, as the FIRE RESPONSE `outcome` reports it.
    enum Status: String, Sendable {
        case pending, held, delivered, failed, dropped
    }

    private struct State {
        var status: Status = .pending
        var attempts: [DeliveryRecord] = []
        var incident: JSONValue?
    }

    let event: ComposedEvent
    let faults: EventFaults
    /// The desk generation the job belongs to; a reset starts a new one and silences older jobs.
    let generation: Int
    private let state: Mutex<State>

    init(event: ComposedEvent, faults: EventFaults, generation: Int, incident: JSONValue?) {
        self.event = event
        self.faults = faults
        self.generation = generation
        state = Mutex(State(incident: incident))
    }

    var status: Status {
        get { state.withLock { $0.status } }
        set { state.withLock { $0.status = newValue } }
    }

    var attempts: [DeliveryRecord] {
        state.withLock { $0.attempts.sorted { $0.sequence < $1.sequence } }
    }

    /// The incident's getPageList record as last known (notified 0 at filing, 1 after a 2xx).
    var incident: JSONValue? {
        get { state.withLock { $0.incident } }
        set { state.withLock { $0.incident = newValue } }
    }

    func add(_ record: DeliveryRecord) {
        state.withLock { $0.attempts.append(record) }
    }
}
