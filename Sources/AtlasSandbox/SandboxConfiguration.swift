/// Everything a ``Sandbox`` is built from; `reset()` returns to exactly this.
public struct SandboxConfiguration: Sendable {
    /// The tenants (fixtures plus `--client` additions; a later duplicate client id wins).
    public var clients: [AtlasClient]
    /// Fixture incidents per client id, restored by `reset()`.
    public var incidents: [String: [Incident]]
    /// Incidents to generate per client id (`--seed-incidents N`), made from `generatorSeed` when the
    /// sandbox starts and again on `reset()`; cheaper than passing `incidents` (nothing is held twice).
    public var generatedIncidents: [String: Int]
    /// Seed of the incident generator (`--seed`).
    public var generatorSeed: UInt64
    /// `--strict`: a missing contract header is 901 instead of a warning.
    public var strict: Bool
    /// HTTP status of a 900 reply: 200 like Atlas (default) or e.g. 401.
    public var authFailureHTTPStatus: Int
    /// Largest accepted `pageSize`.
    public var maxPageSize: Int
    /// Journal entries kept before the oldest are evicted.
    public var journalCapacity: Int
    /// Registrations kept in each client's URL history.
    public var registrationHistoryCapacity: Int
    /// Incidents a client may hold; inserts beyond are refused and counted.
    public var maxIncidentsPerClient: Int
    /// How record times are printed.
    public var timeFormat: IncidentTimeFormat

    /// Creates a configuration with the documented defaults.
    public init(
        clients: [AtlasClient], incidents: [String: [Incident]] = [:],
        generatedIncidents: [String: Int] = [:],
        generatorSeed: UInt64 = 1, strict: Bool = false,
        authFailureHTTPStatus: Int = 200, maxPageSize: Int = 1000, journalCapacity: Int = 10_000,
        registrationHistoryCapacity: Int = 100, maxIncidentsPerClient: Int = 2_000_000,
        timeFormat: IncidentTimeFormat = .schema
    ) {
        self.clients = clients
        self.incidents = incidents
        self.generatedIncidents = generatedIncidents
        self.generatorSeed = generatorSeed
        self.strict = strict
        self.authFailureHTTPStatus = authFailureHTTPStatus
        self.maxPageSize = maxPageSize
        self.journalCapacity = journalCapacity
        self.registrationHistoryCapacity = registrationHistoryCapacity
        self.maxIncidentsPerClient = maxIncidentsPerClient
        self.timeFormat = timeFormat
    }
}
