public import AtlasSandbox
public import Scenarios

/// One `atlas-mock run` or `demo`: where the scenarios run (an in-process mock on port 0, or a server
/// already running) and which receiver they fire at (the integrator's, or the built-in reference one).
public struct ScenarioSession: Sendable {
    /// A server to drive through its admin API, or nil to start one in this process.
    public var serverURL: String?
    /// The receiver to register, or nil for the built-in reference receiver (standalone runs only).
    public var webhookURL: String?
    /// The admin token of `serverURL`.
    public var adminToken: String?
    /// The seed for every generated id and value.
    public var seed: UInt64?
    /// `--set` overrides, already parsed.
    public var overrides: [ScenarioOverride] = []
    /// The configuration of an in-process mock (its port is always 0 and it never logs requests).
    public var mockConfiguration = MockConfiguration()

    /// A session with defaults: standalone, built-in receiver, random seed.
    public init() {}

    /// Where the clock of a seeded standalone run stands: 2026-01-01 00:00:00 UTC+08:00.
    public static let seededStart = AtlasInstant(millisecondsSinceEpoch: 1_767_196_800_000)

    /// Why a session could not run: the exit status and a message naming the cause.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// 2 for bad input, 3 for a server that could not be reached or a port that could not be bound.
        public var exitStatus: Int32
        /// What went wrong.
        public var description: String
    }

    /// Runs `selection(library)` and returns the report; progress goes to `observer` as it happens.
    public func run(
        select: @Sendable (ScenarioLibrary) throws(ScenarioErrorList) -> [Scenario],
        observer: @escaping @Sendable (ScenarioProgress) -> Void
    ) async throws(Failure) -> ScenarioReport {
        var options = ScenarioRunOptions(webhookURL: webhookURL, seed: seed, overrides: overrides)
        if let serverURL {
            let driver = AdminAPIDriver(baseURL: serverURL, token: adminToken, seed: seed)
            do {
                _ = try await driver.health()
            } catch {
                throw Failure(exitStatus: 3, description: "cannot reach atlas-mock at \(serverURL): \(error)")
            }
            // Without a receiver of our own the integrator's registration must survive between scenarios.
            if webhookURL == nil { options.resetBeforeEach = false }
            return try await runScenarios(
                library: mockConfiguration.scenarios, driver: driver, options: options, select: select,
                observer: observer)
        }
        var configuration = mockConfiguration
        configuration.port = 0
        configuration.host = "127.0.0.1"
        configuration.requestLog = nil
        configuration.seed = seed
        if seed != nil, configuration.frozenClock == nil {
            // Ids carry timestamps, so a seed alone cannot make two runs byte-identical: stand the clock
            // still at a fixed instant too. Scenarios that need time to pass move it with clock steps.
            configuration.frozenClock = Self.seededStart
        }
        let mock: MockServer
        do {
            mock = try await MockServer.start(configuration)
        } catch {
            throw Failure(exitStatus: error.exitStatus, description: error.description)
        }
        var receiver: ReferenceReceiver?
        if webhookURL == nil {
            do {
                let reference = try ReferenceReceiver()
                reference.startReconciling(
                    atlasURL: mock.url,
                    clients: mock.sandbox.clients.map { (id: $0.clientId, secret: $0.clientSecret) })
                options.webhookURL = reference.webhookURL
                receiver = reference
            } catch {
                await mock.stop()
                throw Failure(exitStatus: 3, description: "cannot start the built-in receiver: \(error)")
            }
        }
        let driver = AdminAPIDriver(baseURL: mock.url, token: configuration.adminToken, seed: mock.seed)
        options.seed = mock.seed
        let result: Result<ScenarioReport, Failure>
        do {
            result = .success(
                try await runScenarios(
                    library: configuration.scenarios, driver: driver, options: options, select: select,
                    observer: observer))
        } catch {
            result = .failure(error)
        }
        await receiver?.stop()
        await mock.stop()
        return try result.get()
    }

    private func runScenarios(
        library files: DefaultFiles, driver: AdminAPIDriver, options: ScenarioRunOptions,
        select: @Sendable (ScenarioLibrary) throws(ScenarioErrorList) -> [Scenario],
        observer: @escaping @Sendable (ScenarioProgress) -> Void
    ) async throws(Failure) -> ScenarioReport {
        do {
            let library = try MockFixtures.library(files)
            let scenarios = try select(library)
            return try await ScenarioRunner(driver: driver, options: options, observer: observer).run(
                scenarios)
        } catch let error as MockStartError {
            throw Failure(exitStatus: 2, description: error.description)
        } catch let error as ScenarioErrorList {
            throw Failure(exitStatus: 2, description: error.description)
        } catch {
            throw Failure(exitStatus: 2, description: "\(error)")
        }
    }
}
