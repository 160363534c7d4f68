import AtlasJSON
import Scenarios
import Testing

/// A scenario document with `steps` spliced in, so each case states only what it breaks.
private func document(steps: String, extra: String = "") -> String {
    #"{"name": "void", "variables": {"copies": 2}\#(extra), "steps": [\#(steps)]}"#
}

private let register = #"{"name": "register", "register": {"url": "${webhookUrl}"}}"#
private let fireVoid = #"{"name": "f", "fire": {"type": "order.void", "fields": {"voidStatus": 1}}}"#

/// One malformed file: what it contains, where the fault is, and words of the reason.
struct LoaderCase: Sendable, CustomStringConvertible {
    var description: String
    var json: String
    var path: String
    var reason: String
}

private let loaderCases: [LoaderCase] = [
    LoaderCase(
        description: "unknown top-level key",
        json: document(steps: register, extra: #", "descripton": "typo""#),
        path: "$.descripton", reason: "unknown key (expected one of:"),
    LoaderCase(
        description: "unknown key in a fire step",
        json: document(steps: #"{"fire": {"type": "order.ticketed", "fault": {"drop": true}}}"#),
        path: "$.steps[0].fire.fault", reason: "unknown key"),
    LoaderCase(
        description: "unknown key in expect.deliveries",
        json: document(steps: fireVoid + #", {"expect": {"deliveries": {"cuont": 1}}}"#),
        path: "$.steps[1].expect.deliveries.cuont", reason: "unknown key"),
    LoaderCase(
        description: "reference to a step that does not exist",
        json: document(
            steps:
                #"{"fire": {"type": "order.void", "orderNo": "${nothere.orderNo}", "fields": {"voidStatus": 1}}}"#
        ),
        path: "$.steps[0].fire.orderNo",
        reason: "unknown reference ${nothere.orderNo}: no variable, built-in or step named \"nothere\""),
    LoaderCase(
        description: "forward reference to a later step",
        json: document(
            steps:
                #"{"fire": {"type": "order.void", "orderNo": "${later.orderNo}", "fields": {"voidStatus": 1}}}, {"name": "later", "fire": {"type": "order.ticketed"}}"#
        ),
        path: "$.steps[0].fire.orderNo",
        reason: "forward reference ${later.orderNo}: step \"later\" runs later (at $.steps[1])"),
    LoaderCase(
        description: "reference to a member a fire result never has",
        json: document(
            steps: fireVoid + #", {"expect": {"incidents": {"query": {"eventId": "${f.evntId}"}}}}"#),
        path: "$.steps[1].expect.incidents.query.eventId", reason: "a fire step's result has no \"evntId\""),
    LoaderCase(
        description: "reference into a variable that has no such member",
        json: document(
            steps: #"{"fire": {"type": "order.ticketed", "faults": {"duplicate": "${copies.max}"}}}"#),
        path: "$.steps[0].fire.faults.duplicate", reason: "refers to nothing"),
    LoaderCase(
        description: "malformed reference",
        json: document(steps: #"{"register": {"url": "${webhook..Url}"}}"#),
        path: "$.steps[0].register.url", reason: "malformed reference ${webhook..Url}"),
    LoaderCase(
        description: "negative wait", json: document(steps: #"{"wait": {"ms": -5}}"#),
        path: "$.steps[0].wait.ms",
        reason: "expected 0…600000, got -5"),
    LoaderCase(
        description: "impossible void status",
        json: document(
            steps: register + ", "
                + #"{"wait": {"ms": 1}}, {"fire": {"type": "order.void", "fields": {"voidStatus": 9}}}"#),
        path: "$.steps[2].fire.fields.voidStatus", reason: "expected 0…6, got 9"),
    LoaderCase(
        description: "impossible value through a variable",
        json: document(
            steps: #"{"fire": {"type": "order.ticketed", "faults": {"duplicate": "${copies}"}}}"#, extra: ""
        )
        .replacingFirst(#""copies": 2"#, with: #""copies": 0"#),
        path: "$.steps[0].fire.faults.duplicate", reason: "expected 1…100, got 0"),
    LoaderCase(
        description: "unknown event type", json: document(steps: #"{"fire": {"type": "order.tickted"}}"#),
        path: "$.steps[0].fire.type", reason: "unknown event type \"order.tickted\""),
    LoaderCase(
        description: "missing required void status",
        json: document(steps: #"{"fire": {"type": "order.void"}}"#),
        path: "$.steps[0].fire.fields.voidStatus", reason: "missing required field"),
    LoaderCase(
        description: "orderNo on airline.status",
        json: document(
            steps:
                #"{"fire": {"type": "airline.status", "orderNo": "X", "fields": {"airline": "TO", "airlineStatus": "Active"}}}"#
        ),
        path: "$.steps[0].fire.orderNo", reason: "airline.status is not about an order"),
    LoaderCase(
        description: "wrong type for wait", json: document(steps: #"{"wait": {"ms": "10"}}"#),
        path: "$.steps[0].wait.ms",
        reason: "expected integer, got string"),
    LoaderCase(
        description: "wrong type for client", json: document(steps: register, extra: #", "client": 5"#),
        path: "$.client", reason: "expected string, got integer"),
    LoaderCase(
        description: "wrong type for a boolean fault",
        json: document(steps: #"{"fire": {"type": "order.ticketed", "faults": {"drop": "yes"}}}"#),
        path: "$.steps[0].fire.faults.drop", reason: "expected boolean, got string"),
    LoaderCase(
        description: "two actions in one step",
        json: document(steps: #"{"wait": {"ms": 1}, "clock": {"action": "freeze"}}"#),
        path: "$.steps[0]", reason: "a step has exactly one action, found wait and clock"),
    LoaderCase(
        description: "no steps", json: #"{"name": "void"}"#, path: "$.steps", reason: "missing required field"
    ),
    LoaderCase(
        description: "inline order data",
        json: document(steps: register, extra: #", "orders": [{"orderNo": "TESTA1", "segments": []}]"#),
        path: "$.orders[0].segments", reason: "inline order data is not supported"),
    LoaderCase(
        description: "events naming a step that is not a fire step",
        json: document(steps: register + #", {"expect": {"deliveries": {"events": ["register"]}}}"#),
        path: "$.steps[1].expect.deliveries.events[0]", reason: "step \"register\" is not a fire step"),
    LoaderCase(
        description: "order naming a later step",
        json: document(
            steps: fireVoid
                + #", {"expect": {"deliveries": {"order": ["f", "g"]}}}, {"name": "g", "fire": {"type": "order.ticketed"}}"#
        ),
        path: "$.steps[1].expect.deliveries.order[1]", reason: "step \"g\" runs later"),
    LoaderCase(
        description: "duplicate step names", json: document(steps: fireVoid + ", " + fireVoid),
        path: "$.steps[1].name",
        reason: "duplicate step name \"f\""),
    LoaderCase(
        description: "count with min above max",
        json: document(steps: fireVoid + #", {"expect": {"deliveries": {"count": {"min": 3, "max": 1}}}}"#),
        path: "$.steps[1].expect.deliveries.count", reason: "min 3 is greater than max 1"),
    LoaderCase(
        description: "reorder batch of one",
        json: document(
            steps: #"{"fire": {"type": "order.ticketed", "faults": {"reorder": {"batch": "b", "size": 1}}}}"#),
        path: "$.steps[0].fire.faults.reorder.size", reason: "expected 2…1000, got 1"),
    LoaderCase(
        description: "clock set to a malformed time",
        json: document(steps: #"{"clock": {"action": "set", "at": "2026-13-01 00:00:00"}}"#),
        path: "$.steps[0].clock.at",
        reason: "expected a time \"yyyy-MM-dd HH:mm:ss\""),
    LoaderCase(
        description: "unknown journal path",
        json: document(steps: #"{"expect": {"requests": {"path": "/event/getPagelist.do"}}}"#),
        path: "$.steps[0].expect.requests.path", reason: "expected one of \"/event/getPageList.do\""),
]

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}

@Suite struct ScenarioLoaderTests {
    @Test(arguments: loaderCases)
    func malformedScenarioIsRejectedNamingFilePathAndReason(_ testCase: LoaderCase) throws {
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioLoader.load(bytes: Array(testCase.json.utf8), file: "scenarios/void.json")
        }
        let first = try #require(error.errors.first)
        #expect(first.file == "scenarios/void.json")
        #expect(first.path?.description == testCase.path, "\(error)")
        #expect(first.reason.contains(testCase.reason), "\(error)")
        #expect(first.description.hasPrefix("scenarios/void.json: \(testCase.path): "))
    }

    @Test func voidStatusMessageReadsExactlyAsDocumented() throws {
        let json = document(
            steps: register
                + #", {"wait": {"ms": 1}}, {"fire": {"type": "order.void", "fields": {"voidStatus": 9}}}"#)
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioLoader.load(bytes: Array(json.utf8), file: "scenarios/void.json")
        }
        #expect(
            error.description == "scenarios/void.json: $.steps[2].fire.fields.voidStatus: expected 0…6, got 9"
        )
    }

    @Test func everyFaultInAFileIsListedNotOnlyTheFirst() throws {
        let json = document(
            steps: #"{"wait": {"ms": -1}}, {"fire": {"type": "nope"}}"#, extra: #", "bogus": 1"#)
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioLoader.load(bytes: Array(json.utf8), file: "x.json")
        }
        #expect(
            error.errors.map { $0.path?.description } == [
                "$.bogus", "$.steps[0].wait.ms", "$.steps[1].fire.type",
            ])
    }

    @Test func invalidJSONIsReportedWithLineAndColumn() throws {
        let error = try #require(throws: ScenarioErrorList.self) {
            try ScenarioLoader.load(bytes: Array("{\n  \"name\": }".utf8), file: "broken.json")
        }
        #expect(error.description.hasPrefix("broken.json: not valid JSON: line 2, column"))
    }

    @Test func validateReportsUnreadableFilesAndDuplicateNames() {
        let ticketing = libraryDirectory + "/ticketing.json"
        let errors = ScenarioLoader.validate(files: [ticketing, ticketing, "/nonexistent/x.json"])
        #expect(errors.count == 2)
        #expect(errors.contains { $0.file == "/nonexistent/x.json" && $0.reason.contains("cannot read") })
        #expect(errors.contains { $0.reason.contains("scenario name \"ticketing\" is also used by") })
    }

    @Test func referencesToEarlierStepsAndBuiltInsAreAccepted() throws {
        let json = document(
            steps: register + ", " + fireVoid
                + #", {"fire": {"type": "order.void", "orderNo": "${f.payload.data.orderNo}", "fields": {"voidStatus": 5, "message": "done for ${f.orderNo} of ${clientId}"}}}"#
                + #", {"expect": {"incidents": {"query": {"orderNo": "${orders[0]}"}, "count": 0}}}"#,
            extra: #", "orders": ["TESTA1", {"orderNo": "TESTA2"}]"#)
        let scenario = try ScenarioLoader.load(bytes: Array(json.utf8), file: "ok.json")
        #expect(scenario.orders == ["TESTA1", "TESTA2"])
        #expect(
            scenario.steps.map(\.label) == [
                "register", "fire order.void", "fire order.void", "expect incidents",
            ])
        #expect(scenario.steps[1].displayName == "f")
        #expect(scenario.steps[2].displayName == "step 3")
    }
}
