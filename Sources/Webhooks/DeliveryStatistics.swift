public import AtlasJSON

/// Delivery counters for `/__admin/health`.
public struct DeliveryStatistics: Sendable, Hashable {
    /// Events fired (accepted requests) since start.
    public var eventsFired: Int
    /// Attempts on the wire now.
    public var inFlight: Int
    /// Attempts that got a 2xx.
    public var delivered: Int
    /// Attempts that failed (including no registration).
    public var failed: Int
    /// Events dropped by the `drop` fault.
    public var dropped: Int
    /// Events held by the `reorder` fault now.
    public var held: Int
    /// Attempts evicted from the delivery log.
    public var evicted: Int

    /// Counters as given.
    public init(
        eventsFired: Int, inFlight: Int, delivered: Int, failed: Int, dropped: Int, held: Int, evicted: Int
    ) {
        self.eventsFired = eventsFired
        self.inFlight = inFlight
        self.delivered = delivered
        self.failed = failed
        self.dropped = dropped
        self.held = held
        self.evicted = evicted
    }

    /// `{"eventsFired", "inFlight", "delivered", "failed", "dropped", "held", "evicted"}`.
    public func json() -> JSONValue {
        [
            "eventsFired": .int(eventsFired), "inFlight": .int(inFlight), "delivered": .int(delivered),
            "failed": .int(failed), "dropped": .int(dropped), "held": .int(held), "evicted": .int(evicted),
        ]
    }
}
