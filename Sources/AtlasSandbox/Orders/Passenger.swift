/// A traveller on an order, with the identity document and tickets `order.ticketed` reports.
public struct Passenger: Sendable, Hashable {
    /// `SURNAME/GIVEN NAMES`, as Atlas prints names.
    public var name: String
    /// Adult, child or infant.
    public var type: PassengerType
    /// `YYYYMMDD`.
    public var birthday: String
    /// `M` or `F`.
    public var gender: String
    /// Document number.
    public var cardNum: String
    /// Document type: `PP` passport, `GA`, `TW`, `TB`, `HY`.
    public var cardType: String
    /// Issuing country (ISO 3166 alpha-2), `""` when unknown.
    public var cardIssuePlace: String
    /// Document expiry, `YYYYMMDD`.
    public var cardExpired: String
    /// Nationality, ISO 3166 alpha-2.
    public var nationality: String
    /// The passenger's email address passed to the airline.
    public var email: String
    /// Ticket numbers; empty until ticketing generates them.
    public var ticketNos: [String]

    /// A passenger with every field given.
    public init(
        name: String, type: PassengerType, birthday: String, gender: String, cardNum: String,
        cardType: String, cardIssuePlace: String, cardExpired: String, nationality: String, email: String,
        ticketNos: [String]
    ) {
        self.name = name
        self.type = type
        self.birthday = birthday
        self.gender = gender
        self.cardNum = cardNum
        self.cardType = cardType
        self.cardIssuePlace = cardIssuePlace
        self.cardExpired = cardExpired
        self.nationality = nationality
        self.email = email
        self.ticketNos = ticketNos
    }
}
