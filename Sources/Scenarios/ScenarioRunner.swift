/// Runs scenarios against a mock through a `ScenarioDriver` and judges them.
///
/// Scenarios run one after another because they share the server; each starts from a reset server
/// unless `resetBeforeEach` is off. A scenario stops at its first failed step, so later steps never
/// judge state an earlier failure left behind.
public struct ScenarioRunner: Sendable {
    /// The mock.
    public let driver: any ScenarioDriver
    /// Receiver URL, seed, overrides, polling.
    public let options: ScenarioRunOptions
    /// Called for every scenario start, step end and scenario end, in order.
    public let observer: @Sendable (ScenarioProgress) -> Void

    /// A runner for `driver` with `options`, reporting progress to `observer`.
    public init(
        driver: any ScenarioDriver, options: ScenarioRunOptions = ScenarioRunOptions(),
        observer: @escaping @Sendable (ScenarioProgress) -> Void = { _ in }
    ) {
        self.driver = driver
        self.options = options
        self.observer = observer
    }

    /// Applies the overrides, then runs every scenario; bad overrides throw before anything runs.
    ///
    /// Once the server is unreachable, the remaining scenarios are reported as errors without running.
    public func run(_ scenarios: [Scenario]) async throws(ScenarioErrorList) -> ScenarioReport {
        let patched = try ScenarioOverride.apply(options.overrides, to: scenarios)
        let clock = ContinuousClock()
        let start = clock.now
        var results: [ScenarioResult] = []
        var unreachable: String?
        for scenario in patched {
            // Quote the first unreachable scenario's reason, not the previous skip's, so reasons don't nest.
            if let unreachable {
                results.append(notRun(scenario, because: unreachable))
                continue
            }
            let result = await run(scenario)
            if result.serverUnreachable { unreachable = result.reason ?? "server unreachable" }
            results.append(result)
        }
        return ScenarioReport(
            results: results, seed: options.seed, durationMs: start.duration(to: clock.now).milliseconds)
    }

    /// Runs one scenario as it is (overrides are applied by `run(_:)` on a list).
    public func run(_ scenario: Scenario) async -> ScenarioResult {
        let clock = ContinuousClock()
        let start = clock.now
        let elapsed = { start.duration(to: clock.now).milliseconds }
        observer(ScenarioProgress(scenario: scenario.name, elapsedMs: 0, event: .scenarioStarted))
        var execution = ScenarioExecution(scenario: scenario, driver: driver, options: options)
        var steps: [StepResult] = []
        var abort: (StepAbort, ScenarioStep?)?
        do throws(StepAbort) {
            if options.resetBeforeEach {
                do { try await driver.reset() } catch { throw StepAbort(error) }
            }
            try await execution.prepare()
        } catch {
            abort = (error, nil)
        }
        for step in scenario.steps {
            let stepStart = elapsed()
            var result = StepResult(
                index: step.index, name: step.displayName, label: step.label, status: .skipped,
                detail: "not run: an earlier step did not pass", startedAtMs: stepStart, durationMs: 0)
            if abort == nil {
                do throws(StepAbort) {
                    let outcome = try await execution.run(step)
                    result.status = outcome.status
                    result.detail = outcome.detail
                    result.eventId = outcome.fire?.eventId
                    result.deliveryOutcome = outcome.fire?.outcome
                    result.httpStatus = outcome.fire?.httpStatus
                    result.latencyMs = outcome.fire?.latencyMs
                } catch {
                    if case .failed = error { result.status = .failed } else { result.status = .error }
                    result.detail = error.message
                    abort = (error, step)
                }
                result.durationMs = elapsed() - stepStart
            }
            steps.append(result)
            observer(
                ScenarioProgress(scenario: scenario.name, elapsedMs: elapsed(), event: .stepFinished(result)))
        }
        var verdict = ScenarioVerdict.pass
        var reason: String?
        var unreachable = false
        if let (error, step) = abort {
            switch error {
            case .failed: verdict = .fail
            case .error: verdict = .error
            case .unreachable:
                verdict = .error
                unreachable = true
            }
            let place =
                step.map { "step \($0.index + 1) (\($0.label), \($0.path)): " } ?? "before the first step: "
            reason = place + error.message
        }
        let result = ScenarioResult(
            name: scenario.name, file: scenario.file, description: scenario.description, verdict: verdict,
            reason: reason, serverUnreachable: unreachable, steps: steps, durationMs: elapsed())
        observer(
            ScenarioProgress(scenario: scenario.name, elapsedMs: elapsed(), event: .scenarioFinished(result)))
        return result
    }

    private func notRun(_ scenario: Scenario, because reason: String) -> ScenarioResult {
        let steps = scenario.steps.map { step in
            StepResult(
                index: step.index, name: step.displayName, label: step.label, status: .skipped,
                detail: "not run: server unreachable", startedAtMs: 0, durationMs: 0)
        }
        let result = ScenarioResult(
            name: scenario.name, file: scenario.file, description: scenario.description, verdict: .error,
            reason: "not run: \(reason)", serverUnreachable: true, steps: steps, durationMs: 0)
        observer(ScenarioProgress(scenario: scenario.name, elapsedMs: 0, event: .scenarioFinished(result)))
        return result
    }
}

extension Duration {
    /// The duration in milliseconds, with fractions.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
