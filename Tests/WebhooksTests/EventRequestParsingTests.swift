import AtlasJSON
import Testing
import Webhooks

/// EVENT REQUEST validation: every refusal names the JSON path at fault.
@Suite struct EventRequestParsingTests {
    @Test(arguments: [
        (
            #"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":9}}"#,
            "$.fields.voidStatus: expected integer 0…6, got 9"
        ),
        (
            #"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":"2"}}"#,
            "$.fields.voidStatus: expected integer 0…6, got string"
        ),
        (
            #"{"clientId":"sandbox","type":"order.void"}"#,
            "$.fields.voidStatus: missing required field (integer 0…6)"
        ),
        (
            #"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":1,"voidCode":"2026-1"}}"#,
            #"$.fields.voidCode: expected YYYYMM-NNNN, got "2026-1""#
        ),
        (#"{"type":"order.ticketed"}"#, "$.clientId: missing required field"),
        (
            #"{"clientId":"sandbox","type":"order.scheduleChange"}"#,
            #"$.type: unknown webhook type "order.scheduleChange" (expected one of: order.ticketed, order.schedulechange, email.schedulechange, abnormal.cancelled, order.void, airline.status, email.all, order.cancelled)"#
        ),
        (
            #"{"clientId":"sandbox","type":"order.ticketed","colour":1}"#,
            "$.colour: unknown key (expected one of: clientId, faults, fields, orderNo, type, wait)"
        ),
        (
            #"{"clientId":"sandbox","type":"order.ticketed","fields":{"x":1}}"#,
            "$.fields.x: unknown key (this type takes no fields)"
        ),
        (
            #"{"clientId":"sandbox","type":"order.schedulechange","fields":{"scheduleChangeType":2,"shiftMinutes":30}}"#,
            "$.fields.shiftMinutes: only for scheduleChangeType 1; a type 2 change cancels the whole itinerary"
        ),
        (
            #"{"clientId":"sandbox","type":"order.schedulechange","fields":{"shiftMinutes":0}}"#,
            "$.fields.shiftMinutes: expected non-zero minutes within ±10080, got 0"
        ),
        (
            #"{"clientId":"sandbox","type":"order.schedulechange","fields":{"change":"gate"}}"#,
            #"$.fields.change: expected "time" or "flightNumber", got "gate""#
        ),
        (
            #"{"clientId":"sandbox","type":"abnormal.cancelled","fields":{"vendorRefundInformation":"Fully"}}"#,
            #"$.fields.vendorRefundInformation: expected "FULLY" or "CANCELLED", got "Fully""#
        ),
        (
            #"{"clientId":"sandbox","type":"airline.status","orderNo":"TESTA20260105101500123","fields":{"airline":"TO","airlineStatus":"Active"}}"#,
            "$.orderNo: airline.status is not about an order; remove orderNo"
        ),
        (
            #"{"clientId":"sandbox","type":"airline.status","fields":{"airline":["TO","toolong"],"airlineStatus":"Active"}}"#,
            #"$.fields.airline[1]: expected a two-character IATA airline code, got "toolong""#
        ),
        (
            #"{"clientId":"sandbox","type":"airline.status","fields":{"airline":"TO","airlineStatus":"Online"}}"#,
            #"$.fields.airlineStatus: expected Active, Maintenance or Inactive, got "Online""#
        ),
        (
            #"{"clientId":"sandbox","type":"email.all","fields":{"emailCategory":"Spam"}}"#,
            #"$.fields.emailCategory: unknown email category "Spam" (expected one of: Schedule change, Receipt, Payment Success, Verification, Trip Reminder, Promo code, Travel Itinerary, Advertisement, PNR Cancellation Success, Payment Due, Unidentified, Duplicated Schedule Change, Unaccounted Cancellation)"#
        ),
        (
            #"{"clientId":"sandbox","type":"order.cancelled","fields":{"errorCode":"600"}}"#,
            #"$.fields.errorCode: expected a ticketing error code (601, 602, 603, 604, 605, 606, 607, 608, 609, 610, 699), got "600""#
        ),
        (
            #"{"clientId":"sandbox","type":"order.ticketed","faults":{"duplicate":0}}"#,
            "$.faults.duplicate: expected integer 1…100, got 0"
        ),
        (
            #"{"clientId":"sandbox","type":"order.ticketed","faults":{"reorder":{"batch":"b"}}}"#,
            "$.faults.reorder.size: missing required field"
        ),
        (
            #"{"clientId":"sandbox","type":"order.ticketed","wait":"yes"}"#,
            "$.wait: expected boolean, got string"
        ),
    ])
    func parse_refusesWithPathAndReason(request: String, message: String) throws {
        let error = try #require(throws: EventRequestError.self) {
            try EventRequest.parse(try JSONValue.parse(request))
        }
        #expect(error.description == message)
        #expect(error.httpStatus == 400)
        #expect(error.json()["error"] == "invalid-event")
    }

    @Test func parse_fillsDefaults() throws {
        let request = try Fixture.request(
            #"{"clientId":"sandbox","type":"order.schedulechange","faults":{"duplicate":3,"delayMs":20,"reorder":{"batch":"b1","size":3}},"wait":true}"#
        )
        #expect(
            request.details
                == .orderScheduleChange(.time(segmentIndex: 0, shiftMinutes: 90, newFlightNumber: nil)))
        #expect(
            request.faults
                == EventFaults(duplicate: 3, delayMilliseconds: 20, reorder: .init(batch: "b1", size: 3)))
        #expect(request.wait)
        #expect(
            try Fixture.request(#"{"clientId":"s","type":"abnormal.cancelled"}"#).details
                == .abnormalCancelled(vendorRefundInformation: "FULLY"))
        #expect(
            try Fixture.request(#"{"clientId":"s","type":"email.all"}"#).details
                == .emailAll(category: "Schedule change", from: nil, to: nil, subject: nil))
        #expect(
            try Fixture.request(#"{"clientId":"s","type":"order.cancelled"}"#).details
                == .orderCancelled(errorCode: "604", errorMessage: "Payment declined by airline"))
        #expect(
            try Fixture.request(
                #"{"clientId":"s","type":"airline.status","fields":{"airline":"TO","airlineStatus":"Active"}}"#
            ).details == .airlineStatus(airlines: ["TO"], status: "Active"))
    }
}
