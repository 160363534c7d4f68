public import AtlasSandbox

/// An incident the desk files when it fires an incident-type webhook (reference §4.2 record fields).
///
/// `eventId` is the webhook's `notificationId`; `eventTime` is the fire time; `depTime` is the
/// airport-local departure of the order's first flight before the event.
public struct WebhookIncident: Sendable, Hashable {
    /// The incident id, equal to the webhook's `notificationId`.
    public var eventId: String
    /// The order number.
    public var orderNo: String
    /// `orderNo + "_1"`, as in the official sample.
    public var subOrderNo: String
    /// `order.schedulechange`, `email.schedulechange` or `abnormal.cancelled`.
    public var eventType: String
    /// When the event was fired (mock clock); also the creation time.
    public var eventTime: AtlasInstant
    /// The order's validating airline.
    public var airline: String
    /// Departure of the order's first flight, airport-local.
    public var depTime: LocalDateTime
    /// The order's PNR.
    public var pnr: String
    /// `SURNAME/GIVEN,SURNAME/GIVEN`.
    public var paxName: String
    /// Passenger emails, comma-separated.
    public var paxEmail: String
    /// For `email.schedulechange`, the ATRIP email id of `emailLink`.
    public var extraInfo: String?
    /// The client's `cid`.
    public var clientCode: String
    /// `0` when filed; `1` once a delivery got a 2xx.
    public var notified: Int

    /// An incident with every field given.
    public init(
        eventId: String, orderNo: String, subOrderNo: String, eventType: String, eventTime: AtlasInstant,
        airline: String, depTime: LocalDateTime, pnr: String, paxName: String, paxEmail: String,
        extraInfo: String?, clientCode: String, notified: Int
    ) {
        self.eventId = eventId
        self.orderNo = orderNo
        self.subOrderNo = subOrderNo
        self.eventType = eventType
        self.eventTime = eventTime
        self.airline = airline
        self.depTime = depTime
        self.pnr = pnr
        self.paxName = paxName
        self.paxEmail = paxEmail
        self.extraInfo = extraInfo
        self.clientCode = clientCode
        self.notified = notified
    }
}
