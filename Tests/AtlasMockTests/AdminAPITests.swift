import AtlasHTTP
import AtlasJSON
import AtlasSandbox
import Foundation
import Testing

@testable import AtlasMock

/// The admin API of an embedded server, driven over loopback as integrators' test suites would.
@Suite(.timeLimit(.minutes(2))) struct AdminAPITests {
    /// An embedded mock on a free port with a frozen clock and a fixed seed.
    static func makeMock(_ adjust: (inout MockConfiguration) -> Void = { _ in }) async throws -> MockServer {
        var configuration = MockConfiguration()
        configuration.port = 0
        configuration.seed = 7
        configuration.frozenClock = AtlasTime.parse("2026-03-01 10:00:00")
        configuration.requestLog = nil
        adjust(&configuration)
        return try await MockServer.start(configuration)
    }

    @Test func seedIncidents_perClientCountsLandInThatClientsStoreOnly() async throws {
        let mock = try await Self.makeMock {
            $0.seedIncidents = 3
            $0.seedIncidentsByClient = ["sandbox": 40]
        }
        defer { Task { await mock.stop() } }
        let fixtures = try await Self.makeMock()
        defer { Task { await fixtures.stop() } }
        let counts = mock.sandbox.statistics.incidentCounts
        let fixtureCounts = fixtures.sandbox.statistics.incidentCounts
        #expect(counts["sandbox"] == (fixtureCounts["sandbox"] ?? 0) + 40)
        #expect(counts["partner"] == (fixtureCounts["partner"] ?? 0) + 3)
    }

    @Test func seedIncidents_forAnUnknownClientRefusesToStart() async throws {
        await #expect {
            _ = try await Self.makeMock { $0.seedIncidentsByClient = ["nobody": 5] }
        } throws: { error in
            "\(error)".contains("--seed-incidents nobody=") && "\(error)".contains("no such client")
        }
    }

    @Test func events_fireRegisteredWebhookAndListTheIncidentAsNotified() async throws {
        let mock = try await Self.makeMock()
        let receiver = try ReferenceReceiver()
        let registered = try await TestHTTP.postJSON(
            mock.url + "/updateWebhookURL.do", ["url": .string(receiver.webhookURL)],
            headers: TestHTTP.atlasHeaders())
        #expect(registered.json == ["msg": "success", "status": 0])
        let fired = try await TestHTTP.postJSON(
            mock.url + "/__admin/events", ["clientId": "sandbox", "type": "abnormal.cancelled", "wait": true])
        #expect(fired.status == 200)
        #expect(fired.json["outcome"] == "delivered")
        let eventId = try #require(fired.json["eventId"]?.stringValue)
        #expect(receiver.received.count == 1)
        #expect(receiver.received.first?.body == Array((fired.json["payloadText"]?.stringValue ?? "").utf8))
        let page = try await TestHTTP.postJSON(
            mock.url + "/event/getPageList.do", ["eventId": .string(eventId), "pageSize": 10],
            headers: TestHTTP.atlasHeaders())
        #expect(page.json["total"] == "1")
        #expect(page.json["records"]?.arrayValue?.first?["notified"] == 1)
        let deliveries = try await TestHTTP.request(
            "GET", mock.url + "/__admin/deliveries?eventId=\(eventId)&outcome=delivered")
        #expect(try JSONValue.parse(deliveries.body)["deliveries"]?.arrayValue?.count == 1)
        await receiver.stop()
        await mock.stop()
    }

    @Test(arguments: [
        (#"{"clientId":"sandbox","type":"order.teleported"}"#, 400, "$.type"),
        (#"{"clientId":"nobody","type":"order.ticketed"}"#, 404, "nobody"),
        (
            #"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":9}}"#, 400,
            "$.fields.voidStatus"
        ),
        (#"{"clientId":"sandbox","type":"order.ticketed","surprise":1}"#, 400, "$.surprise"),
        (#"{"clientId":"sandbox","type":"order.ticketed","count":0}"#, 400, "$.count"),
        (#"{"clientId":"sandbox""#, 400, "not JSON"),
    ])
    func events_rejectBadRequestsNamingTheField(body: String, status: Int, fragment: String) async throws {
        let mock = try await Self.makeMock()
        let response = try await TestHTTP.request(
            "POST", mock.url + "/__admin/events", body: Array(body.utf8))
        #expect(response.status == status)
        #expect(String(decoding: response.body, as: UTF8.self).contains(fragment))
        await mock.stop()
    }

    @Test func burst_firesCountEventsWithTheirOwnIds() async throws {
        let mock = try await Self.makeMock()
        let receiver = try ReferenceReceiver()
        try mock.sandbox.register(url: receiver.webhookURL, clientId: "sandbox")
        let burst = try await TestHTTP.postJSON(
            mock.url + "/__admin/events",
            [
                "clientId": "sandbox", "type": "airline.status",
                "fields": ["airline": ["TO"], "airlineStatus": "Active"], "count": 50, "wait": true,
            ])
        #expect(burst.json["delivered"] == 50)
        #expect(receiver.received.count == 50)
        await receiver.stop()
        await mock.stop()
    }

    @Test func resetClockAndRegistrations_behaveAsDocumented() async throws {
        let mock = try await Self.makeMock()
        _ = try await TestHTTP.postJSON(
            mock.url + "/__admin/registrations", ["clientId": "partner", "url": "http://127.0.0.1:9/x"])
        let clients = try JSONValue.parse(
            try await TestHTTP.request("GET", mock.url + "/__admin/clients").body)
        let partner = clients["clients"]?.arrayValue?.first { $0["clientId"] == "partner" }
        #expect(partner?["webhookUrl"] == "http://127.0.0.1:9/x")
        #expect(!clients.compactText.contains("secret"), "secrets never leave the mock")

        let advanced = try await TestHTTP.postJSON(
            mock.url + "/__admin/clock", ["action": "advance", "milliseconds": 90_000])
        #expect(advanced.json["now"] == "2026-03-01 10:01:30.000")
        #expect(advanced.json["frozen"] == true)
        let bad = try await TestHTTP.postJSON(mock.url + "/__admin/clock", ["action": "rewind"])
        #expect(bad.status == 400)

        let reset = try await TestHTTP.postJSON(mock.url + "/__admin/reset", [:])
        #expect(reset.status == 200)
        #expect(mock.sandbox.registration(clientId: "partner") == nil)
        await mock.stop()
    }

    @Test func adminToken_isRequiredEverywhereButHealth() async throws {
        let mock = try await Self.makeMock { $0.adminToken = "s3cret-token" }
        #expect(try await TestHTTP.request("GET", mock.url + "/__admin/health").status == 200)
        #expect(try await TestHTTP.request("GET", mock.url + "/__admin/clients").status == 401)
        #expect(
            try await TestHTTP.request(
                "GET", mock.url + "/__admin/clients", headers: ["Authorization": "Bearer wrong"]
            ).status == 401)
        #expect(
            try await TestHTTP.request(
                "GET", mock.url + "/__admin/clients", headers: ["Authorization": "Bearer s3cret-token"]
            ).status == 200)
        await mock.stop()
    }

    @Test func incidents_addedAtRunTimeAreListedAndBadRecordsNamed() async throws {
        let mock = try await Self.makeMock()
        let record: JSONValue = [
            "eventId": "20260301100000000ABCDE", "orderNo": "TESTA20260101000000000",
            "eventType": "order.schedulechange",
            "eventStatus": 0, "eventTime": "2026-03-01 10:00:00", "createTime": "2026-03-01 10:00:00",
            "airline": "SQ",
            "depTime": "2026-04-01 08:00:00", "pnr": "ABC123", "paxName": "TAN/WEI",
            "paxEmail": "a@example.com",
        ]
        let added = try await TestHTTP.postJSON(
            mock.url + "/__admin/incidents", ["clientId": "partner", "incidents": [record]])
        #expect(added.status == 201)
        let listed = try await TestHTTP.request(
            "GET", mock.url + "/__admin/incidents?clientId=partner&eventId=20260301100000000ABCDE")
        #expect(try JSONValue.parse(listed.body)["total"] == "1")
        let invisible = try await TestHTTP.request(
            "GET", mock.url + "/__admin/incidents?clientId=sandbox&eventId=20260301100000000ABCDE")
        #expect(try JSONValue.parse(invisible.body)["total"] == "0", "another client never sees it")
        var broken = record.objectValue!
        broken["eventTime"] = "yesterday"
        let rejected = try await TestHTTP.postJSON(
            mock.url + "/__admin/incidents", ["clientId": "partner", "incidents": [.object(broken)]])
        #expect(rejected.status == 400)
        #expect(rejected.json["message"]?.stringValue?.contains("eventTime") == true)
        await mock.stop()
    }

    @Test func scenarioRuns_reportThroughTheAdminAPI() async throws {
        let mock = try await Self.makeMock()
        let receiver = try ReferenceReceiver()
        let run = try await TestHTTP.postJSON(
            mock.url + "/__admin/scenarios/ticketing/run", ["webhookUrl": .string(receiver.webhookURL)])
        #expect(run.json["report"]?["verdict"] == "pass")
        let id = try #require(run.json["id"]?.stringValue)
        let stored = try JSONValue.parse(
            try await TestHTTP.request("GET", mock.url + "/__admin/runs/\(id)").body)
        #expect(stored["status"] == "finished")
        #expect(try await TestHTTP.request("POST", mock.url + "/__admin/scenarios/nope/run").status == 404)
        let listing = try JSONValue.parse(
            try await TestHTTP.request("GET", mock.url + "/__admin/scenarios").body)
        #expect(listing.compactText.contains("ticketing"))
        await receiver.stop()
        await mock.stop()
    }

    @Test func triggerCommand_exitsZeroWhenDeliveredAndOneWhenNot() async throws {
        let mock = try await Self.makeMock()
        let receiver = try ReferenceReceiver()
        try mock.sandbox.register(url: receiver.webhookURL, clientId: "sandbox")
        let delivered = try LaunchedBinary([
            "trigger", "order.void", "--server", mock.url, "--field", "voidStatus=0",
        ])
        #expect(try await delivered.exitStatus() == 0, "\(delivered.standardError)")
        #expect(delivered.standardOutput.contains("outcome: delivered"))
        #expect(delivered.standardOutput.contains("\"type\":\"order.void\""))
        try mock.sandbox.register(url: "http://127.0.0.1:1/closed", clientId: "sandbox")
        let failed = try LaunchedBinary(["trigger", "order.ticketed", "--server", mock.url])
        #expect(try await failed.exitStatus() == 1)
        #expect(failed.standardOutput.contains("refused"))
        let unreachable = try LaunchedBinary(["trigger", "order.ticketed", "--server", "http://127.0.0.1:1"])
        #expect(try await unreachable.exitStatus() == 3)
        await receiver.stop()
        await mock.stop()
    }
}
