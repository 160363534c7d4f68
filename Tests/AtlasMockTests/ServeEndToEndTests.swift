import AtlasJSON
import Foundation
import Testing

/// The built binary, launched as users launch it, talked to over real sockets.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeEndToEndTests {
    @Test func serve_printsReadyLineWithEphemeralPortAndAnswersHealth() async throws {
        let binary = try LaunchedBinary(["serve", "--port", "0", "--quiet"])
        let url = try await binary.readyURL()
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(!url.hasSuffix(":0"))
        let health = try await TestHTTP.request("GET", url + "/__admin/health")
        #expect(health.status == 200)
        let body = try JSONValue.parse(health.body)
        #expect(body["status"] == "ok")
        #expect(body["version"]?.stringValue != nil)
        #expect(body["uptimeSeconds"]?.doubleValue != nil)
        binary.signal(SIGTERM)
        #expect(try await binary.exitStatus() == 0)
        #expect(binary.standardOutput.split(separator: "\n").count == 1, "exactly one line on stdout")
    }

    @Test func serve_logsOneLinePerRequestToStandardError() async throws {
        let binary = try LaunchedBinary(["serve", "--port", "0", "--log-format", "json"])
        let url = try await binary.readyURL()
        _ = try await TestHTTP.request("GET", url + "/nowhere")
        try await binary.waitFor("a request log line") { binary.standardError.contains("/nowhere") }
        let line = binary.standardError.split(separator: "\n").first { $0.contains("/nowhere") }!
        let entry = try JSONValue.parse(String(line))
        #expect(entry["status"] == 404)
        #expect(entry["method"] == "GET")
        binary.signal(SIGINT)
        #expect(try await binary.exitStatus() == 0)
    }

    @Test func serve_exitsThreeWhenThePortIsTaken() async throws {
        let first = try LaunchedBinary(["serve", "--port", "0", "--quiet"])
        let url = try await first.readyURL()
        let port = String(url.split(separator: ":").last!)
        let second = try LaunchedBinary(["serve", "--port", port, "--quiet"])
        #expect(try await second.exitStatus() == 3)
        #expect(second.standardError.contains(port))
        #expect(second.standardOutput.isEmpty)
        first.signal(SIGTERM)
        #expect(try await first.exitStatus() == 0)
    }

    @Test(arguments: [
        (["serve", "--bogus"], "unknown option '--bogus'"),
        (["serve", "--port", "http"], "invalid value 'http' for '--port'"),
        (["frobnicate"], "unknown command 'frobnicate'"),
    ])
    func cli_exitsTwoWithOneLineForBadUsage(arguments: [String], message: String) async throws {
        let binary = try LaunchedBinary(arguments)
        #expect(try await binary.exitStatus() == 2)
        #expect(binary.standardError.contains(message))
        #expect(binary.standardError.split(separator: "\n").count == 1)
    }

    @Test func serve_exitsTwoNamingFileAndPathForABadFixture() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "atlas-mock-fixtures-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["incidents.json", "orders.json"] {
            try Data(EmbeddedFixture.text(name).utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data(#"[{"clientId":"a","clientSecret":7,"cid":"TAC1","name":"A"}]"#.utf8)
            .write(to: folder.appendingPathComponent("clients.json"))
        let binary = try LaunchedBinary(["serve", "--port", "0", "--fixtures", folder.path])
        #expect(try await binary.exitStatus() == 2)
        #expect(binary.standardError.contains("clients.json"))
        #expect(binary.standardError.contains("$[0].clientSecret"))
        #expect(binary.standardOutput.isEmpty, "nothing half-started: no ready line")
    }

    @Test func serve_exitsCleanlyWhenItsParentGoesAway() async throws {
        let binary = try LaunchedBinary(["serve", "--port", "0", "--quiet"])
        _ = try await binary.readyURL()
        binary.closeStandardInput()
        #expect(try await binary.exitStatus() == 0)
    }

    @Test func versionAndHelp_answerOnStdout() async throws {
        let version = try LaunchedBinary(["version"])
        #expect(try await version.exitStatus() == 0)
        #expect(version.standardOutput.hasPrefix("atlas-mock "))
        let help = try LaunchedBinary(["serve", "--help"])
        #expect(try await help.exitStatus() == 0)
        #expect(help.standardOutput.contains("--port"))
    }
}
