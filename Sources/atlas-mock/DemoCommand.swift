import AtlasMock
import Scenarios

/// `atlas-mock demo`: a mock, the built-in receiver, the whole library, and what happened.
func demoCommand(_ arguments: [String]) async -> ExitStatus {
    let parsed: ParsedArguments
    switch parse(arguments, CommandCatalog.demo) {
    case .success(let value): parsed = value
    case .failure(let stop): return stop.status
    }
    var session = ScenarioSession()
    do {
        session.seed = UInt64(try parsed.integer("seed", in: 0...Int.max) ?? 1)
    } catch {
        Console.error("atlas-mock demo: \(error)")
        return .badInput
    }
    Console.out("Starting atlas-mock on a free port, and a built-in receiver that answers 200 and reconciles")
    Console.out("through getPageList; registering it and running every built-in scenario against it.")
    Console.out("")
    do {
        let report = try await session.run(
            select: { library in library.scenarios }, observer: { progress in Console.out(progress.line) })
        Console.out("")
        Console.out(report.summaryTable())
        Console.out("")
        Console.out(
            "Next: 'atlas-mock serve' and point your receiver at it; 'atlas-mock run --all --webhook-url URL'"
        )
        Console.out("judges your receiver; 'atlas-mock trigger order.schedulechange' fires one event.")
        return report.exitCode
    } catch {
        Console.error("atlas-mock demo: \(error)")
        return error.exitStatus
    }
}
