import AtlasMock
@preconcurrency import Glibc

// Parses the command name and hands the rest to that command; every command returns its exit status.
let arguments = Array(CommandLine.arguments.dropFirst())
let commands: [String: ([String]) async -> ExitStatus] = [
    "serve": serveCommand, "run": runCommand, "trigger": triggerCommand, "demo": demoCommand,
    "validate": validateCommand, "list": listCommand, "version": versionCommand,
]

var status: ExitStatus
switch arguments.first {
case nil, "help", "--help", "-h":
    if arguments.count > 1, let spec = CommandCatalog.all.first(where: { $0.name == arguments[1] }) {
        Console.out(spec.helpText)
        status = .success
    } else if arguments.count > 1 {
        Console.error("atlas-mock: unknown command '\(arguments[1])' (see 'atlas-mock help')")
        status = .badInput
    } else {
        Console.out(CommandCatalog.overview)
        status = arguments.isEmpty ? .badInput : .success
    }
case "--version":
    status = await versionCommand([])
case let name?:
    if let command = commands[name] {
        status = await command(Array(arguments.dropFirst()))
    } else {
        Console.error("atlas-mock: unknown command '\(name)' (see 'atlas-mock help')")
        status = .badInput
    }
}
exit(status)
