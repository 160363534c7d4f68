import AtlasJSON
import AtlasSandbox
import Testing
import Webhooks

/// The desk's bookkeeping: log bounds and filters, the in-flight limit, reset, shutdown, statistics,
/// and the real `Sandbox` as incident store.
@Suite(.timeLimit(.minutes(1))) struct WebhookDeskTests {
    @Test func deliveryLog_isBounded_countsEvictions_andFilters() async throws {
        let harness = DeskHarness(
            configuration: DispatcherConfiguration(deliveryLogCapacity: 3), transport: StubTransport())
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "sandbox")
        for _ in 0..<4 {
            _ = try await harness.fire(#"{"clientId":"sandbox","type":"order.schedulechange","wait":true}"#)
        }
        _ = try await harness.fire(#"{"clientId":"partner","type":"order.ticketed","wait":true}"#)
        let all = harness.desk.deliveries()
        #expect(all.records.count == 3)
        #expect(all.evicted == 2)
        #expect(all.records.map { $0["sequence"]!.intValue! } == [3, 4, 5])
        #expect(harness.desk.deliveries(filter: DeliveryFilter(clientId: "partner")).records.count == 1)
        #expect(
            harness.desk.deliveries(filter: DeliveryFilter(outcome: .failed)).records.map { $0["clientId"] }
                == ["partner"])
        #expect(
            harness.desk.deliveries(filter: DeliveryFilter(type: .orderScheduleChange, outcome: .delivered))
                .records.count == 2)
        let last = try #require(all.records.last)
        #expect(
            harness.desk.deliveries(filter: DeliveryFilter(eventId: last["eventId"]!.stringValue!)).records
                .count == 1)
        #expect(harness.desk.deliveriesJSON()["evicted"] == 2)
        #expect(harness.desk.statistics.evicted == 2)
    }

    @Test func inFlightLimit_capsConcurrentAttempts() async throws {
        let stub = StubTransport(delay: .milliseconds(20))
        let harness = DeskHarness(configuration: DispatcherConfiguration(maxInFlight: 3), transport: stub)
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "partner")
        let response = try await harness.fire(
            #"{"clientId":"partner","type":"airline.status","fields":{"airline":"AK","airlineStatus":"Active"},"faults":{"duplicate":12},"wait":true}"#
        )
        #expect(response["outcome"] == "delivered")
        #expect(stub.sent == 12)
        #expect(stub.peakConcurrency == 3)
        #expect(harness.desk.statistics.inFlight == 0)
        #expect(harness.desk.statistics.delivered == 12)
    }

    @Test func delay_holdsTheSendForRealTime() async throws {
        let harness = DeskHarness(transport: StubTransport())
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "sandbox")
        let start = ContinuousClock.now
        let response = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.ticketed","faults":{"delayMs":120},"wait":true}"#)
        #expect(ContinuousClock.now - start >= .milliseconds(120))
        #expect(response["outcome"] == "delivered")
    }

    @Test func withoutWait_answersPending_andTheAttemptLandsInTheLog() async throws {
        let harness = DeskHarness(transport: StubTransport(delay: .milliseconds(30)))
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "sandbox")
        let response = try await harness.fire(#"{"clientId":"sandbox","type":"email.schedulechange"}"#)
        #expect(response["outcome"] == "pending")
        #expect(response["incident"]?["notified"] == 0)
        let deadline = ContinuousClock.now + .seconds(5)
        while harness.desk.deliveries().records.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(harness.desk.deliveries().records.first?["outcome"] == "delivered")
        #expect(harness.sandbox.incidents(clientId: "sandbox").first?.notified == 1)
    }

    @Test func reset_restoresOrders_emptiesLog_andForgetsHeldBatches() async throws {
        let harness = DeskHarness(transport: StubTransport())
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "sandbox")
        _ = try await harness.fire(#"{"clientId":"sandbox","type":"abnormal.cancelled","wait":true}"#)
        _ = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.ticketed","faults":{"reorder":{"batch":"r","size":2}}}"#)
        #expect(harness.desk.statistics.held == 1)
        harness.desk.reset()
        #expect(harness.desk.deliveries().records.isEmpty)
        #expect(harness.desk.statistics.held == 0)
        #expect(harness.book.orders(clientId: "sandbox")[0].status == .ticketed)
    }

    @Test func shutdown_waitsForInFlight_thenRefusesNewEvents() async throws {
        let stub = StubTransport(delay: .milliseconds(50))
        let harness = DeskHarness(transport: stub)
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "sandbox")
        _ = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.ticketed","faults":{"duplicate":4}}"#)
        await harness.desk.shutdown()
        #expect(stub.sent == 4)
        #expect(stub.isShutDown)
        await #expect(throws: EventRequestError.self) {
            _ = try await harness.fire(#"{"clientId":"sandbox","type":"order.ticketed"}"#)
        }
    }

    @Test func shutdown_cancelsWhatOutlastsTheGracePeriod() async throws {
        let stub = StubTransport(delay: .seconds(3))
        let harness = DeskHarness(
            configuration: DispatcherConfiguration(maxInFlight: 2, shutdownGrace: .milliseconds(100)),
            transport: stub)
        harness.sandbox.register("http://127.0.0.1:1/hook", clientId: "sandbox")
        _ = try await harness.fire(
            #"{"clientId":"sandbox","type":"order.ticketed","faults":{"duplicate":20}}"#)
        let start = ContinuousClock.now
        await harness.desk.shutdown()
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(stub.sent <= 2)
    }

    @Test func extraHeaders_areSentToThatClientOnly() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let harness = DeskHarness(
            configuration: DispatcherConfiguration(extraHeaders: [
                "partner": [("Authorization", "Basic dTpw")]
            ]))
        harness.sandbox.register(receiver.url, clientId: "partner")
        harness.sandbox.register(receiver.url, clientId: "sandbox")
        _ = try await harness.fire(#"{"clientId":"partner","type":"order.ticketed","wait":true}"#)
        _ = try await harness.fire(#"{"clientId":"sandbox","type":"order.ticketed","wait":true}"#)
        #expect(receiver.requests.map { $0.header("Authorization") } == ["Basic dTpw", nil])
    }

    @Test func realSandbox_getPageListReturnsTheFiredIncident_notified() async throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let clock = AtlasClock(frozenAt: Fixture.fireTime)
        let identifiers = IdentifierGenerator(seed: 1)
        let sandbox = Sandbox(
            configuration: SandboxConfiguration(clients: [
                AtlasClient(clientId: "sandbox", clientSecret: "s3cret", cid: "TAC00001")
            ]),
            clock: clock, identifiers: identifiers)
        try sandbox.register(url: receiver.url, clientId: "sandbox")
        let desk = WebhookDesk(
            sandbox: sandbox, orders: OrderBook(fixtures: Fixture.orders()), clock: clock,
            identifiers: identifiers,
            transport: SchemeRoutedTransport.standard())
        let response = try await desk.fire(
            try JSONValue.parse(#"{"clientId":"sandbox","type":"order.schedulechange","wait":true}"#))
        #expect(response["outcome"] == "delivered")
        #expect(try JSONValue.parse(receiver.requests[0].body)["cid"] == "TAC00001")
        let page = sandbox.query(
            IncidentQuery(eventId: response["eventId"]?.stringValue), clientId: "sandbox")
        let incident = try #require(page.incidents.first)
        #expect(incident.notified == 1)
        #expect(incident.eventType == "order.schedulechange")
        #expect(incident.pnr == "K7QG2M")
        #expect(incident.depTime.text == "2026-03-02 08:05:00")
        #expect(incident.eventTime == Fixture.fireTime)
        #expect(response["incident"]?["notified"] == 1)
        #expect(response["incident"]?["eventId"] == response["eventId"])
    }
}
