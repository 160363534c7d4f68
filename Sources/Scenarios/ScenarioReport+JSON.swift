public import AtlasJSON

extension ScenarioReport {
    /// The report as JSON for tools: verdict, exit code, totals, and every scenario with its steps.
    public func json() -> JSONValue {
        [
            "verdict": .string(verdict.rawValue),
            "exitCode": .int(Int(exitCode)),
            "seed": seed.map { JSONValue.string(String($0)) } ?? .null,
            "durationMs": .double(durationMs),
            "totals": [
                "scenarios": .int(results.count), "passed": .int(count(.pass)), "failed": .int(count(.fail)),
                "errors": .int(count(.error)),
            ],
            "scenarios": .array(results.map(Self.json)),
        ]
    }

    private static func json(_ result: ScenarioResult) -> JSONValue {
        [
            "name": .string(result.name),
            "file": .string(result.file),
            "description": .string(result.description),
            "verdict": .string(result.verdict.rawValue),
            "reason": .string(orNull: result.reason),
            "serverUnreachable": .bool(result.serverUnreachable),
            "durationMs": .double(result.durationMs),
            "steps": .array(result.steps.map(json)),
        ]
    }

    private static func json(_ step: StepResult) -> JSONValue {
        var members: [String: JSONValue] = [
            "index": .int(step.index), "name": .string(step.name), "label": .string(step.label),
            "status": .string(step.status.rawValue), "detail": .string(step.detail),
            "startedAtMs": .double(step.startedAtMs), "durationMs": .double(step.durationMs),
        ]
        if let eventId = step.eventId { members["eventId"] = .string(eventId) }
        if let outcome = step.deliveryOutcome { members["deliveryOutcome"] = .string(outcome) }
        if let status = step.httpStatus { members["httpStatus"] = .int(status) }
        if let latency = step.latencyMs { members["latencyMs"] = .double(latency) }
        return .object(members)
    }
}
