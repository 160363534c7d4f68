/// The filters and page of one `event/getPageList.do` call, already validated.
///
/// Semantics (also in `the README's incident-list section`):
/// - `eventId`, `orderNo`, `eventType`, `pnr`: exact, case-sensitive match of the whole value.
/// - `airlines`: the record's `airline` equals one of the codes (exact, case-sensitive); the request's
///   `airline` string and legacy `airlines` array are merged into this one set.
/// - `eventStatuses`: the record's `eventStatus` is one of the values.
/// - `paxName`, `paxEmail`: case-insensitive substring of the record's `paxName` / `paxEmail` (which list
///   every passenger), so `"smith"` finds `SMITH/JOHN,DOE/JANE`.
/// - `eventTimeStart`/`eventTimeEnd`: inclusive, at the second the record prints (an event at
///   `10:00:00.900` matches an end of `10:00:00`); UTC+08:00.
/// - `depTimeStart`/`depTimeEnd`: inclusive, airport-local wall-clock time.
/// - `updateTimeStart`: the record's `updateIme` (or `createTime` when never updated) is at or after it.
/// - A nil filter, an empty string and an empty array mean "no filter". A start after its end matches
///   nothing (it is not an error).
public struct IncidentQuery: Sendable, Hashable {
    /// Exact incident id.
    public var eventId: String?
    /// Exact order number.
    public var orderNo: String?
    /// Exact incident type.
    public var eventType: String?
    /// Exact PNR.
    public var pnr: String?
    /// Case-insensitive substring of the passenger names.
    public var paxName: String?
    /// Case-insensitive substring of the passenger email.
    public var paxEmail: String?
    /// Airline codes, any of which matches; empty means every airline.
    public var airlines: Set<String>
    /// Incident statuses, any of which matches; empty means every status.
    public var eventStatuses: Set<Int>
    /// Earliest `eventTime` (inclusive).
    public var eventTimeStart: AtlasInstant?
    /// Latest `eventTime` (inclusive, to the second).
    public var eventTimeEnd: AtlasInstant?
    /// Earliest departure, airport-local (inclusive).
    public var depTimeStart: LocalDateTime?
    /// Latest departure, airport-local (inclusive).
    public var depTimeEnd: LocalDateTime?
    /// Earliest update time (inclusive); records never updated use their `createTime`.
    public var updateTimeStart: AtlasInstant?
    /// 1-based page number.
    public var pageIndex: Int
    /// Records per page.
    public var pageSize: Int

    /// Creates a query; with no arguments it matches every incident, first page of 100.
    public init(
        eventId: String? = nil, orderNo: String? = nil, eventType: String? = nil, pnr: String? = nil,
        paxName: String? = nil, paxEmail: String? = nil, airlines: Set<String> = [],
        eventStatuses: Set<Int> = [], eventTimeStart: AtlasInstant? = nil, eventTimeEnd: AtlasInstant? = nil,
        depTimeStart: LocalDateTime? = nil, depTimeEnd: LocalDateTime? = nil,
        updateTimeStart: AtlasInstant? = nil, pageIndex: Int = 1, pageSize: Int = 100
    ) {
        self.eventId = eventId
        self.orderNo = orderNo
        self.eventType = eventType
        self.pnr = pnr
        self.paxName = paxName
        self.paxEmail = paxEmail
        self.airlines = airlines
        self.eventStatuses = eventStatuses
        self.eventTimeStart = eventTimeStart
        self.eventTimeEnd = eventTimeEnd
        self.depTimeStart = depTimeStart
        self.depTimeEnd = depTimeEnd
        self.updateTimeStart = updateTimeStart
        self.pageIndex = pageIndex
        self.pageSize = pageSize
    }

    /// How many matching records come before this page; saturates instead of overflowing, so a huge
    /// `pageIndex` simply lands past the end.
    var offset: Int {
        let (product, overflow) = max(pageIndex - 1, 0).multipliedReportingOverflow(by: max(pageSize, 0))
        return overflow ? Int.max : product
    }
}

/// One page of incidents, newest first, with the count of every match.
public struct IncidentPage: Sendable, Hashable {
    /// Number of incidents matching the filters, over all pages.
    public var total: Int
    /// The page that was asked for.
    public var pageIndex: Int
    /// The page size that was asked for.
    public var pageSize: Int
    /// This page's incidents, sorted by `eventTime` then `eventId`, both descending.
    public var incidents: [Incident]

    /// Creates a page.
    public init(total: Int, pageIndex: Int, pageSize: Int, incidents: [Incident]) {
        self.total = total
        self.pageIndex = pageIndex
        self.pageSize = pageSize
        self.incidents = incidents
    }
}
