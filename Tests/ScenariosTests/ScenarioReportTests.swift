import AtlasJSON
import Foundation
import FoundationXML
import Scenarios
import Testing

/// Counts elements and collects attributes while parsing, failing on any XML error.
private final class JUnitReader: NSObject, XMLParserDelegate {
    var testcases: [[String: String]] = []
    var failures: [[String: String]] = []
    var errors: [[String: String]] = []
    var suites: [[String: String]] = []
    var failureText = ""
    private var inFailure = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testcase": testcases.append(attributes)
        case "failure":
            failures.append(attributes)
            inFailure = true
        case "error": errors.append(attributes)
        case "testsuite": suites.append(attributes)
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        if name == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }

    static func read(_ xml: String) -> (JUnitReader, Bool) {
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        let ok = parser.parse()
        return (reader, ok)
    }
}

private func result(_ name: String, _ verdict: ScenarioVerdict, reason: String? = nil) -> ScenarioResult {
    ScenarioResult(
        name: name, file: "scenarios/\(name).json", description: "", verdict: verdict, reason: reason,
        serverUnreachable: false,
        steps: [
            StepResult(
                index: 0, name: "f", label: "fire order.void", status: verdict == .pass ? .passed : .failed,
                detail: reason ?? "ok", startedAtMs: 0, durationMs: 1.5)
        ], durationMs: 12.5)
}

@Suite struct ScenarioReportTests {
    @Test func junitXMLIsWellFormedWithOneTestcasePerScenarioAndRightCounts() {
        let report = ScenarioReport(
            results: [
                result("ticketing", .pass), result("void-rejected", .fail, reason: "HTTP 500"),
                result("burst", .error, reason: "bad input"),
            ], seed: 7, durationMs: 40)
        let (reader, ok) = JUnitReader.read(report.junitXML())
        #expect(ok)
        #expect(reader.testcases.map { $0["name"] } == ["ticketing", "void-rejected", "burst"])
        #expect(reader.failures.count == 1)
        #expect(reader.errors.count == 1)
        #expect(reader.suites.first?["tests"] == "3")
        #expect(reader.suites.first?["failures"] == "1")
        #expect(reader.suites.first?["errors"] == "1")
        #expect(reader.failures.first?["message"] == "HTTP 500")
    }

    @Test func junitXMLEscapesMarkupQuotesAndControlCharacters() {
        let nasty = "receiver said <b>\"no\" & 'never'</b>\u{01}\nline two"
        let report = ScenarioReport(
            results: [result("a&b<c>", .fail, reason: nasty)], seed: nil, durationMs: 1)
        let xml = report.junitXML()
        #expect(!xml.contains("<b>"))
        let (reader, ok) = JUnitReader.read(xml)
        #expect(ok)
        #expect(reader.testcases.first?["name"] == "a&b<c>")
        #expect(
            reader.failures.first?["message"] == "receiver said <b>\"no\" & 'never'</b>\u{FFFD}\nline two")
        #expect(reader.failureText.contains("<b>\"no\" & 'never'</b>"))
    }

    @Test func exitCodesFollowTheWorstVerdictAndUnreachableWins() {
        #expect(ScenarioReport(results: [result("a", .pass)], seed: nil, durationMs: 0).exitCode == 0)
        #expect(
            ScenarioReport(results: [result("a", .pass), result("b", .fail)], seed: nil, durationMs: 0)
                .exitCode == 1)
        #expect(
            ScenarioReport(results: [result("a", .error), result("b", .fail)], seed: nil, durationMs: 0)
                .exitCode == 2)
        var unreachable = result("c", .error, reason: "server unreachable")
        unreachable.serverUnreachable = true
        #expect(
            ScenarioReport(results: [result("a", .fail), unreachable], seed: nil, durationMs: 0).exitCode == 3
        )
    }

    @Test func jsonReportCarriesVerdictTotalsAndSteps() throws {
        let report = ScenarioReport(
            results: [result("ticketing", .pass), result("void", .fail, reason: "HTTP 500")], seed: 42,
            durationMs: 3)
        let json = try JSONValue.parse(report.json().compactText)
        #expect(json["verdict"] == "fail")
        #expect(json["exitCode"] == 1)
        #expect(json["seed"] == "42")
        #expect(json["totals"] == ["scenarios": 2, "passed": 1, "failed": 1, "errors": 0])
        #expect(json["scenarios"]?.arrayValue?[1]["reason"] == "HTTP 500")
        #expect(json["scenarios"]?.arrayValue?[0]["steps"]?.arrayValue?.first?["label"] == "fire order.void")
    }

    @Test func summaryTableListsEveryScenarioReasonsAndTotals() {
        let table = ScenarioReport(
            results: [result("ticketing", .pass), result("void", .fail, reason: "HTTP 500")], seed: 42,
            durationMs: 3
        ).summaryTable()
        #expect(table.contains("ticketing  pass"))
        #expect(table.contains("void       FAIL"))
        #expect(table.contains("void: HTTP 500"))
        #expect(table.contains("1 passed, 1 failed, 0 errors in 3 ms (seed 42)"))
    }

    @Test func libraryRunAgainstFailingReceiverProducesJUnitWithEveryFailure() async throws {
        let report = try await library.runAll(
            driver: FakeAtlasDriver(receiver: .failing), options: ScenarioRunOptions(webhookURL: hookURL))
        let (reader, ok) = JUnitReader.read(report.junitXML())
        #expect(ok)
        #expect(reader.testcases.count == library.scenarios.count)
        #expect(reader.failures.count == library.scenarios.count)
        #expect(reader.failures.allSatisfy { $0["message"]?.contains("HTTP 500") == true })
    }
}
