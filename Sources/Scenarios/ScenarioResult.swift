/// The outcome of one scenario: its verdict, the first reason it did not pass, and every step.
public struct ScenarioResult: Sendable, Hashable {
    /// The scenario's name.
    public var name: String
    /// The scenario's file or embedded name.
    public var file: String
    /// The scenario's description.
    public var description: String
    /// pass, fail or error.
    public var verdict: ScenarioVerdict
    /// Why it did not pass, naming the step: "step 4 (expect deliveries, $.steps[3]): …"; nil on pass.
    public var reason: String?
    /// Whether it ended because no server answered (the CLI exits 3).
    public var serverUnreachable: Bool
    /// Every step, including the skipped ones after a failure.
    public var steps: [StepResult]
    /// Wall time, in milliseconds.
    public var durationMs: Double

    /// A scenario result.
    public init(
        name: String, file: String, description: String, verdict: ScenarioVerdict, reason: String?,
        serverUnreachable: Bool, steps: [StepResult], durationMs: Double
    ) {
        self.name = name
        self.file = file
        self.description = description
        self.verdict = verdict
        self.reason = reason
        self.serverUnreachable = serverUnreachable
        self.steps = steps
        self.durationMs = durationMs
    }
}
