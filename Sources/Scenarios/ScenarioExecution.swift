import AtlasJSON

/// One run of one scenario: the values steps produced, the events fired, journal marks and the clock.
struct ScenarioExecution {
    let scenario: Scenario
    let driver: any ScenarioDriver
    let options: ScenarioRunOptions
    /// Step results by name, for `${name.…}`.
    private var results: [String: JSONValue] = [:]
    /// Every event fired so far, in order.
    private var fired: [FiredEvent] = []
    /// Journal sequence numbers taken at the start and before each step named in a `since`.
    private var journalMarks: [String: Int] = [:]
    private let sinceSteps: Set<String>

    init(scenario: Scenario, driver: any ScenarioDriver, options: ScenarioRunOptions) {
        self.scenario = scenario
        self.driver = driver
        self.options = options
        sinceSteps = Set(
            scenario.steps.filter { $0.kind == .expectRequests }.compactMap { $0.body["since"]?.stringValue })
    }

    /// Marks the journal before the first step when any step inspects it.
    mutating func prepare() async throws(StepAbort) {
        if scenario.steps.contains(where: { $0.kind == .expectRequests }) {
            journalMarks[""] = try await journalSequence()
        }
    }

    /// Runs one step; returns the detail line, and delivery facts for fire steps.
    mutating func run(_ step: ScenarioStep) async throws(StepAbort) -> (
        status: StepResult.Status, detail: String, fire: FireNote?
    ) {
        if let name = step.name, sinceSteps.contains(name) {
            journalMarks[name] = try await journalSequence()
        }
        if step.kind == .register, options.webhookURL == nil, step.body["url"]?.stringValue == "${webhookUrl}"
        {
            return (.skipped, "no webhook URL given; keeping the URL the integrator registered", nil)
        }
        let action = try resolvedAction(of: step)
        var result: JSONValue = .null
        var detail = ""
        var note: FireNote?
        switch action {
        case .register(let url):
            try await call { () throws(ScenarioDriverError) in
                try await driver.register(clientId: scenario.clientId, url: url)
            }
            result = ["clientId": .string(scenario.clientId), "url": .string(url)]
            detail = "registered \(url) for \(scenario.clientId)"
        case .fire(let fire):
            (result, note) = try await self.fire(fire, step: step)
            detail = note!.text
        case .wait(let milliseconds):
            try await sleep(.milliseconds(milliseconds))
            result = ["ms": .int(milliseconds)]
            detail = "waited \(milliseconds) ms"
        case .clock(let command):
            result = try await call { () throws(ScenarioDriverError) in try await driver.clock(command) }
            detail =
                "clock now \(result["now"]?.stringValue ?? "?")"
                + (result["frozen"]?.boolValue == true ? " (frozen)" : "")
        case .expectDeliveries(let expectation):
            let scope = expectation.scope(of: fired)
            let query = expectation.query(clientId: scenario.clientId, scope: scope)
            let fired = self.fired
            (detail, result) = try await poll(within: expectation.within) { () throws(ScenarioDriverError) in
                expectation.check(records: try await driver.deliveries(query: query), fired: fired)
            }
        case .expectIncidents(let expectation):
            (detail, result) = try await poll(within: expectation.within) { () throws(ScenarioDriverError) in
                expectation.check(
                    body: try await driver.incidents(
                        clientId: scenario.clientId, query: .object(expectation.query)))
            }
        case .expectRequests(let expectation):
            let mark = journalMarks[expectation.since ?? ""] ?? 0
            let sinceText = expectation.since.map { "since step \($0)" } ?? "since the scenario started"
            (detail, result) = try await poll(within: expectation.within) { () throws(ScenarioDriverError) in
                expectation.check(
                    entries: try await driver.requests(clientId: scenario.clientId, path: expectation.path),
                    after: mark, sinceText: sinceText)
            }
        case .expectEqual(let actual, let expected):
            guard actual.mismatch(against: expected) == nil, expected.mismatch(against: actual) == nil else {
                throw .failed(
                    "\(step.body["actual"]?.stringValue ?? "actual") is \(actual.compactText.prefix(400)); expected \(expected.compactText.prefix(400))"
                )
            }
            result = actual
            detail = "equal: \(actual.compactText.prefix(80))"
        }
        if let name = step.name { results[name] = result }
        return (.passed, detail, note)
    }

    /// The step's action with every `${…}` substituted, read strictly.
    private func resolvedAction(of step: ScenarioStep) throws(StepAbort) -> ScenarioAction {
        do {
            let body = try ScenarioTemplate.resolve(step.body, at: step.bodyPath) {
                (reference, path) throws(JSONShapeError) in
                try value(of: reference, at: path)
            }
            return try ScenarioAction.decode(
                kind: step.kind, body: body, at: step.bodyPath, clientId: scenario.clientId,
                reader: StepReader(allowsDeferred: false))
        } catch {
            throw .error("\(scenario.file): \(error)")
        }
    }

    private func value(of reference: ScenarioReference, at path: JSONPath) throws(JSONShapeError) -> JSONValue
    {
        let base: JSONValue?
        switch reference.root {
        case "webhookUrl":
            guard let url = options.webhookURL else {
                throw JSONShapeError(
                    path: path, reason: "\(reference) needs a webhook URL (give one on the command line)")
            }
            base = .string(url)
        case "clientId": base = .string(scenario.clientId)
        case "orders": base = .array(scenario.orders.map(JSONValue.string))
        default: base = scenario.variables[reference.root] ?? results[reference.root]
        }
        guard let base else {
            throw JSONShapeError(path: path, reason: "\(reference): step \(reference.root) produced no value")
        }
        // Walk one member at a time so the message names the first part that is missing.
        var current = base
        var walked = reference.root
        for component in reference.path {
            guard let next = current[path: JSONPath(components: [component])], !next.isNull else {
                let missing = JSONPath(components: [component]).description.dropFirst()
                let what =
                    current[path: JSONPath(components: [component])] == nil ? "does not exist" : "is null"
                throw JSONShapeError(
                    path: path, reason: "\(reference) refers to nothing: \(walked)\(missing) \(what)")
            }
            current = next
            walked += JSONPath(components: [component]).description.dropFirst()
        }
        return current
    }

    private func call<T>(_ body: () async throws(ScenarioDriverError) -> T) async throws(StepAbort) -> T {
        do { return try await body() } catch { throw StepAbort(error) }
    }

    private mutating func fire(_ fire: FireAction, step: ScenarioStep) async throws(StepAbort) -> (
        JSONValue, FireNote
    ) {
        var last: JSONValue = .null
        var eventIds: [JSONValue] = []
        let dropped = fire.event["faults"]?["drop"]?.boolValue == true
        for _ in 0..<fire.repeatCount {
            last = try await call { () throws(ScenarioDriverError) in try await driver.fire(fire.event) }
            guard let eventId = last["eventId"]?.stringValue else {
                throw .error("the server's fire response has no eventId: \(last.compactText.prefix(200))")
            }
            eventIds.append(.string(eventId))
            fired.append(
                FiredEvent(
                    eventId: eventId, step: step.displayName,
                    type: last["type"]?.stringValue ?? fire.event["type"]?.stringValue ?? "?",
                    orderNo: last["orderNo"]?.stringValue, dropped: dropped))
        }
        let note = FireNote(response: last, count: fire.repeatCount)
        if fire.repeatCount == 1 { return (last, note) }
        return (["count": .int(fire.repeatCount), "eventIds": .array(eventIds), "last": last], note)
    }

    /// Looks at the server until `look` passes, fails for good, or `within` ms pass; never a blind sleep.
    private func poll(
        within milliseconds: Int, _ look: () async throws(ScenarioDriverError) -> ExpectationCheck
    ) async throws(StepAbort) -> (String, JSONValue) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(milliseconds))
        var interval = options.pollInterval
        while true {
            let check: ExpectationCheck
            do { check = try await look() } catch { throw StepAbort(error) }
            switch check {
            case .passed(let detail, let result): return (detail, result)
            case .failed(let reason): throw .failed(reason)
            case .pending(let reason):
                let now = clock.now
                guard now < deadline else { throw .failed("\(reason) within \(milliseconds) ms") }
                try await sleep(min(interval, now.duration(to: deadline)))
                interval = min(interval * 2, options.maxPollInterval)
            }
        }
    }

    /// Sleeps for a wait step or between looks; a cancelled run ends the scenario as an error, not a failure.
    private func sleep(_ duration: Duration) async throws(StepAbort) {
        do {
            try await Task.sleep(for: duration)
        } catch {
            throw .error("the run was cancelled")
        }
    }

    private func journalSequence() async throws(StepAbort) -> Int {
        do {
            return try await driver.requests(clientId: scenario.clientId, path: nil).compactMap {
                $0["sequence"]?.intValue
            }.max() ?? 0
        } catch {
            throw StepAbort(error)
        }
    }
}
