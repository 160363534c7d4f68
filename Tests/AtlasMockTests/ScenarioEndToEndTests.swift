import AtlasJSON
import AtlasSandbox
import Foundation
import FoundationXML
import Scenarios
import Testing

@testable import AtlasMock

/// The built-in library run against a real in-process mock over loopback, as `atlas-mock run` does.
@Suite(.serialized, .timeLimit(.minutes(3))) struct ScenarioEndToEndTests {
    @Test func library_passesAgainstTheReferenceReceiver() async throws {
        var session = ScenarioSession()
        session.seed = 3
        let report = try await session.run(select: { $0.scenarios }, observer: { _ in })
        for result in report.results {
            #expect(result.verdict == .pass, "\(result.name): \(result.reason ?? "")")
        }
        #expect(report.results.count >= 17)
        #expect(report.exitCode == 0)
    }

    /// A broken receiver of each kind, the fragment every failure reason must carry, and the webhook
    /// deadline the mock runs with.
    enum BrokenReceiver: String, CaseIterable, Sendable {
        case answers500, tooSlow, unreachable
    }

    @Test(arguments: BrokenReceiver.allCases)
    func library_failsWithAClearReasonAgainstABrokenReceiver(_ kind: BrokenReceiver) async throws {
        var session = ScenarioSession()
        session.mockConfiguration.webhookTimeout = .milliseconds(100)
        var receiver: ReferenceReceiver?
        switch kind {
        case .answers500: receiver = try ReferenceReceiver(status: 500)
        case .tooSlow: receiver = try ReferenceReceiver(delay: .milliseconds(400))
        case .unreachable: break
        }
        session.webhookURL = receiver?.webhookURL ?? "http://127.0.0.1:1/atlas/webhook"
        let report = try await session.run(select: { $0.scenarios }, observer: { _ in })
        await receiver?.stop()
        let expected = ["answers500": "500", "tooSlow": "timeout", "unreachable": "refused"][kind.rawValue]!
        for result in report.results {
            #expect(result.verdict == .fail, "\(result.name) should fail against \(kind)")
            let reason = result.reason ?? ""
            let clear =
                reason.contains(expected) || reason.contains("getPageList")
                || reason.contains("/event/getPageList.do")
            #expect(clear, "\(result.name): unclear reason '\(reason)'")
        }
        #expect(report.exitCode == 1)
    }

    @Test func sameSeed_givesByteIdenticalWebhookBodies() async throws {
        func bodies() async throws -> [[UInt8]] {
            let receiver = try ReferenceReceiver()
            var session = ScenarioSession()
            session.seed = 42
            session.webhookURL = receiver.webhookURL
            let names = [
                "ticketing", "two-schedule-changes", "void-completed", "email-notifications",
                "unaccounted-cancellation",
            ]
            let report = try await session.run(
                select: { library in names.compactMap { library.scenario(named: $0) } }, observer: { _ in })
            #expect(report.exitCode == 0)
            let received = receiver.received.map(\.body)
            await receiver.stop()
            return received
        }
        let first = try await bodies()
        let second = try await bodies()
        #expect(first.count >= 10)
        #expect(first == second, "two runs with --seed 42 sent different bytes")
    }

    @Test func runCommand_writesWellFormedJUnitAndExitsOneOnFailure() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "atlas-mock-junit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passing = folder.appendingPathComponent("pass.xml").path
        let run = try LaunchedBinary([
            "run", "ticketing", "schedule-time-change", "--quiet", "--seed", "1", "--report-junit", passing,
        ])
        #expect(try await run.exitStatus(timeout: .seconds(60)) == 0)
        #expect(try JUnitCounts(path: passing) == JUnitCounts(tests: 2, failures: 0, errors: 0))

        let failing = folder.appendingPathComponent("fail.xml").path
        let json = folder.appendingPathComponent("fail.json").path
        let broken = try LaunchedBinary([
            "run", "ticketing", "--quiet", "--webhook-url", "http://127.0.0.1:1/hook", "--report-junit",
            failing,
            "--report-json", json,
        ])
        #expect(try await broken.exitStatus(timeout: .seconds(60)) == 1)
        #expect(try JUnitCounts(path: failing) == JUnitCounts(tests: 1, failures: 1, errors: 0))
        let report = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: json))))
        #expect(report.compactText.contains("refused"))
    }

    @Test(arguments: [
        (["run", "no-such-scenario"], 2),
        (["run"], 2),
        (["run", "ticketing", "--set", "steps[99].fire.type=x"], 2),
        (["run", "ticketing", "--server", "http://127.0.0.1:1"], 3),
        (["validate", "/nonexistent/scenario.json"], 2),
    ])
    func runCommand_exitCodesNameTheCause(arguments: [String], status: Int) async throws {
        let binary = try LaunchedBinary(arguments)
        #expect(try await binary.exitStatus(timeout: .seconds(60)) == Int32(status))
        #expect(!binary.standardError.isEmpty)
    }

    @Test func validateCommand_acceptsTheBuiltInLibrary() async throws {
        let root = EmbeddedDefaultsTests.root.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            $0.hasSuffix(".json") && !$0.contains("schema")
        }
        let binary = try LaunchedBinary(["validate"] + files.map { root.appendingPathComponent($0).path })
        #expect(try await binary.exitStatus() == 0, "\(binary.standardError)")
    }
}

/// Test, failure and error counts read back from a JUnit XML file with a real XML parser.
struct JUnitCounts: Equatable, CustomStringConvertible {
    var tests = 0
    var failures = 0
    var errors = 0

    init(tests: Int, failures: Int, errors: Int) {
        self.tests = tests
        self.failures = failures
        self.errors = errors
    }

    init(path: String) throws {
        final class Counter: NSObject, XMLParserDelegate {
            var counts = JUnitCounts(tests: 0, failures: 0, errors: 0)
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                switch name {
                case "testcase": counts.tests += 1
                case "failure": counts.failures += 1
                case "error": counts.errors += 1
                default: break
                }
            }
        }
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        let counter = Counter()
        parser.delegate = counter
        guard parser.parse() else {
            throw LaunchError(
                message: "\(path) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        self = counter.counts
    }

    var description: String { "\(tests) tests, \(failures) failures, \(errors) errors" }
}
