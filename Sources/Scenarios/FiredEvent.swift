/// An event a fire step sent, remembered so expectations can scope deliveries to the scenario's own events.
struct FiredEvent: Sendable, Hashable {
    /// The FIRE RESPONSE `eventId`.
    var eventId: String
    /// The fire step's name, or "step N" for an unnamed one.
    var step: String
    /// The webhook type.
    var type: String
    /// The order, when the event is about one.
    var orderNo: String?
    /// Whether the event was fired with the drop fault, so no delivery is owed.
    var dropped: Bool
}
