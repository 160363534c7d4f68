import AtlasJSON
import Scenarios
import Testing

@Suite struct ScenarioOverrideTests {
    private let duplicate = library.scenario(named: "duplicate-delivery")!

    @Test func validVariableOverrideIsAppliedAndRunsWithTheNewValue() async throws {
        let options = ScenarioRunOptions(
            webhookURL: hookURL, overrides: [try ScenarioOverride.parse("variables.copies=5")])
        let driver = FakeAtlasDriver(receiver: .correct)
        let report = try await ScenarioRunner(driver: driver, options: options).run([duplicate])
        #expect(report.verdict == .pass, "\(report.summaryTable())")
        #expect(driver.firedEvents.first?["faults"]?["duplicate"] == 5)
        #expect(report.results[0].steps[2].detail.hasPrefix("5 deliveries"))
    }

    @Test func overrideByStepNameAndIndexReachesTheSameValue() throws {
        let byName = try ScenarioOverride.apply(
            [try ScenarioOverride.parse("steps.change.fire.fields.change=flightNumber")], to: [duplicate])
        let byIndex = try ScenarioOverride.apply(
            [try ScenarioOverride.parse("$.steps[1].fire.fields.change=\"flightNumber\"")], to: [duplicate])
        #expect(byName[0].document == byIndex[0].document)
        #expect(
            byName[0].document[path: JSONPath.root.appending("steps").appending(1)]?["fire"]?["fields"]?[
                "change"] == "flightNumber")
    }

    @Test(arguments: [
        ("variables.copeis=5", "$.variables", "no \"copeis\" here"),
        ("steps[9].fire.type=order.void", "$.steps", "no element [9] here"),
        ("steps.nosuchstep.fire.type=order.void", "$.steps", "no \"nosuchstep\" here"),
        ("steps.change.fire.faults.drop=true", "$.steps[1].fire.faults", "no \"drop\" here"),
    ])
    func overrideOfAPathThatDoesNotExistIsRejected(argument: String, path: String, reason: String) throws {
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioOverride.apply([try ScenarioOverride.parse(argument)], to: [duplicate])
        }
        let first = try #require(error.errors.first)
        #expect(first.file == duplicate.file)
        #expect(first.path?.description == path, "\(error)")
        #expect(first.reason.contains(reason) && first.reason.contains("--set \(argument)"), "\(error)")
    }

    @Test(arguments: [
        ("variables.copies=three", "$.variables.copies", "expected integer, got \"three\""),
        ("variables.copies=2.5", "$.variables.copies", "expected integer"),
        ("steps.change.fire.fields=7", "$.steps[1].fire.fields", "expected JSON object, got \"7\""),
        ("variables.copies=0", "$.steps[1].fire.faults.duplicate", "expected 1…100, got 0 (after --set)"),
        (
            "steps.change.fire.type=order.tickted", "$.steps[1].fire.type",
            "unknown event type \"order.tickted\""
        ),
    ])
    func overrideWithAValueOfTheWrongTypeOrRangeIsRejected(argument: String, path: String, reason: String)
        throws
    {
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioOverride.apply([try ScenarioOverride.parse(argument)], to: [duplicate])
        }
        #expect(error.errors.first?.path?.description == path, "\(error)")
        #expect(error.errors.first?.reason.contains(reason) == true, "\(error)")
    }

    @Test func runnerRejectsBadOverridesBeforeFiringAnything() async throws {
        let driver = FakeAtlasDriver()
        let options = ScenarioRunOptions(
            webhookURL: hookURL, overrides: [try ScenarioOverride.parse("variables.copies=x")])
        await #expect(throws: ScenarioErrorList.self) {
            try await ScenarioRunner(driver: driver, options: options).run([duplicate])
        }
        #expect(driver.resetCount == 0)
        #expect(driver.firedEvents.isEmpty)
    }

    @Test func bareOverrideAppliesWhereThePathExistsAndMustExistSomewhere() throws {
        let burst = library.scenario(named: "burst-1000")!
        let patched = try ScenarioOverride.apply(
            [try ScenarioOverride.parse("variables.events=10")], to: [duplicate, burst])
        #expect(patched[1].variables["events"] == 10)
        #expect(patched[0].variables == duplicate.variables)
        #expect(throws: ScenarioErrorList.self) {
            try ScenarioOverride.apply(
                [try ScenarioOverride.parse("variables.nowhere=1")], to: [duplicate, burst])
        }
    }

    @Test func scenarioQualifiedOverrideTargetsOneScenarioAndNamesUnknownOnes() throws {
        let burst = library.scenario(named: "burst-1000")!
        let patched = try ScenarioOverride.apply(
            [try ScenarioOverride.parse("burst-1000:variables.events=20")], to: [duplicate, burst])
        #expect(patched[1].steps[1].label == "fire order.ticketed ×20")
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioOverride.apply(
                [try ScenarioOverride.parse("burst-100:variables.events=20")], to: [burst])
        }
        #expect(error.description.contains("no scenario named \"burst-100\""))
    }

    @Test func overrideWithoutEqualsSignIsRejected() {
        #expect(throws: ScenarioErrorList.self) { try ScenarioOverride.parse("variables.copies") }
    }
}
