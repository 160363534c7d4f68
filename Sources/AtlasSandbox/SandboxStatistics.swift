public import AtlasJSON

/// Counters for `/__admin/health`: store sizes, journal use, limits hit.
public struct SandboxStatistics: Sendable, Hashable {
    /// Incidents held per client id.
    public var incidentCounts: [String: Int]
    /// Clients with a registered webhook URL.
    public var registrationCount: Int
    /// Journal entries held.
    public var journalCount: Int
    /// Journal capacity.
    public var journalCapacity: Int
    /// Journal entries evicted since the last reset.
    public var journalEvictedCount: Int
    /// Incidents refused because a client was at `maxIncidentsPerClient`.
    public var capacityRejectionCount: Int
    /// Approximate heap bytes of all incident stores.
    public var approximateIncidentBytes: Int

    /// The counters as a JSON object.
    public func json() -> JSONValue {
        .object([
            "incidentCounts": .object(incidentCounts.mapValues(JSONValue.int)),
            "registrationCount": .int(registrationCount),
            "journalCount": .int(journalCount),
            "journalCapacity": .int(journalCapacity),
            "journalEvictedCount": .int(journalEvictedCount),
            "capacityRejectionCount": .int(capacityRejectionCount),
            "approximateIncidentBytes": .int(approximateIncidentBytes),
        ])
    }
}
