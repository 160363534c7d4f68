import FoundationEssentials
import AtlasJSON
import Synchronization

/// The sandbox every input runs against.
enum FuzzSandbox {
    /// HTTP status of a 900 reply; not Atlas's 200, so the target can tell it was applied.
    static let authFailureHTTPStatus = 401
    /// A fixed clock, so replays are exact.
    static let now = AtlasInstant(millisecondsSinceEpoch: 1_795_000_000_000)

    static let clients: [AtlasClient] = {
        guard let clients = try? Fixtures.clients(from: repositoryFixture("clients.json"), source: "clients")
        else { fuzzFailure("default clients do not load") }
        return clients
    }()

    /// The default fixture incidents plus 150 generated ones for `sandbox`, enough for several bitmap
    /// words (64 rows each) and many pages.
    static let incidents: [String: [Incident]] = {
        guard
            var incidents = try? Fixtures.incidents(
                from: repositoryFixture("incidents.json"), source: "incidents", clients: clients)
        else { fuzzFailure("default incidents do not load") }
        var random = SeededRandom(seed: 7)
        incidents["sandbox", default: []] += IncidentGenerator.make(
            count: 150, clientCode: "TAC00001", random: &random, around: now)
        return incidents
    }()

    /// One sandbox per configuration the flags can pick, built once: encoding the records of 157
    /// incidents per input would cap the target at about a hundred inputs a second.
    private static let sandboxes: [Bool: [IncidentTimeFormat: (Sandbox, SandboxState)]] = {
        var sandboxes: [Bool: [IncidentTimeFormat: (Sandbox, SandboxState)]] = [:]
        for strict in [false, true] {
            for timeFormat in IncidentTimeFormat.allCases {
                let configuration = SandboxConfiguration(
                    clients: clients, incidents: incidents, strict: strict,
                    authFailureHTTPStatus: authFailureHTTPStatus, timeFormat: timeFormat)
                let sandbox = Sandbox(
                    configuration: configuration, clock: AtlasClock(frozenAt: now),
                    identifiers: IdentifierGenerator(seed: 1))
                sandboxes[strict, default: [:]][timeFormat] = (sandbox, sandbox.state.withLock { $0 })
            }
        }
        return sandboxes
    }()

    /// The sandbox for this configuration, put back to its freshly built state (a copy-on-write
    /// struct, so this is cheap), so every input starts from the same state and replays alone.
    static func make(strict: Bool, timeFormat: IncidentTimeFormat) -> Sandbox {
        guard let (sandbox, pristine) = sandboxes[strict]?[timeFormat] else {
            fuzzFailure("no sandbox for strict \(strict), \(timeFormat)")
        }
        sandbox.state.withLock { $0 = pristine }
        return sandbox
    }
}

/// A default fixture file; fuzz/run runs targets from the repository root.
func repositoryFixture(_ name: String) -> [UInt8] {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: "fixtures/" + name)) else {
        fuzzFailure("fixtures/\(name) not found: run fuzz targets from the repository root (fuzz/run does)")
    }
    return Array(data)
}
