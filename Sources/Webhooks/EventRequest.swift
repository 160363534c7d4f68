public import AtlasSandbox

/// A validated EVENT REQUEST: which webhook to fire for which client and order, with what faults.
public struct EventRequest: Sendable, Hashable {
    /// What a schedule change does to the order's itinerary.
    public enum ScheduleChange: Sendable, Hashable {
        /// Type 1: one segment moves by `shiftMinutes` (both times), optionally renumbered.
        case time(segmentIndex: Int, shiftMinutes: Int, newFlightNumber: String?)
        /// Type 1: one segment gets a new flight number, times unchanged.
        case flightNumber(segmentIndex: Int, newFlightNumber: String?)
        /// Type 2: the flights are cancelled, nothing is protected (`revisedSegs` empty).
        case cancellation
    }

    /// The type-specific part of the request (EVENT REQUEST `fields`), defaults filled in.
    public enum Details: Sendable, Hashable {
        /// `order.ticketed`.
        case orderTicketed
        /// `order.schedulechange`.
        case orderScheduleChange(ScheduleChange)
        /// `email.schedulechange` with an optional subject.
        case emailScheduleChange(subject: String?)
        /// `abnormal.cancelled` with `FULLY` or `CANCELLED`.
        case abnormalCancelled(vendorRefundInformation: String)
        /// `order.void` moving the order's void case to `status`.
        case orderVoid(status: VoidStatus, message: String?, voidCode: String?)
        /// `airline.status` for the given airlines.
        case airlineStatus(airlines: [String], status: String)
        /// `email.all` of a category, with optional sender, recipient and subject.
        case emailAll(category: String, from: String?, to: String?, subject: String?)
        /// Legacy `order.cancelled` with the ticketing error code and message.
        case orderCancelled(errorCode: String, errorMessage: String)
    }

    /// The client whose registered URL receives the webhook.
    public var clientId: String
    /// The webhook type.
    public var type: WebhookType
    /// The order, or nil to pick the client's first order the event applies to.
    public var orderNo: String?
    /// The type-specific fields.
    public var details: Details
    /// Delivery faults.
    public var faults: EventFaults
    /// Whether the caller waits for every attempt before getting an answer.
    public var wait: Bool

    /// A request with every part given.
    public init(
        clientId: String, type: WebhookType, orderNo: String? = nil, details: Details,
        faults: EventFaults = .none,
        wait: Bool = false
    ) {
        self.clientId = clientId
        self.type = type
        self.orderNo = orderNo
        self.details = details
        self.faults = faults
        self.wait = wait
    }
}
