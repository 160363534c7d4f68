import AtlasMock

/// Parses `arguments` by `spec`; prints the help (and returns nil with success) for `--help`, or the
/// one-line usage error (and returns nil with status 2).
func parse(_ arguments: [String], _ spec: CommandSpec) -> Result<ParsedArguments, ExitStatusBox> {
    do {
        let parsed = try ParsedArguments(arguments, spec: spec)
        if parsed.wantsHelp {
            Console.out(spec.helpText)
            return .failure(ExitStatusBox(status: .success))
        }
        return .success(parsed)
    } catch {
        Console.error("atlas-mock \(spec.name): \(error)")
        return .failure(ExitStatusBox(status: .badInput))
    }
}

/// An exit status carried through a `Result` when a command stops early.
struct ExitStatusBox: Error {
    let status: ExitStatus
}

/// `atlas-mock version`.
func versionCommand(_ arguments: [String]) async -> ExitStatus {
    guard case .success = parse(arguments, CommandCatalog.version) else { return .badInput }
    Console.out("atlas-mock \(AtlasMockVersion.current)")
    return .success
}
