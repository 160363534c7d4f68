/// Every webhook type atlas-mock can fire, named by its Atlas `type` string (reference §5).
public enum WebhookType: String, Sendable, Hashable, CaseIterable {
    /// Ticketing complete (§5.2).
    case orderTicketed = "order.ticketed"
    /// Schedule change or flight cancellation reported through the API (§5.3); an incident.
    case orderScheduleChange = "order.schedulechange"
    /// An airline schedule-change email reached the booking mailbox (§5.4 a); an incident.
    case emailScheduleChange = "email.schedulechange"
    /// Unaccounted cancellation (§5.4 c); an incident.
    case abnormalCancelled = "abnormal.cancelled"
    /// A void case changed status (§5.5).
    case orderVoid = "order.void"
    /// Airlines went online, into maintenance or offline (§5.6).
    case airlineStatus = "airline.status"
    /// An email captured in the booking mailbox, classified (§5.7).
    case emailAll = "email.all"
    /// Legacy: the airline declined the pass-through card and the order was cancelled (§5.8).
    case orderCancelled = "order.cancelled"

    /// Whether Atlas also files the event as an incident that `event/getPageList.do` lists.
    public var isIncident: Bool {
        self == .orderScheduleChange || self == .emailScheduleChange || self == .abnormalCancelled
    }

    /// Whether the envelope carries `notificationId` (incident types and `email.all`).
    public var carriesNotificationId: Bool {
        isIncident || self == .emailAll
    }

    /// The envelope `status`: the incident's confirmation state (0, unconfirmed) for incident types,
    /// Atlas's internal `-1` for every other type.
    public var envelopeStatus: Int {
        isIncident ? 0 : -1
    }

    /// Whether the envelope carries the client's `cid` (every type but `airline.status`).
    public var carriesCid: Bool {
        self != .airlineStatus
    }

    /// Whether the event is about one order (every type but `airline.status`).
    public var concernsOrder: Bool {
        self != .airlineStatus
    }

    /// The type a `type` string names, or nil; Atlas's lowercase spellings only.
    public init?(name: String) {
        self.init(rawValue: name)
    }

    /// Every type string, in documentation order, for error messages.
    public static var names: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }
}
