import AtlasJSON
import AtlasSandbox
import Testing
import Webhooks

/// End to end: register, fire, and what the receiver got, byte for byte, with the faults applied.
@Suite(.timeLimit(.minutes(1))) struct WebhookDeliveryTests {
    @Test func fire_delivers_exactBytesAndAtlasHeaders_andFlipsNotified() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let harness = DeskHarness()
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let response = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.schedulechange","wait":true}"#)
        #expect(response["outcome"] == "delivered")
        let request = try #require(receiver.requests.first)
        #expect(request.body == Array(response["payloadText"]!.stringValue!.utf8))
        #expect(try JSONValue.parse(request.body) == response["payload"])
        #expect(request.target == "/hooks/atlas")
        #expect(request.header("Content-Type") == "application/json;charset=UTF-8")
        #expect(request.header("User-Agent")?.hasSuffix("Safari/537.36 Hutool") == true)
        #expect(request.header("Accept-Language") == "zh-CN,zh;q=0.8")
        #expect(request.header("Cache-Control") == "no-cache")
        #expect(request.header("Pragma") == "no-cache")
        #expect(request.header("Authorization") == nil)
        let incident = try #require(harness.sandbox.incidents(clientId: "sandbox").first)
        #expect(incident.eventId == response["notificationId"]?.stringValue)
        #expect(incident.notified == 1)
        #expect(response["incident"]?["notified"] == 1)
        let record = try #require(response["deliveries"]?.arrayValue?.first)
        #expect(record["outcome"] == "delivered")
        #expect(record["response"]?["status"] == 200)
        #expect(record["attempt"] == 1)
        #expect(record["copy"] == 1)
        #expect(record["request"]?["body"] == response["payloadText"])
        #expect(record["error"] == .null)
    }

    @Test func drop_recordsIncidentWithNotifiedZero_andSendsNothing() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let harness = DeskHarness()
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let dropped = try await harness.fire(
            #"{"clientId":"sandbox","type":"abnormal.cancelled","faults":{"drop":true},"wait":true}"#)
        #expect(dropped["outcome"] == "dropped")
        #expect(dropped["deliveries"]?.arrayValue?.map { $0["attempt"] } == [0])
        #expect(dropped["deliveries"]?.arrayValue?.first?["request"] == .null)
        // A later event arrives alone: the dropped one never went out.
        let later = try await harness.fire(#"{"clientId":"sandbox","type":"order.ticketed","wait":true}"#)
        #expect(receiver.requests.count == 1)
        #expect(receiver.requests[0].body == Array(later["payloadText"]!.stringValue!.utf8))
        let incident = try #require(harness.sandbox.incidents(clientId: "sandbox").first)
        #expect(incident.eventId == dropped["eventId"]?.stringValue)
        #expect(incident.notified == 0)
    }

    @Test func duplicate_sendsTheSameBodyNTimes() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let harness = DeskHarness()
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        let response = try await harness.fire(
            #"{"clientId":"sandbox","type":"email.schedulechange","faults":{"duplicate":3},"wait":true}"#)
        #expect(receiver.requests.count == 3)
        let ids = try receiver.requests.map { try JSONValue.parse($0.body)["notificationId"] }
        #expect(Set(ids) == [response["notificationId"]!])
        #expect(Set(receiver.requests.map(\.body)).count == 1)
        #expect(Set(response["deliveries"]!.arrayValue!.map { $0["copy"]! }) == [1, 2, 3])
    }

    @Test func reorder_releasesTheBatchInReverseOrder() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let harness = DeskHarness()
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        var ids: [JSONValue] = []
        for index in 0..<3 {
            let response = try await harness.fire(
                #"{"clientId":"sandbox","type":"order.schedulechange","faults":{"reorder":{"batch":"b1","size":3}},"wait":true}"#
            )
            #expect(response["outcome"] == (index < 2 ? "held" : "delivered"))
            ids.append(response["eventId"]!)
        }
        let arrived = try receiver.requests.map { try JSONValue.parse($0.body)["notificationId"]! }
        #expect(arrived == ids.reversed())
        #expect(harness.desk.statistics.held == 0)
    }

    @Test func noRegistration_isLoggedWithAClearError_andTheIncidentIsKept() async throws {
        let harness = DeskHarness()
        let response = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.schedulechange","wait":true}"#)
        #expect(response["outcome"] == "failed")
        #expect(response["url"] == .null)
        let error = response["deliveries"]?.arrayValue?.first?["error"]
        #expect(error?["kind"] == "no-registration")
        #expect(
            error?["message"]
                == "client sandbox has no registered webhook URL; call updateWebhookURL.do or POST /__admin/registrations"
        )
        #expect(harness.sandbox.incidents(clientId: "sandbox").first?.notified == 0)
    }

    @Test func airlineStatus_goesToTheNamedClient_withoutCid() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let harness = DeskHarness()
        harness.sandbox.register(receiver.url, clientId: "partner")
        let response = try await harness.fire(
            #"{"clientId":"partner","type":"airline.status","fields":{"airline":"VJ","airlineStatus":"Inactive"},"wait":true}"#
        )
        #expect(response["outcome"] == "delivered")
        #expect(response["orderNo"] == .null)
        #expect(try JSONValue.parse(receiver.requests[0].body)["cid"] == nil)
    }
}
