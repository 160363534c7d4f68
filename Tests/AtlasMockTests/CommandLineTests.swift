import AtlasSandbox
import Testing

@testable import AtlasMock

@Suite struct CommandLineTests {
    @Test(arguments: [
        (["--port", "0"], "port", "0"),
        (["--port=9000"], "port", "9000"),
        (["--host", "127.0.0.2", "--port", "1"], "host", "127.0.0.2"),
        (["--log-format", "json"], "log-format", "json"),
    ])
    func parse_readsOptionValues(arguments: [String], name: String, value: String) throws {
        let parsed = try ParsedArguments(arguments, spec: CommandCatalog.serve)
        #expect(parsed.string(name) == value)
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus' for 'serve'"),
        (["-p", "1"], "unknown option '-p'"),
        (["--port"], "option '--port' needs a value (PORT)"),
        (["--quiet=yes"], "option '--quiet' takes no value"),
        (["--port", "1", "--port", "2"], "option '--port' given more than once"),
        (["extra"], "unexpected argument 'extra' for 'serve'"),
    ])
    func parse_rejectsBadCommandLinesWithOneLine(arguments: [String], message: String) {
        #expect {
            _ = try ParsedArguments(arguments, spec: CommandCatalog.serve)
        } throws: { error in
            "\(error)".contains(message) && !"\(error)".contains("\n")
        }
    }

    @Test(arguments: [
        (["--port", "65536"], "invalid value '65536' for '--port': expected a whole number from 0 to 65535"),
        (["--port", "+80"], "invalid value '+80' for '--port'"),
        (["--port", "-1"], "invalid value '-1' for '--port'"),
        (["--seed", "x"], "invalid value 'x' for '--seed'"),
        (["--freeze-clock", "2026-02-30 00:00:00"], "'--freeze-clock': expected 'yyyy-MM-dd HH:mm:ss'"),
        (["--auth-failure-status", "403"], "expected one of 200, 401"),
        (["--log-format", "xml"], "expected one of text, json"),
        (["--webhook-backoff-ms", "1000,,5"], "'--webhook-backoff-ms'"),
        (["--client", "lonely"], "invalid value 'lonely:***' for '--client'"),
        (["--webhook-header", "sandbox:Authorization"], "expected CLIENT:NAME:VALUE"),
        (
            ["--fixtures", "/nonexistent-atlas-mock-folder"],
            "--fixtures /nonexistent-atlas-mock-folder: cannot open folder"
        ),
        (["--max-body-bytes", "99999999999999999999"], "invalid value"),
        (["--seed-incidents", "=5"], "invalid value '=5' for '--seed-incidents': expected N or CLIENT=N"),
        (["--seed-incidents", "sandbox="], "invalid value 'sandbox=' for '--seed-incidents'"),
        (["--seed-incidents", "sandbox=2000001"], "N from 0 to 2000000"),
        (["--seed-incidents", "-3"], "invalid value '-3' for '--seed-incidents'"),
    ])
    func serveConfiguration_rejectsBadValuesNamingTheOption(arguments: [String], message: String) throws {
        let parsed = try? ParsedArguments(arguments, spec: CommandCatalog.serve)
        let error: (any Error)? =
            if let parsed {
                #expect(throws: UsageError.self) { try MockConfiguration(serveArguments: parsed) }
            } else {
                #expect(throws: UsageError.self) {
                    try ParsedArguments(arguments, spec: CommandCatalog.serve)
                }
            }
        #expect("\(error.map { "\($0)" } ?? "")".contains(message))
    }

    @Test func serveConfiguration_appliesEveryOption() throws {
        let parsed = try ParsedArguments(
            [
                "--host", "127.0.0.2", "--port", "0", "--seed", "42", "--seed-incidents", "10", "--strict",
                "--auth-failure-status", "401", "--time-format", "sample", "--max-page-size", "50",
                "--admin-token", "t0k", "--webhook-timeout-ms", "250", "--webhook-retries", "2",
                "--webhook-backoff-ms", "10,20", "--webhook-header", "sandbox:Authorization:Basic abc",
                "--client", "extra:s3cret:TAC9", "--freeze-clock", "2026-01-02 03:04:05", "--quiet",
            ], spec: CommandCatalog.serve)
        let configuration = try MockConfiguration(serveArguments: parsed)
        #expect(configuration.host == "127.0.0.2")
        #expect(configuration.port == 0)
        #expect(configuration.seed == 42)
        #expect(configuration.seedIncidents == 10)
        #expect(configuration.strict)
        #expect(configuration.authFailureHTTPStatus == 401)
        #expect(configuration.sampleTimeFormat)
        #expect(configuration.maxPageSize == 50)
        #expect(configuration.adminToken == "t0k")
        #expect(configuration.webhookTimeout == .milliseconds(250))
        #expect(configuration.webhookRetries == 2)
        #expect(configuration.webhookBackoff == [.milliseconds(10), .milliseconds(20)])
        #expect(
            configuration.webhookHeaders["sandbox"] == [
                WebhookHeader(name: "Authorization", value: "Basic abc")
            ])
        #expect(configuration.extraClients == ["extra:s3cret:TAC9"])
        #expect(configuration.frozenClock.map { AtlasTime.format($0) } == "2026-01-02 03:04:05")
        #expect(configuration.requestLog == nil)
    }

    @Test func seedIncidents_setsEveryClientThenOverridesNamedOnes() throws {
        let parsed = try ParsedArguments(
            ["--seed-incidents", "10", "--seed-incidents", "partner=0", "--seed-incidents", "sandbox=25"],
            spec: CommandCatalog.serve)
        let configuration = try MockConfiguration(serveArguments: parsed)
        #expect(configuration.seedIncidents == 10)
        #expect(configuration.seedIncidentsByClient == ["partner": 0, "sandbox": 25])
    }

    @Test func help_listsEveryCommandAndOption() {
        for command in CommandCatalog.all {
            #expect(CommandCatalog.overview.contains("  \(command.name)"))
            for option in command.options {
                #expect(command.helpText.contains("--\(option.name)"))
            }
        }
    }

    @Test(arguments: [
        ("secret", "secret", true), ("secret", "secreT", false), ("secret", "secret2", false), ("", "", true),
        ("", "x", false), ("abc", "", false),
    ])
    func secretComparison_matchesOnlyEqualSecrets(given: String, expected: String, matches: Bool) {
        #expect(SecretComparison.matches(given, expected) == matches)
    }
}
