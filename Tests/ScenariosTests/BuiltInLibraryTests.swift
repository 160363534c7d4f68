import AtlasJSON
import Scenarios
import Testing

/// The package's `scenarios/` folder, found from this file's path so tests run from any directory.
let libraryDirectory: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/ScenariosTests/BuiltInLibraryTests.swift
    return parts.joined(separator: "/") + "/scenarios"
}()

let library = try! ScenarioLibrary.load(directory: libraryDirectory)
let hookURL = "http://127.0.0.1:9/hook"

@Suite struct BuiltInLibraryTests {
    @Test func everyBuiltInScenarioFileLoadsAndValidates() throws {
        let files = library.scenarios.map(\.file)
        #expect(ScenarioLoader.validate(files: files).isEmpty)
        #expect(library.names.count >= 17)
        for expected in [
            "ticketing", "schedule-time-change", "flight-number-change", "two-schedule-changes",
            "flight-cancellation",
            "unaccounted-cancellation", "email-schedule-change", "void-completed", "void-rejected",
            "void-withdrawn",
            "airline-maintenance", "email-notifications", "duplicate-delivery",
            "dropped-webhook-reconciliation",
            "out-of-order-delivery", "slow-receiver", "burst-1000",
        ] {
            #expect(library.scenario(named: expected) != nil, "missing built-in scenario \(expected)")
        }
    }

    @Test(arguments: library.names)
    func builtInScenarioPassesAgainstCorrectReceiver(name: String) async throws {
        let driver = FakeAtlasDriver(receiver: .correct)
        let report = try await ScenarioRunner(
            driver: driver, options: ScenarioRunOptions(webhookURL: hookURL)
        )
        .run([library.scenario(named: name)!])
        #expect(report.verdict == .pass, "\(report.summaryTable())")
        #expect(report.exitCode == 0)
    }

    @Test(arguments: library.names, [FakeReceiver.failing, .tooSlow, .unreachable])
    func builtInScenarioFailsWithClearReasonAgainstBrokenReceiver(name: String, receiver: FakeReceiver)
        async throws
    {
        let driver = FakeAtlasDriver(receiver: receiver)
        let report = try await ScenarioRunner(
            driver: driver, options: ScenarioRunOptions(webhookURL: hookURL)
        )
        .run([library.scenario(named: name)!])
        let result = try #require(report.results.first)
        #expect(result.verdict == .fail, "\(report.summaryTable())")
        #expect(report.exitCode == 1)
        let reason = result.reason ?? ""
        let expectedWords = [
            FakeReceiver.failing: "receiver answered HTTP 500", .tooSlow: "timeout", .unreachable: "refused",
        ]
        #expect(reason.contains(expectedWords[receiver]!), "reason: \(reason)")
        #expect(reason.contains("step "), "the reason names the step: \(reason)")
        #expect(reason.contains(hookURL), "the reason names the receiver URL: \(reason)")
    }

    @Test func reconciliationPassesWhenJournalShowsGetPageListForThatOrder() async throws {
        let report = try await runReconciliation(FakeAtlasDriver.Settings(reconciles: true))
        #expect(report.verdict == .pass, "\(report.summaryTable())")
    }

    @Test func reconciliationFailsWithoutAGetPageListCall() async throws {
        let report = try await runReconciliation(FakeAtlasDriver.Settings(reconciles: false))
        #expect(report.verdict == .fail)
        let reason = try #require(report.results.first?.reason)
        #expect(reason.contains("/event/getPageList.do"), "\(reason)")
        #expect(reason.contains("within 150 ms"), "\(reason)")
        #expect(reason.contains("since step lost"), "\(reason)")
    }

    @Test func reconciliationFailsWhenGetPageListAskedAboutAnotherOrder() async throws {
        let report = try await runReconciliation(
            FakeAtlasDriver.Settings(reconciles: true, reconciledOrderNo: "TESTA20260101120000999"))
        #expect(report.verdict == .fail)
        #expect(report.results.first?.reason?.contains("(1 calls to /event/getPageList.do in all)") == true)
    }

    private func runReconciliation(_ settings: FakeAtlasDriver.Settings) async throws -> ScenarioReport {
        // A short window keeps the failing cases fast; the runner polls, it never sleeps the full window blindly.
        let options = ScenarioRunOptions(
            webhookURL: hookURL, overrides: [try ScenarioOverride.parse("variables.reconcileWithinMs=150")])
        return try await ScenarioRunner(driver: FakeAtlasDriver(settings), options: options)
            .run([library.scenario(named: "dropped-webhook-reconciliation")!])
    }

    @Test func wholeLibraryRunsAsOneReportWithResetBeforeEachScenario() async throws {
        let driver = FakeAtlasDriver(receiver: .correct)
        let report = try await library.runAll(
            driver: driver, options: ScenarioRunOptions(webhookURL: hookURL, seed: 42))
        #expect(report.results.count == library.scenarios.count)
        #expect(report.verdict == .pass, "\(report.summaryTable())")
        #expect(driver.resetCount == library.scenarios.count)
        #expect(report.summaryTable().contains("(seed 42)"))
    }

    @Test func unreachableServerIsAnErrorWithExitCode3AndStopsTheRun() async throws {
        let driver = FakeAtlasDriver(FakeAtlasDriver.Settings(serverDown: true))
        let report = try await library.runAll(
            driver: driver, options: ScenarioRunOptions(webhookURL: hookURL))
        #expect(report.verdict == .error)
        #expect(report.exitCode == 3)
        #expect(report.results.allSatisfy { $0.serverUnreachable })
        #expect(report.results.first?.reason?.contains("server unreachable") == true)
        #expect(report.results.dropFirst().allSatisfy { $0.reason?.hasPrefix("not run:") == true })
    }

    @Test func validateAcceptsTheLibraryFolderAndListingNamesEveryScenario() throws {
        #expect(ScenarioLoader.validate(files: [libraryDirectory]).isEmpty)
        let listing = try #require(library.listingJSON()["scenarios"]?.arrayValue)
        #expect(listing.compactMap { $0["name"]?.stringValue } == library.names)
        #expect(listing.first?["steps"]?.arrayValue?.first == "register")
    }

    @Test func embeddedPairsLoadLikeFiles() throws {
        let bytes = Array(#"{"name":"tiny","steps":[{"wait":{"ms":0}}]}"#.utf8)
        let embedded = try ScenarioLibrary.load(embedded: [
            ("tiny.json", bytes), ("scenario.schema.json", []),
        ])
        #expect(embedded.names == ["tiny"])
        #expect(embedded.scenario(named: "tiny")?.clientId == "sandbox")
    }
}
