/// Why an admin-side sandbox operation (not an Atlas call) was refused.
public enum SandboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No client has this id.
    case unknownClient(String)
    /// The client already has an incident with this id.
    case duplicateEventId(String, clientId: String)
    /// The client holds `limit` incidents already.
    case capacityReached(clientId: String, limit: Int)
    /// The webhook URL is not an absolute http/https URL with a host.
    case invalidURL(String, reason: String)
    /// No incident has this id for the client.
    case unknownIncident(String, clientId: String)
    /// The incident's record would exceed 65,535 bytes of values once encoded.
    case incidentTooLarge(String)

    /// A message naming the input at fault.
    public var description: String {
        switch self {
        case .unknownClient(let id): "unknown client \"\(id)\""
        case .duplicateEventId(let id, let clientId): "client \"\(clientId)\" already has incident \"\(id)\""
        case .capacityReached(let clientId, let limit):
            "client \"\(clientId)\" already holds \(limit) incidents (the configured maximum)"
        case .invalidURL(let url, let reason): "url \"\(url)\": \(reason)"
        case .unknownIncident(let id, let clientId): "client \"\(clientId)\" has no incident \"\(id)\""
        case .incidentTooLarge(let id): "incident \"\(id)\" is larger than 65,535 bytes once encoded"
        }
    }
}

/// Records refused by `addIncidents`: every problem found, each at its JSON path. Nothing was added.
public struct IncidentRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in document order.
    public var issues: [FieldIssue]

    /// Creates an error from its issues.
    public init(issues: [FieldIssue]) {
        self.issues = issues
    }

    /// One issue per line, e.g. `$[3].eventTime: expected "yyyy-MM-dd HH:mm:ss", got "2023/04/01"`.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
