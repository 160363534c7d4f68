/// How the runner runs: the receiver URL, the seed, overrides and polling.
public struct ScenarioRunOptions: Sendable, Hashable {
    /// The URL `${webhookUrl}` stands for (`--webhook-url`); nil skips register steps that use it, keeping
    /// the URL the integrator registered through `updateWebhookURL.do`.
    public var webhookURL: String?
    /// The seed the driver resets the server with (`--seed`); reported, never interpreted here.
    public var seed: UInt64?
    /// `--set` overrides, applied and validated before anything runs.
    public var overrides: [ScenarioOverride]
    /// Whether to call `driver.reset()` before each scenario, so scenarios cannot see each other's events.
    public var resetBeforeEach: Bool
    /// The first pause between looks at the server while an expectation waits; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    /// The longest pause between looks.
    public var maxPollInterval: Duration

    /// Options with the given values; the defaults poll every 10 ms at first, then up to every 200 ms.
    public init(
        webhookURL: String? = nil, seed: UInt64? = nil, overrides: [ScenarioOverride] = [],
        resetBeforeEach: Bool = true, pollInterval: Duration = .milliseconds(10),
        maxPollInterval: Duration = .milliseconds(200)
    ) {
        self.webhookURL = webhookURL
        self.seed = seed
        self.overrides = overrides
        self.resetBeforeEach = resetBeforeEach
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }
}
