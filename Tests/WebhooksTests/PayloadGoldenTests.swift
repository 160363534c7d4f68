import AtlasJSON
import AtlasSandbox
import Testing
import Webhooks

/// Exact body bytes of every webhook type, with seed 1 and the clock frozen at 2026-01-15 10:00:00 (UTC+8).
///
/// A change here changes what integrators receive: update a golden only on purpose.
@Suite struct PayloadGoldenTests {
    static let cases: [(request: String, golden: String)] = [
        (
            #"{"clientId":"sandbox","type":"order.ticketed","orderNo":"TESTL20260106143012456"}"#,
            #"{"cid":"TAC00001","data":{"orderNo":"TESTL20260106143012456","orderStatus":2,"paxTicketInfos":[{"airlinePNRs":["VJ4KX8"],"ancillaries":[],"birthday":"19820704","cardExpired":"20320115","cardIssuePlace":"VN","cardNum":"C8721493","cardType":"PP","gender":"M","name":"NGUYEN/VAN AN","nationality":"VN","passengerType":0,"ticketNos":["VJ4KX8"]},{"airlinePNRs":["VJ4KX8"],"ancillaries":[],"birthday":"19840921","cardExpired":"20320115","cardIssuePlace":"VN","cardNum":"C8721494","cardType":"PP","gender":"F","name":"NGUYEN/THI MAI","nationality":"VN","passengerType":0,"ticketNos":["VJ4KX8"]},{"airlinePNRs":["VJ4KX8"],"ancillaries":[],"birthday":"20170302","cardExpired":"20290302","cardIssuePlace":"VN","cardNum":"C9055127","cardType":"PP","gender":"M","name":"NGUYEN/MINH KHOA","nationality":"VN","passengerType":1,"ticketNos":["VJ4KX8"]},{"airlinePNRs":["VJ4KX8"],"ancillaries":[],"birthday":"20250418","cardExpired":"20300418","cardIssuePlace":"VN","cardNum":"C9988410","cardType":"PP","gender":"F","name":"NGUYEN/BAO NGOC","nationality":"VN","passengerType":2,"ticketNos":["VJ4KX8"]}]},"status":-1,"type":"order.ticketed"}"#
        ),
        (
            #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"TESTL20260106143012456","fields":{"segmentIndex":1}}"#,
            #"{"cid":"TAC00001","data":{"orderNo":"TESTL20260106143012456","originalSegs":[{"arrAirport":"SGN","arrTerminal":"2","arrTime":"2026-04-10 21:30:00","carrier":"VJ","codeShare":false,"depAirport":"HKG","depTerminal":"1","depTime":"2026-04-10 19:50:00","direction":1,"flightNumber":"VJ877"},{"arrAirport":"HKG","arrTerminal":"1","arrTime":"2026-04-18 18:50:00","carrier":"VJ","codeShare":false,"depAirport":"SGN","depTerminal":"2","depTime":"2026-04-18 14:55:00","direction":2,"flightNumber":"VJ876"}],"previousSegs":[{"arrAirport":"SGN","arrTerminal":"2","arrTime":"2026-04-10 21:30:00","carrier":"VJ","codeShare":false,"depAirport":"HKG","depTerminal":"1","depTime":"2026-04-10 19:50:00","direction":1,"flightNumber":"VJ877"},{"arrAirport":"HKG","arrTerminal":"1","arrTime":"2026-04-18 18:50:00","carrier":"VJ","codeShare":false,"depAirport":"SGN","depTerminal":"2","depTime":"2026-04-18 14:55:00","direction":2,"flightNumber":"VJ876"}],"revisedSegs":[{"arrAirport":"SGN","arrTerminal":"2","arrTime":"2026-04-10 21:30:00","carrier":"VJ","codeShare":false,"depAirport":"HKG","depTerminal":"1","depTime":"2026-04-10 19:50:00","direction":1,"flightNumber":"VJ877"},{"arrAirport":"HKG","arrTerminal":"1","arrTime":"2026-04-18 20:20:00","carrier":"VJ","codeShare":false,"depAirport":"SGN","depTerminal":"2","depTime":"2026-04-18 16:25:00","direction":2,"flightNumber":"VJ876"}],"scheduleChangeType":1},"notificationId":"20260115100000000SNOKS","status":0,"type":"order.schedulechange"}"#
        ),
        (
            #"{"clientId":"sandbox","type":"order.schedulechange","orderNo":"TESTS20260107091545789","fields":{"scheduleChangeType":2}}"#,
            #"{"cid":"TAC00001","data":{"orderNo":"TESTS20260107091545789","originalSegs":[{"arrAirport":"SIN","arrTerminal":"1","arrTime":"2026-03-20 12:05:00","carrier":"TR","codeShare":false,"depAirport":"BKK","depTerminal":"","depTime":"2026-03-20 08:40:00","direction":1,"flightNumber":"TR609"},{"arrAirport":"MEL","arrTerminal":"2","arrTime":"2026-03-21 00:25:00","carrier":"TR","codeShare":false,"depAirport":"SIN","depTerminal":"1","depTime":"2026-03-20 14:15:00","direction":1,"flightNumber":"TR24"}],"previousSegs":[{"arrAirport":"SIN","arrTerminal":"1","arrTime":"2026-03-20 12:05:00","carrier":"TR","codeShare":false,"depAirport":"BKK","depTerminal":"","depTime":"2026-03-20 08:40:00","direction":1,"flightNumber":"TR609"},{"arrAirport":"MEL","arrTerminal":"2","arrTime":"2026-03-21 00:25:00","carrier":"TR","codeShare":false,"depAirport":"SIN","depTerminal":"1","depTime":"2026-03-20 14:15:00","direction":1,"flightNumber":"TR24"}],"revisedSegs":[],"scheduleChangeType":2},"notificationId":"20260115100000000SNOKS","status":0,"type":"order.schedulechange"}"#
        ),
        (
            #"{"clientId":"sandbox","type":"email.schedulechange"}"#,
            #"{"cid":"TAC00001","data":{"emailLink":"https://theatlas/#/email-detail/2292148","emailReceivingDate":"2026-01-15 09:59:56","emailSubject":"IMPORTANT: Flight schedule change notice. Confirmation Code K7QG2M","orderNo":"TESTA20260105101500123"},"notificationId":"20260115100000000SNOKS","status":0,"type":"email.schedulechange"}"#
        ),
        (
            #"{"clientId":"sandbox","type":"abnormal.cancelled","fields":{"vendorRefundInformation":"CANCELLED"}}"#,
            #"{"cid":"TAC00001","data":{"orderNo":"TESTA20260105101500123","vendorRefundInformation":"CANCELLED"},"notificationId":"20260115100000000SNOKS","status":0,"type":"abnormal.cancelled"}"#
        ),
        (
            #"{"clientId":"sandbox","type":"order.void","fields":{"voidStatus":0}}"#,
            #"{"cid":"TAC00001","data":{"message":"Void request accepted. Atlas is processing it.","orderNo":"TESTA20260105101500123","voidCode":"202601-0001","voidStatus":0},"status":-1,"type":"order.void"}"#
        ),
        (
            #"{"clientId":"sandbox","type":"airline.status","fields":{"airline":["TO","HV"],"airlineStatus":"Maintenance"}}"#,
            #"{"data":{"airline":["TO","HV"],"airlineStatus":"Maintenance"},"status":-1,"type":"airline.status"}"#
        ),
        (
            #"{"clientId":"partner","type":"email.all","fields":{"emailCategory":"Payment Success"}}"#,
            #"{"cid":"ZVM98377_api_1","data":{"createTime":"2026-01-15 09:59:56","emailCategory":"Payment Success","emailLink":"http://order-oss-sg.oss-ap-southeast-1.aliyuncs.com/2026/01/216d8efea9e17017795636dcf0e66a33.eml?Expires=1768442996","emailReceivingDate":"2026-01-15 09:59:51","emailSubject":"Payment received. Booking reference: CX8M4N","from":"noreply@cathaypacific.com","orderNo":"TESTA20260109084512345","to":"LZTHGMWEQRYSAD@gorn.top","uniqueCode":"216d8efea9e17017795636dcf0e66a33"},"notificationId":"20260115100000000SNOKS","status":-1,"type":"email.all"}"#
        ),
        (
            #"{"clientId":"partner","type":"order.cancelled"}"#,
            #"{"cid":"ZVM98377_api_1","data":{"errorCode":"604","errorMessage":"Payment declined by airline","orderNo":"TESTA20260109084512345","orderStatus":-3},"status":-1,"type":"order.cancelled"}"#
        ),
    ]

    @Test(arguments: cases)
    func payload_matchesGoldenBytes(request: String, golden: String) throws {
        let (composer, _) = Fixture.composer()
        let event = try composer.compose(try Fixture.request(request))
        #expect(event.payload.body == Array(golden.utf8))
    }

    @Test func goldens_coverEveryType() throws {
        let covered = Set(try Self.cases.map { try Fixture.request($0.request).type })
        #expect(covered == Set(WebhookType.allCases))
    }

    @Test func ticketed_fullServiceCarrier_generatesThirteenDigitTicketsAndKeepsThem() throws {
        let (composer, book) = Fixture.composer()
        let request = try Fixture.request(
            #"{"clientId":"partner","type":"order.ticketed","orderNo":"TESTA20260109084512345"}"#)
        let first = try composer.compose(request)
        let tickets = first.payload.json[path: JSONPath(components: [.key("data"), .key("paxTicketInfos")])]!
            .arrayValue!.map { $0["ticketNos"]!.arrayValue![0].stringValue! }
        #expect(tickets.allSatisfy { $0.hasPrefix("160") && $0.utf8.count == 13 })
        #expect(
            book.order(clientId: "partner", orderNo: "TESTA20260109084512345")!.passengers.map(\.ticketNos[0])
                == tickets)
        // A second notification reports the same tickets, not new ones.
        #expect(try composer.compose(request).payload.json["data"] == first.payload.json["data"])
    }
}
