/// A booked, ticketed Atlas order: passengers, the current itinerary and what has happened to it.
///
/// The itinerary moves with every schedule change the mock fires, so the next change starts from it,
/// while `originalSegments` keeps the itinerary as ticketed (Atlas's `originalSegs`).
public struct Order: Sendable, Hashable {
    /// Atlas order number, five uppercase letters and `yyyyMMddHHmmssSSS` (`TESTA20260105101500123`).
    public var orderNo: String
    /// The airline record locator.
    public var pnr: String
    /// Validating airline, IATA code; incidents report it.
    public var airline: String
    /// The booking's contact mailbox (Atlas generates one per order).
    public var contactEmail: String
    /// Travellers, in booking order.
    public var passengers: [Passenger]
    /// The itinerary now, after every schedule change fired so far.
    public var segments: [FlightSegment]
    /// The itinerary as originally ticketed; never changes.
    public let originalSegments: [FlightSegment]
    /// Ticketed, cancelled or voided.
    public var status: OrderStatus
    /// The current (or last) void case, nil when no void was ever fired.
    public var voidCase: VoidCase?
    /// How many schedule changes have been applied.
    public var scheduleChanges: Int

    /// A ticketed order whose original itinerary is `segments`.
    public init(
        orderNo: String, pnr: String, airline: String, contactEmail: String, passengers: [Passenger],
        segments: [FlightSegment]
    ) {
        self.orderNo = orderNo
        self.pnr = pnr
        self.airline = airline
        self.contactEmail = contactEmail
        self.passengers = passengers
        self.segments = segments
        self.originalSegments = segments
        self.status = .ticketed
        self.voidCase = nil
        self.scheduleChanges = 0
    }

    /// Passenger names as incidents list them: `TAN/WEI MING,LIM/SOO HUAT`.
    public var paxNames: String {
        passengers.map(\.name).joined(separator: ",")
    }

    /// Passenger emails as incidents list them, comma-separated; the contact mailbox when none is known.
    public var paxEmails: String {
        let emails = passengers.map(\.email).filter { !$0.isEmpty }
        return emails.isEmpty ? contactEmail : emails.joined(separator: ",")
    }

    /// Replaces the itinerary after a schedule change; `originalSegments` stays as ticketed.
    public mutating func applyScheduleChange(revised: [FlightSegment]) {
        segments = revised
        scheduleChanges += 1
    }

    /// Marks the order cancelled (flight cancellation, unaccounted cancellation, declined payment).
    public mutating func cancel() {
        status = .cancelled
    }
}
