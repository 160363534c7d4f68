public import AtlasJSON
import Synchronization

/// The Atlas contract in memory: tenants, webhook registrations, incidents, the request journal, and
/// the two endpoints (`handle(_:)`), isolated per client.
///
/// All mutable state sits behind one `Mutex`, taken briefly and synchronously (no actor hops on the
/// hot path); body parsing and authentication happen outside it.
public final class Sandbox: Sendable {
    /// What the sandbox was built from, and what `reset()` restores.
    public let configuration: SandboxConfiguration
    /// The clock stamping registrations and journal entries.
    public let clock: AtlasClock
    /// The id source shared with the rest of the mock.
    public let identifiers: IdentifierGenerator
    let directory: ClientDirectory
    let state: Mutex<SandboxState>
    /// The "now" generated incidents are placed before; kept so `reset()` regenerates the same ones.
    let generationInstant: AtlasInstant

    /// A sandbox holding the configuration's clients and fixture incidents.
    public init(configuration: SandboxConfiguration, clock: AtlasClock, identifiers: IdentifierGenerator) {
        self.configuration = configuration
        self.clock = clock
        self.identifiers = identifiers
        directory = ClientDirectory(configuration.clients)
        generationInstant = clock.now()
        state = Mutex(SandboxState(configuration: configuration, around: generationInstant))
    }

    /// Every client, in configuration order.
    public var clients: [AtlasClient] { directory.clients }

    /// The client with this id, or nil.
    public func client(id: String) -> AtlasClient? { directory.client(id: id) }

    /// The client's webhook registration, or nil if it never registered (since the last reset).
    public func registration(clientId: String) -> WebhookRegistration? {
        state.withLock { $0.registrations[clientId] }
    }

    /// Registers (or replaces) a client's webhook URL, as `updateWebhookURL.do` does.
    public func register(url: String, clientId: String) throws(SandboxError) {
        guard directory.client(id: clientId) != nil else { throw .unknownClient(clientId) }
        if let problem = WebhookURL.problem(with: url) { throw .invalidURL(url, reason: problem) }
        let now = clock.now()
        let capacity = configuration.registrationHistoryCapacity
        state.withLock { state in
            if state.registrations[clientId] == nil {
                state.registrations[clientId] = WebhookRegistration(url: url, at: now)
            } else {
                state.registrations[clientId]?.replace(with: url, at: now, historyCapacity: capacity)
            }
        }
    }

    /// Adds one incident (e.g. the one a fired webhook announces) to a client's list.
    public func insert(_ incident: Incident, clientId: String) throws(SandboxError) {
        guard directory.client(id: clientId) != nil else { throw .unknownClient(clientId) }
        let limit = configuration.maxIncidentsPerClient
        let timeFormat = configuration.timeFormat
        try state.withLock { (state) throws(SandboxError) in
            var store = state.stores.removeValue(forKey: clientId) ?? IncidentStore(timeFormat: timeFormat)
            defer { state.stores[clientId] = store }
            guard !store.contains(eventId: incident.eventId) else {
                throw .duplicateEventId(incident.eventId, clientId: clientId)
            }
            guard store.count < limit else {
                state.capacityRejections += 1
                throw .capacityReached(clientId: clientId, limit: limit)
            }
            try store.append(incident)
        }
    }

    /// Sets an incident's `notified` flag (the webhook side calls this after a delivery attempt).
    public func setNotified(_ notified: Int?, eventId: String, clientId: String) {
        _ = try? updateIncident(eventId: eventId, clientId: clientId) { $0.notified = notified }
    }

    /// Changes one incident in place (confirmation, notified flag); `eventId` and `eventTime` are kept.
    @discardableResult
    public func updateIncident(eventId: String, clientId: String, _ change: (inout Incident) -> Void)
        throws(SandboxError) -> Incident
    {
        let updated = try state.withLock { (state) throws(SandboxError) -> Incident? in
            try state.stores[clientId]?.update(eventId: eventId, change)
        }
        guard let updated else { throw .unknownIncident(eventId, clientId: clientId) }
        return updated
    }

    /// The client's incident with this id, or nil.
    public func incident(eventId: String, clientId: String) -> Incident? {
        state.withLock { $0.stores[clientId]?.incident(eventId: eventId) }
    }

    /// The incident's record exactly as getPageList prints it (configured time format), or nil.
    public func record(eventId: String, clientId: String) -> JSONValue? {
        let bytes = state.withLock { state -> [UInt8]? in
            guard let store = state.stores[clientId], let position = store.position(eventId: eventId) else {
                return nil
            }
            return store.printedRecord(at: position)
        }
        return bytes.flatMap { try? JSONValue.parse($0) }
    }

    /// Runs a query with the same engine as `getPageList`; an unknown client has no incidents.
    public func query(_ query: IncidentQuery, clientId: String) -> IncidentPage {
        let incidents = state.withLock { state -> (Int, [Incident]) in
            guard var store = state.stores.removeValue(forKey: clientId) else { return (0, []) }
            defer { state.stores[clientId] = store }
            let (total, positions) = store.select(query)
            return (total, positions.compactMap { store.incident(at: $0) })
        }
        return IncidentPage(
            total: incidents.0, pageIndex: query.pageIndex, pageSize: query.pageSize, incidents: incidents.1)
    }

    /// Validates JSON records (as getPageList prints them, schema time format) and adds them all, or
    /// none: every problem is reported at its path (`$[3].eventTime: ...`). Returns the number added.
    public func addIncidents(clientId: String, records: JSONValue) throws(IncidentRecordError) -> Int {
        guard let client = directory.client(id: clientId) else {
            throw IncidentRecordError(issues: [
                FieldIssue(path: .root, problem: "unknown client \"\(clientId)\"")
            ])
        }
        var issues: [FieldIssue] = []
        let incidents = Fixtures.incidentList(records, at: .root, cid: client.cid, issues: &issues)
        guard issues.isEmpty else { throw IncidentRecordError(issues: issues) }
        let limit = configuration.maxIncidentsPerClient
        let timeFormat = configuration.timeFormat
        try state.withLock { (state) throws(IncidentRecordError) in
            var store = state.stores.removeValue(forKey: clientId) ?? IncidentStore(timeFormat: timeFormat)
            defer { state.stores[clientId] = store }
            for (position, incident) in incidents.enumerated() where store.contains(eventId: incident.eventId)
            {
                issues.append(
                    FieldIssue(
                        path: JSONPath.root.appending(position).appending("eventId"),
                        problem:
                            "client already has incident \(JSONValue.string(incident.eventId).quotedForMessage)"
                    ))
            }
            if store.count + incidents.count > limit {
                state.capacityRejections += incidents.count
                issues.append(
                    FieldIssue(
                        path: .root,
                        problem: "\(incidents.count) records would exceed the limit of \(limit) incidents "
                            + "(client holds \(store.count))"))
            }
            guard issues.isEmpty else { throw IncidentRecordError(issues: issues) }
            do {
                try store.append(contentsOf: incidents)
            } catch {
                // Sizes were checked while reading the records; report rather than trap if not.
                throw IncidentRecordError(issues: [FieldIssue(path: .root, problem: "\(error)")])
            }
        }
        return incidents.count
    }

    /// Journal entries, newest first, optionally only one client's (by the id it sent) or one path's.
    public func journal(clientId: String? = nil, path: String? = nil, limit: Int? = nil) -> [JournalEntry] {
        state.withLock { $0.journal.entries(clientId: clientId, path: path, limit: limit) }
    }

    /// Journal entries evicted (capacity reached) since the last reset.
    public var journalEvictedCount: Int { state.withLock { $0.journal.evictedCount } }

    /// Restores the fixtures: clears registrations, added incidents, injected faults and the journal.
    public func reset() {
        let fresh = SandboxState(configuration: configuration, around: generationInstant)
        state.withLock { state in
            var journal = state.journal
            journal.clear()
            state = fresh
            state.journal = journal
        }
    }

    /// A scenario fault: the next `count` authenticated calls to `path` (nil: either endpoint) answer
    /// `9999 System error`, as Atlas does when it has trouble.
    public func failNextCalls(_ count: Int, path: String? = nil) {
        state.withLock { $0.injectedFailures[path ?? SandboxState.anyPath, default: 0] += max(count, 0) }
    }

    /// Counters for the health endpoint.
    public var statistics: SandboxStatistics {
        state.withLock { state in
            SandboxStatistics(
                incidentCounts: state.stores.mapValues(\.count), registrationCount: state.registrations.count,
                journalCount: state.journal.count, journalCapacity: state.journal.capacity,
                journalEvictedCount: state.journal.evictedCount,
                capacityRejectionCount: state.capacityRejections,
                approximateIncidentBytes: state.stores.values.reduce(0) { $0 + $1.approximateByteCount })
        }
    }
}

/// Everything `reset()` puts back.
struct SandboxState: Sendable {
    static let anyPath = "*"

    var stores: [String: IncidentStore] = [:]
    var registrations: [String: WebhookRegistration] = [:]
    var journal: Journal
    var capacityRejections = 0
    /// Remaining forced 9999 answers per path (`anyPath` for both endpoints).
    var injectedFailures: [String: Int] = [:]

    /// The fixture state: each client's fixture incidents (duplicates and any beyond the limit dropped),
    /// then its generated ones (`generatedIncidents`, reproducible from `generatorSeed` and `around`).
    init(configuration: SandboxConfiguration, around: AtlasInstant) {
        journal = Journal(capacity: configuration.journalCapacity)
        let limit = configuration.maxIncidentsPerClient
        for (clientId, incidents) in configuration.incidents {
            var store = IncidentStore(timeFormat: configuration.timeFormat)
            for incident in incidents where !store.contains(eventId: incident.eventId) && store.count < limit
            {
                // Fixture records were size-checked when read; an oversized hand-built one is skipped.
                try? store.append(incident)
            }
            stores[clientId] = store
        }
        let cids = Dictionary(configuration.clients.map { ($0.clientId, $0.cid) }, uniquingKeysWith: { $1 })
        for (clientId, count) in configuration.generatedIncidents.sorted(by: { $0.key < $1.key }) {
            guard let cid = cids[clientId] else { continue }
            var store = stores[clientId] ?? IncidentStore(timeFormat: configuration.timeFormat)
            var random = SeededRandom(
                seed: configuration.generatorSeed ^ IncidentGenerator.seedSalt(clientId))
            // Streamed into the store: no array of full incidents is ever held.
            IncidentGenerator.generate(
                count: min(count, max(limit - store.count, 0)), clientCode: cid, random: &random,
                around: around,
                isTaken: { store.contains(eventId: $0) }
            ) { incident in
                try? store.append(incident)
            }
            stores[clientId] = store
        }
        for clientId in stores.keys { stores[clientId]?.prepareForQuery() }
    }

    /// Whether this call must fail with 9999, consuming one injected failure.
    mutating func consumeInjectedFailure(path: String) -> Bool {
        for key in [path, Self.anyPath] {
            if let remaining = injectedFailures[key], remaining > 0 {
                injectedFailures[key] = remaining - 1
                return true
            }
        }
        return false
    }
}
