import AtlasMock
import Scenarios
import Webhooks

/// `atlas-mock validate FILE...`: checks scenario files without running them.
func validateCommand(_ arguments: [String]) async -> ExitStatus {
    let parsed: ParsedArguments
    switch parse(arguments, CommandCatalog.validate) {
    case .success(let value): parsed = value
    case .failure(let stop): return stop.status
    }
    let errors = ScenarioLoader.validate(files: parsed.positionals)
    for error in errors { Console.error(error.description) }
    if errors.isEmpty { Console.out("\(parsed.positionals.count) file(s) valid") }
    return errors.isEmpty ? .success : .badInput
}

/// `atlas-mock list`: the built-in scenarios and the webhook types.
func listCommand(_ arguments: [String]) async -> ExitStatus {
    guard case .success = parse(arguments, CommandCatalog.list) else { return .badInput }
    do {
        let library = try ScenarioLibrary.load(embedded: MockConfiguration().scenarios.namedFiles)
        Console.out("Built-in scenarios (atlas-mock run NAME):")
        let width = library.scenarios.map(\.name.count).max() ?? 0
        for scenario in library.scenarios {
            Console.out(
                "  " + scenario.name + String(repeating: " ", count: width - scenario.name.count) + "  "
                    + scenario.description)
        }
    } catch {
        Console.error("atlas-mock list: \(error)")
        return .badInput
    }
    Console.out("")
    Console.out("Webhook types (atlas-mock trigger TYPE):")
    for type in WebhookType.allCases { Console.out("  \(type.rawValue)") }
    return .success
}
