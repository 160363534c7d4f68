import AtlasSandbox
import Scenarios
import Webhooks

/// Turns the configured fixture and scenario folders into the components' configurations, failing
/// with the file, the JSON path and the fault before anything starts.
enum MockFixtures {
    /// What the fixtures and options describe.
    struct Loaded {
        var sandbox: SandboxConfiguration
        var orders: [String: [Order]]
        var dispatcher: DispatcherConfiguration
    }

    static func load(_ configuration: MockConfiguration, identifiers: IdentifierGenerator)
        throws(MockStartError) -> Loaded
    {
        let files = configuration.fixtures
        func read(_ name: String) throws(MockStartError) -> [UInt8] {
            guard let bytes = files.files[name] else {
                throw .badInput(
                    "\(files.displayPath(name)): missing (a fixtures folder needs clients.json, incidents.json and orders.json)"
                )
            }
            return bytes
        }
        var clients: [AtlasClient]
        let incidents: [String: [Incident]]
        let orders: [String: [Order]]
        do {
            clients = try Fixtures.clients(
                from: read("clients.json"), source: files.displayPath("clients.json"))
            incidents = try Fixtures.incidents(
                from: read("incidents.json"), source: files.displayPath("incidents.json"), clients: clients)
            orders = try OrderFixtures.load(
                from: read("orders.json"), source: files.displayPath("orders.json"))
        } catch let error as MockStartError {
            throw error
        } catch {
            throw .badInput("\(error)")
        }
        for spec in configuration.extraClients {
            do {
                let client = try AtlasClient.parse(spec: spec)
                clients.removeAll { $0.clientId == client.clientId }
                clients.append(client)
            } catch {
                throw .badInput("\(error)")
            }
        }
        let known = Set(clients.map(\.clientId))
        for clientId in incidents.keys.sorted() where !known.contains(clientId) {
            throw .badInput(
                "\(files.displayPath("incidents.json")): $.\(clientId): no such client in clients.json")
        }
        for clientId in orders.keys.sorted() where !known.contains(clientId) {
            throw .badInput(
                "\(files.displayPath("orders.json")): $.\(clientId): no such client in clients.json")
        }
        var sandbox = SandboxConfiguration(clients: clients, incidents: incidents)
        for clientId in configuration.seedIncidentsByClient.keys.sorted() where !known.contains(clientId) {
            throw .badInput("--seed-incidents \(clientId)=…: no such client")
        }
        // Generated straight into the store (and again on reset), never held twice in memory.
        let generated = Dictionary(
            uniqueKeysWithValues: clients.map {
                ($0.clientId, configuration.seedIncidentsByClient[$0.clientId] ?? configuration.seedIncidents)
            }
        ).filter { $0.value > 0 }
        if !generated.isEmpty {
            sandbox.generatedIncidents = generated
            sandbox.generatorSeed = identifiers.seed
        }
        sandbox.strict = configuration.strict
        sandbox.authFailureHTTPStatus = configuration.authFailureHTTPStatus
        sandbox.maxPageSize = configuration.maxPageSize
        sandbox.journalCapacity = configuration.journalCapacity
        sandbox.registrationHistoryCapacity = configuration.registrationHistoryCapacity
        sandbox.maxIncidentsPerClient = configuration.maxIncidentsPerClient
        sandbox.timeFormat = configuration.sampleTimeFormat ? .sample : .schema

        var dispatcher = DispatcherConfiguration()
        dispatcher.attemptTimeout = configuration.webhookTimeout
        dispatcher.retries = configuration.webhookRetries
        dispatcher.backoff = configuration.webhookBackoff
        dispatcher.maxInFlight = configuration.maxDeliveriesInFlight
        dispatcher.deliveryLogCapacity = configuration.deliveryLogCapacity
        dispatcher.extraHeaders = configuration.webhookHeaders.mapValues { headers in
            headers.map { ($0.name, $0.value) }
        }
        return Loaded(sandbox: sandbox, orders: orders, dispatcher: dispatcher)
    }

    /// The scenario library, every file validated.
    static func library(_ files: DefaultFiles) throws(MockStartError) -> ScenarioLibrary {
        do {
            return try ScenarioLibrary.load(
                embedded: files.files.sorted { $0.key < $1.key }.map {
                    (name: files.displayPath($0.key), bytes: $0.value)
                })
        } catch {
            throw .badInput("\(error)")
        }
    }
}
