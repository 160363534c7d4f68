import AtlasJSON
import Scenarios
import Synchronization
import Testing

/// A scenario made of `steps`, for behaviours the library files do not isolate.
private func inline(_ steps: String) throws -> Scenario {
    let json = #"{"name": "inline", "steps": [\#(steps)]}"#
    return try ScenarioLoader.load(bytes: Array(json.utf8), file: "inline.json")
}

private let registerStep = #"{"register": {"url": "${webhookUrl}"}}"#

private func run(
    _ scenario: Scenario, _ driver: FakeAtlasDriver, webhookURL: String? = hookURL,
    observer: @escaping @Sendable (ScenarioProgress) -> Void = { _ in }
) async throws -> ScenarioResult {
    let options = ScenarioRunOptions(webhookURL: webhookURL, maxPollInterval: .milliseconds(5))
    return try await ScenarioRunner(driver: driver, options: options, observer: observer).run([scenario])
        .results[0]
}

@Suite struct ScenarioRunnerTests {
    @Test func observerHearsStartEveryStepWithDeliveryFactsAndTheEnd() async throws {
        let seen = Mutex<[ScenarioProgress]>([])
        let result = try await run(library.scenario(named: "ticketing")!, FakeAtlasDriver()) { progress in
            seen.withLock { $0.append(progress) }
        }
        let events = seen.withLock { $0 }
        #expect(result.verdict == .pass)
        #expect(events.count == 2 + result.steps.count)
        #expect(events.first?.event == .scenarioStarted)
        guard case .stepFinished(let fire) = events[2].event else {
            Issue.record("expected the fire step second")
            return
        }
        #expect(fire.deliveryOutcome == "delivered")
        #expect(fire.httpStatus == 200)
        #expect(fire.latencyMs == 2.5)
        #expect(
            events[2].line.contains("fire order.ticketed — passed: order.ticketed 20260101120000101FAKEX"))
        #expect(events[2].line.contains("delivered HTTP 200 in 2.5 ms"))
        guard case .scenarioFinished(let finished) = events.last?.event else {
            Issue.record("expected the scenario's end last")
            return
        }
        #expect(finished == result)
    }

    @Test func deliveryExpectationPollsUntilLateRecordsAppear() async throws {
        let driver = FakeAtlasDriver(FakeAtlasDriver.Settings(deliveriesVisibleFromLook: 4))
        // A generous window: what is pinned is the number of looks, not how fast a loaded machine takes them.
        let scenario = try inline(
            registerStep
                + #", {"name": "t", "fire": {"type": "order.ticketed"}}, {"expect": {"deliveries": {"within": 60000}}}"#
        )
        let result = try await run(scenario, driver)
        #expect(result.verdict == .pass)
        #expect(driver.deliveryLooks == 4)
    }

    @Test func deliveryExpectationFailsAtItsDeadlineNamingWhatIsMissing() async throws {
        let driver = FakeAtlasDriver(FakeAtlasDriver.Settings(deliveriesVisibleFromLook: .max))
        let scenario = try inline(
            registerStep
                + #", {"name": "t", "fire": {"type": "order.ticketed"}}, {"expect": {"deliveries": {"within": 300}}}"#
        )
        let result = try await run(scenario, driver)
        #expect(result.verdict == .fail)
        #expect(result.reason?.contains("1 of 1 events never reached the receiver") == true)
        #expect(result.reason?.hasSuffix("within 300 ms") == true, "\(result.reason ?? "")")
        #expect(driver.deliveryLooks > 1)
    }

    @Test func tooManyDeliveriesFailAtOnceWithoutWaitingForTheDeadline() async throws {
        let scenario = try inline(
            registerStep
                + #", {"name": "c", "fire": {"type": "order.ticketed", "faults": {"duplicate": 3}}}, {"expect": {"deliveries": {"events": "c", "count": 2, "within": 600000}}}"#
        )
        let result = try await run(scenario, FakeAtlasDriver())
        #expect(result.verdict == .fail)
        #expect(
            result.reason?.contains("expected exactly 2 deliveries of c, got 3") == true,
            "\(result.reason ?? "")")
    }

    @Test func arrivalOrderExpectationReportsTheOrderSeen() async throws {
        let fire = { (name: String, status: Int) in
            #"{"name": "\#(name)", "fire": {"type": "order.void", "fields": {"voidStatus": \#(status)}, "faults": {"reorder": {"batch": "b", "size": 2}}}}"#
        }
        let scenario = try inline(
            [
                registerStep, fire("first", 0), fire("second", 5),
                #"{"expect": {"deliveries": {"order": ["first", "second"]}}}"#,
            ]
            .joined(separator: ", "))
        let result = try await run(scenario, FakeAtlasDriver())
        #expect(result.verdict == .fail)
        #expect(
            result.reason?.contains("deliveries arrived as second, first; expected first, second") == true)
    }

    @Test func refusedFireIsAScenarioErrorWithExitCode2() async throws {
        let driver = FakeAtlasDriver(
            FakeAtlasDriver.Settings(rejectFires: "$.orderNo: no order TESTX for client sandbox"))
        let report = try await ScenarioRunner(
            driver: driver, options: ScenarioRunOptions(webhookURL: hookURL)
        )
        .run([library.scenario(named: "ticketing")!])
        #expect(report.verdict == .error)
        #expect(report.exitCode == 2)
        #expect(
            report.results[0].reason?.contains("server rejected the request (400): $.orderNo: no order TESTX")
                == true)
        #expect(report.results[0].steps.last?.status == .skipped)
    }

    @Test func registerStepIsSkippedWithoutAWebhookURL() async throws {
        let result = try await run(library.scenario(named: "ticketing")!, FakeAtlasDriver(), webhookURL: nil)
        #expect(result.steps[0].status == .skipped)
        #expect(result.steps[0].detail.contains("keeping the URL the integrator registered"))
    }

    @Test func referenceToAMissingRunTimeValueIsAnErrorNamingIt() async throws {
        let scenario = try inline(
            registerStep
                + #", {"name": "t", "fire": {"type": "order.ticketed"}}, {"expect": {"incidents": {"query": {"eventId": "${t.incident.eventId}"}}}}"#
        )
        let result = try await run(scenario, FakeAtlasDriver())
        #expect(result.verdict == .error)
        #expect(
            result.reason?.contains(
                "inline.json: $.steps[2].expect.incidents.query.eventId: ${t.incident.eventId} refers to nothing: t.incident is null"
            ) == true, "\(result.reason ?? "")")
    }

    @Test func equalExpectationFailsShowingBothValues() async throws {
        let scenario = try inline(
            registerStep
                + #", {"name": "t", "fire": {"type": "order.ticketed"}}, {"expect": {"equal": {"actual": "${t.orderNo}", "expected": "TESTA0"}}}"#
        )
        let result = try await run(scenario, FakeAtlasDriver())
        #expect(result.verdict == .fail)
        #expect(
            result.reason?.contains(#"${t.orderNo} is "TESTA20260101120000001"; expected "TESTA0""#) == true)
    }

    @Test func clockAndWaitStepsRunAndReport() async throws {
        let scenario = try inline(
            #"{"clock": {"action": "advance", "milliseconds": 60000}}, {"wait": {"ms": 1}}"#)
        let result = try await run(scenario, FakeAtlasDriver())
        #expect(result.verdict == .pass)
        #expect(result.steps.map(\.detail) == ["clock now 2026-01-01 12:00:00.000 (frozen)", "waited 1 ms"])
    }
}
