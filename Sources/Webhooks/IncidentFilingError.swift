/// Why the incident store refused an incident; the webhook is still sent and the refusal reported.
public struct IncidentFilingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the store said.
    public var reason: String

    /// A refusal for `reason`.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
