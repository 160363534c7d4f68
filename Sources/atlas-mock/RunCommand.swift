import AtlasJSON
import AtlasMock
import Scenarios

/// `atlas-mock run`: scenarios by name or file, standalone or against `--server`, with reports.
func runCommand(_ arguments: [String]) async -> ExitStatus {
    let parsed: ParsedArguments
    switch parse(arguments, CommandCatalog.run) {
    case .success(let value): parsed = value
    case .failure(let stop): return stop.status
    }
    let names = parsed.positionals
    let all = parsed.has("all")
    guard all || !names.isEmpty else {
        Console.error(
            "atlas-mock run: name scenarios (files or built-in names) or pass --all (see 'atlas-mock list')")
        return .badInput
    }
    var session = ScenarioSession()
    session.serverURL = parsed.string("server")
    session.webhookURL = parsed.string("webhook-url")
    session.adminToken = parsed.string("admin-token")
    do {
        if let seed = parsed.string("seed") {
            guard let value = UInt64(seed), seed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw UsageError("invalid value '\(seed)' for '--seed': expected a whole number")
            }
            session.seed = value
        }
        session.overrides = try parsed.strings("set").map { argument throws(UsageError) -> ScenarioOverride in
            do { return try ScenarioOverride.parse(argument) } catch { throw UsageError("--set \(error)") }
        }
    } catch {
        Console.error("atlas-mock run: \(error)")
        return .badInput
    }
    let clientId = parsed.string("client")
    let quiet = parsed.has("quiet")
    let report: ScenarioReport
    do {
        report = try await session.run(
            select: { library throws(ScenarioErrorList) -> [Scenario] in
                var chosen = all ? library.scenarios : []
                for name in names {
                    if let scenario = library.scenario(named: name) {
                        chosen.append(scenario)
                    } else {
                        chosen.append(try ScenarioLoader.load(file: name))
                    }
                }
                if let clientId {
                    chosen = chosen.map {
                        var copy = $0
                        copy.clientId = clientId
                        return copy
                    }
                }
                return chosen
            },
            observer: { progress in if !quiet { Console.out(progress.line) } })
    } catch {
        Console.error("atlas-mock run: \(error)")
        return error.exitStatus
    }
    Console.out("")
    Console.out(report.summaryTable())
    if let seed = report.seed { Console.out("seed: \(seed) (replay with --seed \(seed))") }
    if let path = parsed.string("report-junit"), !writeReport(report.junitXML(), to: path) {
        return .badInput
    }
    if let path = parsed.string("report-json"), !writeReport(report.json().prettyPrinted() + "\n", to: path) {
        return .badInput
    }
    return report.exitCode
}

/// Writes a report file, saying which file could not be written.
func writeReport(_ text: String, to path: String) -> Bool {
    do {
        try ReportFile.write(text, to: path)
        return true
    } catch {
        Console.error("atlas-mock run: \(error)")
        return false
    }
}
