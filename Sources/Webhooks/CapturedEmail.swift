public import AtlasSandbox

/// An email Atlas captured in an order's booking mailbox, as `email.all` reports it (reference §5.7).
public struct CapturedEmail: Sendable, Hashable {
    /// The 13 documented `emailCategory` values, in documentation order.
    public static let categories = [
        "Schedule change", "Receipt", "Payment Success", "Verification", "Trip Reminder", "Promo code",
        "Travel Itinerary", "Advertisement", "PNR Cancellation Success", "Payment Due", "Unidentified",
        "Duplicated Schedule Change", "Unaccounted Cancellation",
    ]

    /// The order whose mailbox received the email.
    public var orderNo: String
    /// 32 lowercase hex digits identifying the stored email.
    public var uniqueCode: String
    /// One of `categories`.
    public var category: String
    /// Sender address.
    public var from: String
    /// The booking mailbox address.
    public var to: String
    /// Subject line.
    public var subject: String
    /// Link to the stored `.eml`, valid 10 minutes.
    public var link: String
    /// When the mailbox received the email.
    public var receivedAt: AtlasInstant
    /// When Atlas filed it (never before `receivedAt`).
    public var createdAt: AtlasInstant

    /// An email with every field given.
    public init(
        orderNo: String, uniqueCode: String, category: String, from: String, to: String, subject: String,
        link: String, receivedAt: AtlasInstant, createdAt: AtlasInstant
    ) {
        self.orderNo = orderNo
        self.uniqueCode = uniqueCode
        self.category = category
        self.from = from
        self.to = to
        self.subject = subject
        self.link = link
        self.receivedAt = receivedAt
        self.createdAt = createdAt
    }
}
