/// The grammar of every `atlas-mock` command, in one place so `help` and each `--help` agree.
public enum CommandCatalog {
    /// `atlas-mock serve`.
    public static let serve = CommandSpec(
        name: "serve",
        summary:
            "Serve the Atlas API (updateWebhookURL.do, event/getPageList.do) and the admin API until SIGTERM or SIGINT.",
        options: [
            .value(
                "host", "ADDR",
                help: "Address to bind (default 127.0.0.1; binding elsewhere exposes the mock)."),
            .value(
                "port", "PORT",
                help: "Port to bind (default \(MockConfiguration.defaultPort); 0 picks a free one)."),
            .value(
                "fixtures", "DIR",
                help:
                    "Folder with clients.json, incidents.json, orders.json (replaces the built-in fixtures)."),
            .value("scenarios", "DIR", help: "Folder of scenario files (replaces the built-in library)."),
            .value("client", "ID:SECRET[:CID]", repeatable: true, help: "Add a client."),
            .value("seed", "N", help: "Fix every generated id and value."),
            .value(
                "seed-incidents", "[CLIENT=]N", repeatable: true,
                help:
                    "Generate N realistic incidents per client, or for CLIENT only (reproducible with --seed)."
            ),
            .value(
                "freeze-clock", "TIME",
                help: "Start with the clock frozen at 'yyyy-MM-dd HH:mm:ss' (UTC+08:00)."),
            .flag("strict", help: "Missing Accept, Content-Type or Accept-Encoding headers fail with 901."),
            .value(
                "auth-failure-status", "200|401",
                help: "HTTP status of a bad-credentials answer (default 200)."),
            .value(
                "time-format", "schema|sample",
                help: "Incident time format (default schema: yyyy-MM-dd HH:mm:ss)."),
            .value("max-page-size", "N", help: "Largest getPageList pageSize (default 1000)."),
            .value(
                "admin-token", "TOKEN",
                help: "Require 'Authorization: Bearer TOKEN' on /__admin/ (health excepted)."),
            .value("max-connections", "N", help: "Open connections at most (default 1024)."),
            .value("max-head-bytes", "N", help: "Request head bytes at most (default 32768)."),
            .value("max-body-bytes", "N", help: "Request body bytes at most (default 2097152)."),
            .value("head-timeout-ms", "MS", help: "Time to receive a request head (default 10000)."),
            .value("idle-timeout-ms", "MS", help: "Keep-alive idle time before closing (default 60000)."),
            .value("journal-capacity", "N", help: "Atlas calls kept in the request journal (default 10000)."),
            .value(
                "delivery-log-capacity", "N",
                help: "Webhook attempts kept in the delivery log (default 10000)."),
            .value("max-incidents", "N", help: "Incidents kept per client (default 2000000)."),
            .value("webhook-timeout-ms", "MS", help: "Deadline of one webhook attempt (default 5000)."),
            .value(
                "webhook-retries", "N", help: "Extra attempts after a failed one (default 0: best effort)."),
            .value(
                "webhook-backoff-ms", "MS,MS,...", help: "Waits before retries (default 1000,5000,30000)."),
            .value("webhook-concurrency", "N", help: "Webhook attempts in flight at once (default 32)."),
            .value(
                "webhook-header", "CLIENT:NAME:VALUE", repeatable: true,
                help: "Send an extra header with CLIENT's webhooks."),
            .value("log-format", "text|json", help: "Request log format on stderr (default text)."),
            .flag("quiet", help: "No request log."),
            .flag(
                "exit-on-stdin-eof",
                help: "Shut down gracefully when stdin closes (the parent process went away)."),
        ])

    /// `atlas-mock run`.
    public static let run = CommandSpec(
        name: "run",
        summary:
            "Run scenarios (files or built-in names) and give a verdict: exit 0 passed, 1 failed, 2 bad input, 3 unreachable.",
        usage: "[options] SCENARIO...",
        options: [
            .flag("all", help: "Run every built-in scenario."),
            .value(
                "server", "URL",
                help: "Drive a running atlas-mock through its admin API instead of starting one."),
            .value(
                "webhook-url", "URL",
                help: "The receiver to register (standalone runs; default: a built-in receiver)."),
            .value("client", "ID", help: "The client to act as (default: the scenario's)."),
            .value("seed", "N", help: "Fix every generated id and value."),
            .value("set", "PATH=VALUE", repeatable: true, help: "Override a scenario value (validated)."),
            .value("report-junit", "FILE", help: "Write a JUnit XML report."),
            .value("report-json", "FILE", help: "Write a JSON report."),
            .value("admin-token", "TOKEN", help: "Bearer token of the server's admin API."),
            .flag("quiet", help: "No per-step progress."),
        ],
        positionalCount: 0...Int.max)

    /// `atlas-mock trigger`.
    public static let trigger = CommandSpec(
        name: "trigger",
        summary:
            "Fire one webhook at a running server and print what was sent and what came back (exit 1 if delivery failed).",
        usage: "TYPE [options]",
        options: [
            .value(
                "server", "URL",
                help: "The running atlas-mock (default http://127.0.0.1:\(MockConfiguration.defaultPort))."),
            .value("client", "ID", help: "The client (default sandbox)."),
            .value("order", "ORDERNO", help: "The order (default: the client's first suitable order)."),
            .value(
                "field", "NAME=VALUE", repeatable: true,
                help: "A type-specific field; VALUE is JSON or a plain string."),
            .flag("drop", help: "Record the event but send nothing."),
            .value("duplicate", "N", help: "Send the same notification N times."),
            .value("delay-ms", "MS", help: "Wait before sending."),
            .flag("no-wait", help: "Return before delivery finishes."),
            .value("admin-token", "TOKEN", help: "Bearer token of the server's admin API."),
        ],
        positionalCount: 1...1)

    /// `atlas-mock demo`.
    public static let demo = CommandSpec(
        name: "demo",
        summary:
            "Start a mock and a built-in receiver, register it, run the built-in library and show what happened.",
        options: [.value("seed", "N", help: "Fix every generated id and value (default 1).")])

    /// `atlas-mock validate`.
    public static let validate = CommandSpec(
        name: "validate",
        summary: "Check scenario files without running them (exit 2 on the first bad file).",
        usage: "FILE...", options: [], positionalCount: 1...Int.max)

    /// `atlas-mock list`.
    public static let list = CommandSpec(
        name: "list", summary: "List the built-in scenarios and the webhook types the mock can fire.",
        options: [])

    /// `atlas-mock version`.
    public static let version = CommandSpec(name: "version", summary: "Print the version.", options: [])

    /// Every command, in the order `help` lists them.
    public static let all = [serve, run, trigger, demo, validate, list, version]

    /// The top-level help.
    public static var overview: String {
        var lines = [
            "atlas-mock \(AtlasMockVersion.current): an offline stand-in for the Atlas (ATRIP) sandbox: its webhook and incident APIs,",
            "and realistic webhooks fired on demand at the URL you registered.", "",
            "Usage: atlas-mock COMMAND [options]", "",
            "Commands:",
        ]
        let width = all.map(\.name.count).max() ?? 0
        for command in all {
            lines.append("  " + command.name.padding(to: width) + "  " + command.summary)
        }
        lines += [
            "  " + "help".padding(to: width) + "  Show this help, or 'help COMMAND' for one command.", "",
            "Exit codes: 0 success/pass, 1 a scenario expectation or a delivery failed, 2 bad usage or input file,",
            "3 could not reach a server or bind a port.",
        ]
        return lines.joined(separator: "\n")
    }
}

/// The version of atlas-mock.
public enum AtlasMockVersion {
    /// The version string `atlas-mock version` prints and health reports.
    public static let current = "0.1.0"
}
