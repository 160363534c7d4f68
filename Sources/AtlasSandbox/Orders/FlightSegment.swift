/// One flight of an itinerary, in the shape Atlas's schedule-change segments use (reference §5.3).
///
/// Times are naive airport-local times (departure at the departure airport, arrival at the arrival
/// airport), which is how Atlas prints them and how airlines publish schedules.
public struct FlightSegment: Sendable, Hashable {
    /// Departure airport, IATA code (`SIN`).
    public var depAirport: String
    /// Arrival airport, IATA code (`NRT`).
    public var arrAirport: String
    /// Departure time, local to the departure airport.
    public var depTime: LocalDateTime
    /// Arrival time, local to the arrival airport.
    public var arrTime: LocalDateTime
    /// Marketing carrier, IATA code (`SQ`).
    public var carrier: String
    /// Flight number including the carrier prefix (`SQ638`).
    public var flightNumber: String
    /// Whether the flight is operated by another airline than `carrier`.
    public var codeShare: Bool
    /// Departure terminal, `""` when unknown.
    public var depTerminal: String
    /// Arrival terminal, `""` when unknown.
    public var arrTerminal: String
    /// `1` outbound, `2` return.
    public var direction: Int

    /// A segment; terminals default to `""` and `codeShare` to false as in Atlas's samples.
    public init(
        depAirport: String, arrAirport: String, depTime: LocalDateTime, arrTime: LocalDateTime,
        carrier: String, flightNumber: String, codeShare: Bool = false, depTerminal: String = "",
        arrTerminal: String = "", direction: Int = 1
    ) {
        self.depAirport = depAirport
        self.arrAirport = arrAirport
        self.depTime = depTime
        self.arrTime = arrTime
        self.carrier = carrier
        self.flightNumber = flightNumber
        self.codeShare = codeShare
        self.depTerminal = depTerminal
        self.arrTerminal = arrTerminal
        self.direction = direction
    }
}
