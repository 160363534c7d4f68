/// The void statuses `order.void` reports (reference §5.5).
public enum VoidStatus: Int, Sendable, Hashable, CaseIterable {
    /// `0` Atlas Processing: `void.do` was accepted.
    case atlasProcessing = 0
    /// `1` Airline Processing.
    case airlineProcessing = 1
    /// `2` Voided / Refunded.
    case voided = 2
    /// `3` Airline Voiding.
    case airlineVoiding = 3
    /// `4` Rejected, e.g. after Atlas's automatic processing failed 10 times.
    case rejected = 4
    /// `5` Completed.
    case completed = 5
    /// `6` Withdrew.
    case withdrew = 6

    /// Atlas's label for the status: "Atlas Processing", "Voided / Refunded", …
    public var label: String {
        switch self {
        case .atlasProcessing: "Atlas Processing"
        case .airlineProcessing: "Airline Processing"
        case .voided: "Voided / Refunded"
        case .airlineVoiding: "Airline Voiding"
        case .rejected: "Rejected"
        case .completed: "Completed"
        case .withdrew: "Withdrew"
        }
    }

    /// The message a void notification carries when the request names none.
    public var defaultMessage: String {
        switch self {
        case .atlasProcessing: "Void request accepted. Atlas is processing it."
        case .airlineProcessing: "Void request submitted to the airline."
        case .voided: "Void successful and confirmed by the airline."
        case .airlineVoiding: "The airline is voiding the tickets."
        case .rejected: "Automatic void processing failed after 10 retries."
        case .completed: "Void completed."
        case .withdrew: "Void request withdrawn."
        }
    }

    /// Whether no further status can follow in the same void case.
    public var isFinal: Bool {
        self == .rejected || self == .completed || self == .withdrew
    }

    /// The statuses that may follow this one in the same case.
    ///
    /// Atlas documents the statuses but not their order; the mock follows the flow the void guide
    /// describes: accepted (0), handed to the airline (1), the airline voiding (3), voided (2), then
    /// completed (5). Rejection (4) can end any step before the tickets are voided (that is where
    /// Atlas's "failed after 10 retries" notice comes from); withdrawal (6) can end any non-final step
    /// before the airline confirmed the void.
    public var successors: [VoidStatus] {
        switch self {
        case .atlasProcessing: [.airlineProcessing, .airlineVoiding, .voided, .rejected, .withdrew]
        case .airlineProcessing: [.airlineVoiding, .voided, .rejected, .withdrew]
        case .airlineVoiding: [.voided, .rejected, .withdrew]
        case .voided: [.completed]
        case .rejected, .completed, .withdrew: []
        }
    }
}
