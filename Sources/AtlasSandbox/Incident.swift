/// One Atlas incident as `event/getPageList.do` lists it (reference §4.2).
///
/// Times keep millisecond precision (the `eventId` prefix carries milliseconds) even though records
/// print them to the second. `depTime` is naive airport-local time, every other time is a UTC instant
/// printed in UTC+08:00.
public struct Incident: Sendable, Hashable {
    /// Incident id: 17-digit UTC+08:00 `yyyyMMddHHmmssSSS` of `eventTime` + 5 uppercase letters (§6).
    public var eventId: String
    /// Order number, e.g. `TESTA20230227142411968`.
    public var orderNo: String
    /// Sub-order number (`orderNo + "_1"` in the official sample); null when unknown.
    public var subOrderNo: String?
    /// `email.schedulechange`, `abnormal.cancelled` or `order.schedulechange`.
    public var eventType: String
    /// `0` unconfirmed, `1` confirmed.
    public var eventStatus: Int
    /// When Atlas received the incident.
    public var eventTime: AtlasInstant
    /// When the incident record was created (equal to `eventTime` for generated incidents).
    public var createTime: AtlasInstant
    /// Last update; printed as the sample's `updateIme` (sic) field.
    public var updateTime: AtlasInstant?
    /// Airline IATA code.
    public var airline: String
    /// Departure time of the affected flight, airport-local.
    public var depTime: LocalDateTime
    /// The order's PNR.
    public var pnr: String
    /// Comma-separated `SURNAME/GIVEN` passenger names.
    public var paxName: String
    /// Email address passed to the airline.
    public var paxEmail: String
    /// Confirmation result (§8 `result` enums), null until confirmed.
    public var confirmedResult: String?
    /// Confirmation remark.
    public var confirmedRemark: String?
    /// When the incident was confirmed.
    public var confirmTime: AtlasInstant?
    /// Who confirmed it; printed as the sample's `confirmUsr` field.
    public var confirmUser: String?
    /// Whether a webhook was sent: `1` yes, `0` no, null unknown.
    public var notified: Int?
    /// Extra information; for email incidents the email id of the ATRIP email-detail page.
    public var extraInfo: String?
    /// The owning client's `cid`, e.g. `TAC00001`.
    public var clientCode: String

    /// Creates an incident; optional fields default to null.
    public init(
        eventId: String, orderNo: String, subOrderNo: String? = nil, eventType: String, eventStatus: Int,
        eventTime: AtlasInstant, createTime: AtlasInstant, updateTime: AtlasInstant? = nil, airline: String,
        depTime: LocalDateTime, pnr: String, paxName: String, paxEmail: String,
        confirmedResult: String? = nil,
        confirmedRemark: String? = nil, confirmTime: AtlasInstant? = nil, confirmUser: String? = nil,
        notified: Int? = nil, extraInfo: String? = nil, clientCode: String
    ) {
        self.eventId = eventId
        self.orderNo = orderNo
        self.subOrderNo = subOrderNo
        self.eventType = eventType
        self.eventStatus = eventStatus
        self.eventTime = eventTime
        self.createTime = createTime
        self.updateTime = updateTime
        self.airline = airline
        self.depTime = depTime
        self.pnr = pnr
        self.paxName = paxName
        self.paxEmail = paxEmail
        self.confirmedResult = confirmedResult
        self.confirmedRemark = confirmedRemark
        self.confirmTime = confirmTime
        self.confirmUser = confirmUser
        self.notified = notified
        self.extraInfo = extraInfo
        self.clientCode = clientCode
    }
}

extension Incident {
    /// The three incident types `getPageList` documents.
    public static let documentedEventTypes = [
        "email.schedulechange", "abnormal.cancelled", "order.schedulechange",
    ]
}

/// How record times are printed: the schema's `yyyy-MM-dd HH:mm:ss` or the official sample's
/// `Apr 1, 2023 12:36:44 AM` (reference §11 "record timestamps").
public enum IncidentTimeFormat: String, Sendable, Hashable, CaseIterable {
    /// `yyyy-MM-dd HH:mm:ss` (the OpenAPI schema; the default).
    case schema
    /// `MMM d, yyyy h:mm:ss a` (the official sample record).
    case sample

    func text(_ instant: AtlasInstant) -> String {
        switch self {
        case .schema: AtlasTime.format(instant)
        case .sample: AtlasTime.formatSample(instant)
        }
    }

    func text(_ local: LocalDateTime) -> String {
        switch self {
        case .schema: local.text
        case .sample: AtlasTime.formatSampleNaive(local.secondsSinceEpochNaive)
        }
    }
}
