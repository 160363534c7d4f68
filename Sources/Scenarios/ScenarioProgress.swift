/// A live report from the runner, for the CLI to print as a scenario runs.
public struct ScenarioProgress: Sendable, Hashable {
    /// What happened.
    public enum Event: Sendable, Hashable {
        /// A scenario is about to run its first step.
        case scenarioStarted
        /// A step ended (passed, failed, errored or was skipped).
        case stepFinished(StepResult)
        /// A scenario ended with this result.
        case scenarioFinished(ScenarioResult)
    }

    /// The scenario's name.
    public var scenario: String
    /// Milliseconds since the scenario started.
    public var elapsedMs: Double
    /// What happened.
    public var event: Event

    /// One line for a terminal: `[   12 ms] ticketing  step 2 fire order.ticketed  passed  delivered HTTP 200 in 3.2 ms`.
    public var line: String {
        let time =
            "[" + String(repeating: " ", count: max(0, 7 - String(Int(elapsedMs)).count))
            + "\(Int(elapsedMs)) ms]"
        switch event {
        case .scenarioStarted:
            return "\(time) \(scenario): started"
        case .stepFinished(let step):
            return
                "\(time) \(scenario): \(step.index + 1). \(step.label) — \(step.status.rawValue): \(step.detail)"
        case .scenarioFinished(let result):
            return "\(time) \(scenario): \(result.verdict.rawValue.uppercased())"
                + (result.reason.map { " — \($0)" } ?? "")
        }
    }
}
