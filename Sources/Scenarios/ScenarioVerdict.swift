/// The outcome of a scenario, as CI reads it.
public enum ScenarioVerdict: String, Sendable, Hashable, Comparable {
    /// Every expectation was met (exit 0).
    case pass
    /// An expectation was not met: the receiver misbehaved (exit 1).
    case fail
    /// The scenario could not be judged: bad input, a refused request, or no server (exit 2, or 3 when unreachable).
    case error

    /// pass < fail < error, so the worst verdict of a run is the maximum.
    public static func < (lhs: ScenarioVerdict, rhs: ScenarioVerdict) -> Bool {
        let rank: [ScenarioVerdict: Int] = [.pass: 0, .fail: 1, .error: 2]
        return rank[lhs]! < rank[rhs]!
    }
}
