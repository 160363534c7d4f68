/// The outcome of a run of one or more scenarios, with the exit code CI acts on.
public struct ScenarioReport: Sendable, Hashable {
    /// One result per scenario, in run order.
    public var results: [ScenarioResult]
    /// The seed the server was reset with, when one was given.
    public var seed: UInt64?
    /// Wall time of the whole run, in milliseconds.
    public var durationMs: Double

    /// A report of `results`.
    public init(results: [ScenarioResult], seed: UInt64?, durationMs: Double) {
        self.results = results
        self.seed = seed
        self.durationMs = durationMs
    }

    /// The worst verdict: error over fail over pass; pass for an empty run.
    public var verdict: ScenarioVerdict {
        results.map(\.verdict).max() ?? .pass
    }

    /// 0 all passed, 1 an expectation failed, 2 a scenario could not be judged, 3 no server answered.
    public var exitCode: Int32 {
        if results.contains(where: \.serverUnreachable) { return 3 }
        switch verdict {
        case .pass: return 0
        case .fail: return 1
        case .error: return 2
        }
    }

    /// How many scenarios got `verdict`.
    public func count(_ verdict: ScenarioVerdict) -> Int {
        results.filter { $0.verdict == verdict }.count
    }
}
