import AtlasHTTP
import AtlasJSON
import Scenarios

extension AdminAPI {
    /// `GET /__admin/scenarios`: the library.
    func listScenarios() -> HTTPResponse {
        Self.ok(library.listingJSON())
    }

    /// `POST /__admin/scenarios/{name}/run` `{"webhookUrl"?, "seed"?, "wait"?}`: runs one scenario against this
    /// server; with `"wait": false` answers 202 with a run id at once.
    func runScenario(_ request: HTTPRequest) async -> HTTPResponse {
        let prefix = "/__admin/scenarios/"
        let rest = request.path.dropFirst(prefix.count)
        guard rest.hasSuffix("/run"), case let name = String(rest.dropLast(4)), !name.isEmpty,
            !name.contains("/")
        else {
            return Self.fault(
                404, "not_found", "no route for \(request.path) (expected /__admin/scenarios/{name}/run)")
        }
        guard let scenario = library.scenario(named: name) else {
            return Self.fault(404, "unknown_scenario", "no scenario '\(name)' (see GET /__admin/scenarios)")
        }
        var options = ScenarioRunOptions()
        var wait = true
        switch Self.body(request) {
        case .failure(let fault): return fault.response
        case .success(let value):
            do {
                let members = try value.expectObject(at: .root)
                try members.rejectUnknownKeys(allowed: ["webhookUrl", "seed", "wait"], at: .root)
                options.webhookURL = try members["webhookUrl"]?.expectString(
                    at: JSONPath.root.appending("webhookUrl"))
                if let seed = try members["seed"]?.expectInt(at: JSONPath.root.appending("seed")) {
                    guard seed >= 0 else {
                        return Self.fault(400, "invalid_request", "$.seed: expected a non-negative integer")
                    }
                    options.seed = UInt64(seed)
                }
                wait = try members["wait"]?.expectBool(at: JSONPath.root.appending("wait")) ?? true
            } catch {
                return Self.fault(400, "invalid_request", "\(error)")
            }
        }
        guard let address = server.address else {
            return Self.fault(503, "not_ready", "the server is not listening yet")
        }
        let driver = AdminAPIDriver(baseURL: address.url, token: configuration.adminToken, seed: options.seed)
        let runner = ScenarioRunner(driver: driver, options: options)
        let id = runs.begin()
        let task = Task { [runs] in
            let result = await runner.run(scenario)
            let report = ScenarioReport(results: [result], seed: options.seed, durationMs: result.durationMs)
            let json = report.json()
            runs.finish(id, report: json)
            return json
        }
        guard wait else {
            return Self.ok(["id": .string(id), "status": "running"], status: 202)
        }
        return Self.ok(["id": .string(id), "status": "finished", "report": await task.value])
    }

    /// `GET /__admin/runs/{id}`.
    func runReport(_ request: HTTPRequest) -> HTTPResponse {
        let id = String(request.path.dropFirst("/__admin/runs/".count))
        guard let json = runs.json(id) else {
            return Self.fault(404, "unknown_run", "no run '\(id)' (runs are kept until 100 newer ones exist)")
        }
        return Self.ok(json)
    }
}
