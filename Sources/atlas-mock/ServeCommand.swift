import AtlasHTTP
import AtlasMock

/// `atlas-mock serve`: start, print the ready line, serve until SIGTERM or SIGINT, drain, exit 0.
func serveCommand(_ arguments: [String]) async -> ExitStatus {
    let parsed: ParsedArguments
    switch parse(arguments, CommandCatalog.serve) {
    case .success(let value): parsed = value
    case .failure(let stop): return stop.status
    }
    let configuration: MockConfiguration
    do {
        configuration = try MockConfiguration(serveArguments: parsed)
    } catch {
        Console.error("atlas-mock serve: \(error)")
        return .badInput
    }
    // Trap the signals before binding, so a SIGTERM that arrives early still drains cleanly.
    let signals = ShutdownSignals()
    let server: MockServer
    do {
        server = try await MockServer.start(configuration)
    } catch {
        Console.error("atlas-mock serve: \(error)")
        return error.exitStatus
    }
    if parsed.has("exit-on-stdin-eof") { ParentWatch.start() }
    Console.out("atlas-mock listening on \(server.url)")
    if configuration.requestLog != nil {
        Console.error(
            "atlas-mock \(AtlasMockVersion.current): seed \(server.seed); admin API at \(server.url)/__admin/health"
        )
    }
    let signal = await signals.wait()
    if configuration.requestLog != nil {
        Console.error("atlas-mock: signal \(signal): finishing in-flight requests, then exiting")
    }
    await server.stop()
    return .success
}
