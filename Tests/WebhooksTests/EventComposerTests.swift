import AtlasJSON
import AtlasSandbox
import Testing
import Webhooks

/// The order state moves with the events fired, so the next event starts from what the last one said.
@Suite struct EventComposerTests {
    static let family = "TESTL20260106143012456"

    func segs(_ payload: WebhookPayload, _ key: String) -> JSONValue {
        payload.json["data"]![key]!
    }

    @Test func successiveScheduleChanges_chainPreviousToRevised_andKeepOriginal() throws {
        let (composer, book) = Fixture.composer()
        let first = try composer.compose(
            try Fixture.request(
                #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"\#(Self.family)","fields":{"shiftMinutes":45}}"#
            )
        ).payload
        let second = try composer.compose(
            try Fixture.request(
                #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"\#(Self.family)","fields":{"change":"flightNumber","segmentIndex":1,"newFlightNumber":"VJ879"}}"#
            )
        ).payload
        #expect(segs(second, "previousSegs") == segs(first, "revisedSegs"))
        #expect(segs(first, "originalSegs") == segs(first, "previousSegs"))
        #expect(segs(second, "originalSegs") == segs(first, "originalSegs"))
        #expect(segs(second, "revisedSegs").arrayValue![0]["depTime"] == "2026-04-10 20:35:00")
        #expect(segs(second, "revisedSegs").arrayValue![1]["flightNumber"] == "VJ879")
        let order = book.order(clientId: "sandbox", orderNo: Self.family)!
        #expect(order.segments.map { $0.json() } == segs(second, "revisedSegs").arrayValue!)
        #expect(order.originalSegments.map { $0.json() } == segs(first, "originalSegs").arrayValue!)
        #expect(order.scheduleChanges == 2)
    }

    @Test func scheduleChange_incident_carriesOrderFacts() throws {
        let (composer, _) = Fixture.composer()
        let event = try composer.compose(
            try Fixture.request(
                #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"\#(Self.family)"}"#))
        let incident = try #require(event.incident)
        #expect(incident.eventId == event.payload.notificationId)
        #expect(incident.eventId == event.eventId)
        #expect(incident.eventTime == Fixture.fireTime)
        #expect(incident.airline == "VJ")
        #expect(incident.depTime.text == "2026-04-10 19:50:00")
        #expect(incident.pnr == "VJ4KX8")
        #expect(incident.paxName == "NGUYEN/VAN AN,NGUYEN/THI MAI,NGUYEN/MINH KHOA,NGUYEN/BAO NGOC")
        #expect(incident.paxEmail.hasPrefix("an.nguyen@example.com,mai.nguyen@example.com"))
        #expect(incident.notified == 0)
        #expect(incident.clientCode == "TAC00001")
    }

    @Test(arguments: [
        #"{"scheduleChangeType":2}"#, "order.cancelled", "abnormal.cancelled",
    ])
    func cancellations_markTheOrderCancelled_andLaterChangesAreRefused(kind: String) throws {
        let (composer, book) = Fixture.composer()
        let text =
            kind.hasPrefix("{")
            ? #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"\#(Self.family)","fields":\#(kind)}"#
            : #"{"clientId":"sandbox","type":"\#(kind)","orderNo":"\#(Self.family)"}"#
        _ = try composer.compose(try Fixture.request(text))
        #expect(book.order(clientId: "sandbox", orderNo: Self.family)!.status == .cancelled)
        let again = try Fixture.request(
            #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"\#(Self.family)"}"#)
        #expect(throws: EventRequestError.self) { try composer.compose(again) }
        // Without an order number the next ticketed order is picked instead.
        let next = try composer.compose(
            try Fixture.request(#"{"clientId":"sandbox","type":"order.schedulechange"}"#))
        #expect(next.payload.orderNo == "TESTA20260105101500123")
    }

    @Test func voidLifecycle_refusesAJump_namingTheFieldAndAllowedNext() throws {
        let (composer, book) = Fixture.composer()
        _ = try composer.compose(
            try Fixture.request(#"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":0}}"#))
        let jump = try Fixture.request(
            #"{"clientId":"sandbox","type":"order.void","orderNo":"TESTA20260105101500123","fields":{"voidStatus":5}}"#
        )
        let error = try #require(throws: EventRequestError.self) { try composer.compose(jump) }
        #expect(error.kind == .conflict)
        #expect(error.path.description == "$.fields.voidStatus")
        #expect(
            error.reason.contains(
                "cannot move from 0 (Atlas Processing) to 5 (Completed); allowed next: 1, 3, 2, 4, 6"))
        #expect(
            book.order(clientId: "sandbox", orderNo: "TESTA20260105101500123")!.voidCase!.history == [
                .atlasProcessing
            ])
    }

    @Test func voidLifecycle_fullPath_voidsTheOrder_andAWithdrawnCaseCanBeReopened() throws {
        let (composer, book) = Fixture.composer()
        let orderNo = "TESTA20260105101500123"
        for status in [0, 1, 3, 2, 5] {
            _ = try composer.compose(
                try Fixture.request(
                    #"{"clientId":"sandbox","type":"order.void","orderNo":"\#(orderNo)","fields":{"voidStatus":\#(status)}}"#
                ))
        }
        let order = book.order(clientId: "sandbox", orderNo: orderNo)!
        #expect(order.status == .voided)
        #expect(order.voidCase!.history.map(\.rawValue) == [0, 1, 3, 2, 5])
        let other = "TESTS20260107091545789"
        var codes: [String] = []
        for status in [0, 6, 0] {
            let event = try composer.compose(
                try Fixture.request(
                    #"{"clientId":"sandbox","type":"order.void","orderNo":"\#(other)","fields":{"voidStatus":\#(status)}}"#
                ))
            codes.append(event.payload.json["data"]!["voidCode"]!.stringValue!)
        }
        #expect(codes[0] == codes[1])
        #expect(codes[2] != codes[0])
    }

    @Test func voidStatusWithoutOpenCase_isRefused() throws {
        let (composer, _) = Fixture.composer()
        let request = try Fixture.request(
            #"{"clientId":"sandbox","type":"order.void","orderNo":"TESTA20260105101500123","fields":{"voidStatus":2}}"#
        )
        let error = try #require(throws: EventRequestError.self) { try composer.compose(request) }
        #expect(
            error.description.contains("$.fields.voidStatus: order TESTA20260105101500123 has no void case"))
    }

    @Test func unknownClientAndOrder_areNotFound() throws {
        let (composer, _) = Fixture.composer()
        let client = try #require(throws: EventRequestError.self) {
            try composer.compose(try Fixture.request(#"{"clientId":"nobody","type":"order.ticketed"}"#))
        }
        #expect(client.httpStatus == 404)
        #expect(client.description == "$.clientId: unknown client \"nobody\"")
        let order = try #require(throws: EventRequestError.self) {
            try composer.compose(
                try Fixture.request(
                    #"{"clientId":"sandbox","type":"order.ticketed","orderNo":"TESTX20260101000000000"}"#))
        }
        #expect(order.kind == .unknownOrder)
        #expect(order.description == "$.orderNo: client sandbox has no order TESTX20260101000000000")
    }

    @Test func segmentIndexBeyondItinerary_isRefused() throws {
        let (composer, _) = Fixture.composer()
        let request = try Fixture.request(
            #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"TESTA20260105101500123","fields":{"segmentIndex":3}}"#
        )
        let error = try #require(throws: EventRequestError.self) { try composer.compose(request) }
        #expect(
            error.description
                == "$.fields.segmentIndex: order TESTA20260105101500123 has 1 segment(s); expected 0…0, got 3"
        )
    }

    @Test func orderBookReset_restoresFixtures() throws {
        let (composer, book) = Fixture.composer()
        _ = try composer.compose(try Fixture.request(#"{"clientId":"sandbox","type":"abnormal.cancelled"}"#))
        #expect(book.orders(clientId: "sandbox")[0].status == .cancelled)
        book.reset()
        #expect(book.orders(clientId: "sandbox") == Fixture.orders()["sandbox"])
        let json = book.json(clientId: "partner")
        #expect(json.arrayValue?.count == 3)
        #expect(json.arrayValue?[0]["void"] == .null)
        #expect(json.arrayValue?[0]["clientId"] == "partner")
    }
}
