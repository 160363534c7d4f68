/// What happened in one step: its status, what was seen, and delivery facts for fire steps.
public struct StepResult: Sendable, Hashable {
    /// How a step ended.
    public enum Status: String, Sendable, Hashable {
        /// It ran and, for an expectation, was met.
        case passed
        /// Its expectation was not met.
        case failed
        /// It could not run (bad value at run time, refused request, no server).
        case error
        /// It did not run, because an earlier step failed, or it had nothing to do.
        case skipped
    }

    /// The step's position, from 0.
    public var index: Int
    /// The step's name or "step N".
    public var name: String
    /// "fire order.void", "expect deliveries", …
    public var label: String
    /// How it ended.
    public var status: Status
    /// What was seen or why it failed, in one line.
    public var detail: String
    /// When it started, in milliseconds since the scenario started.
    public var startedAtMs: Double
    /// How long it took, in milliseconds.
    public var durationMs: Double
    /// For fire steps: the event id of the (last) event sent.
    public var eventId: String?
    /// For fire steps: the FIRE RESPONSE outcome ("delivered", "failed", "dropped", "pending", "held").
    public var deliveryOutcome: String?
    /// For fire steps: the receiver's HTTP status on the last attempt, if one was answered.
    public var httpStatus: Int?
    /// For fire steps: the last attempt's latency in milliseconds.
    public var latencyMs: Double?

    /// A step result; delivery facts are for fire steps only.
    public init(
        index: Int, name: String, label: String, status: Status, detail: String, startedAtMs: Double,
        durationMs: Double, eventId: String? = nil, deliveryOutcome: String? = nil, httpStatus: Int? = nil,
        latencyMs: Double? = nil
    ) {
        self.index = index
        self.name = name
        self.label = label
        self.status = status
        self.detail = detail
        self.startedAtMs = startedAtMs
        self.durationMs = durationMs
        self.eventId = eventId
        self.deliveryOutcome = deliveryOutcome
        self.httpStatus = httpStatus
        self.latencyMs = latencyMs
    }
}
