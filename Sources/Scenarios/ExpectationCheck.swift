import AtlasJSON

/// One look at the server's state by an expectation.
enum ExpectationCheck: Sendable, Hashable {
    /// Met: what was seen, and the step's result for later `${…}` references.
    case passed(detail: String, result: JSONValue)
    /// Not met yet, but it may be later (a delivery still on its way); polled again until the deadline.
    case pending(String)
    /// Can no longer be met (a delivery answered 500); reported at once rather than at the deadline.
    case failed(String)
}
