import AtlasJSON
import Testing

@testable import AtlasSandbox

/// getPageList request validation: every malformed body gets the right Atlas code and names the field.
@Suite struct GetPageListValidationTests {
    let sandbox = TestSupport.sandbox()

    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var status: Int
        var message: String
        var testDescription: String { body }
    }

    static let cases: [Case] = [
        Case(body: "", status: 901, message: "illegal request data: body is not valid JSON"),
        Case(body: "not json", status: 901, message: "body is not valid JSON"),
        Case(body: #"{"pageSize":10"#, status: 901, message: "body is not valid JSON"),
        Case(body: #"{"pageSize":10,"pageSize":20}"#, status: 901, message: "body is not valid JSON"),
        Case(body: "[1]", status: 901, message: "body must be a JSON object, got array"),
        Case(body: "null", status: 901, message: "body must be a JSON object, got null"),
        Case(body: "{}", status: 100, message: "Missing required request data: pageSize"),
        Case(body: #"{"pageSize":null}"#, status: 100, message: "pageSize"),
        Case(body: #"{"pageSize":""}"#, status: 100, message: "pageSize"),
        Case(body: #"{"orderNo":5}"#, status: 100, message: "pageSize"),
        Case(body: #"{"pageSize":0}"#, status: 901, message: "pageSize: must be between 1 and 1000, got 0"),
        Case(
            body: #"{"pageSize":1001}"#, status: 901,
            message: "pageSize: must be between 1 and 1000, got 1001"),
        Case(body: #"{"pageSize":-5}"#, status: 901, message: "pageSize: must be between 1 and 1000"),
        Case(body: #"{"pageSize":1.5}"#, status: 901, message: "pageSize: expected integer, got number"),
        Case(body: #"{"pageSize":1e300}"#, status: 901, message: "pageSize: expected integer, got number"),
        Case(
            body: #"{"pageSize":"abc"}"#, status: 901,
            message: "pageSize: expected an integer or a string of digits"),
        Case(
            body: #"{"pageSize":"-1"}"#, status: 901,
            message: "pageSize: expected an integer or a string of digits"),
        Case(body: #"{"pageSize":true}"#, status: 901, message: "pageSize: expected integer, got boolean"),
        Case(body: #"{"pageSize":[10]}"#, status: 901, message: "pageSize: expected integer, got array"),
        Case(
            body: #"{"pageSize":10,"pageIndex":0}"#, status: 901,
            message: "pageIndex: must be at least 1, got 0"),
        Case(body: #"{"pageSize":10,"pageIndex":-1}"#, status: 901, message: "pageIndex: must be at least 1"),
        Case(
            body: #"{"pageSize":10,"pageIndex":"x"}"#, status: 901, message: "pageIndex: expected an integer"),
        Case(
            body: #"{"pageSize":10,"pageIndex":"99999999999999999999"}"#, status: 901,
            message: "pageIndex: expected an integer"),
        Case(
            body: #"{"pageSize":10,"pageIndex":{}}"#, status: 901,
            message: "pageIndex: expected integer, got object"),
        Case(
            body: #"{"pageSize":10,"eventId":1}"#, status: 901,
            message: "eventId: expected string, got integer"),
        Case(
            body: #"{"pageSize":10,"orderNo":123}"#, status: 901,
            message: "orderNo: expected string, got integer"),
        Case(
            body: #"{"pageSize":10,"eventType":[]}"#, status: 901,
            message: "eventType: expected string, got array"),
        Case(
            body: #"{"pageSize":10,"pnr":false}"#, status: 901, message: "pnr: expected string, got boolean"),
        Case(
            body: #"{"pageSize":10,"paxName":{}}"#, status: 901,
            message: "paxName: expected string, got object"),
        Case(
            body: #"{"pageSize":10,"paxEmail":2.5}"#, status: 901,
            message: "paxEmail: expected string, got number"),
        Case(
            body: #"{"pageSize":10,"airline":["VJ"]}"#, status: 901,
            message: "airline: expected string, got array"),
        Case(
            body: #"{"pageSize":10,"airlines":[1]}"#, status: 901,
            message: "airlines[0]: expected string, got integer"),
        Case(
            body: #"{"pageSize":10,"airlines":{}}"#, status: 901,
            message: "airlines: expected array of strings"),
        Case(
            body: #"{"pageSize":10,"eventStatus":"x"}"#, status: 901,
            message: "eventStatus: expected integers"),
        Case(
            body: #"{"pageSize":10,"eventStatus":"0,"}"#, status: 901,
            message: "eventStatus: expected integers"),
        Case(
            body: #"{"pageSize":10,"eventStatus":[true]}"#, status: 901,
            message: "eventStatus[0]: expected integer"),
        Case(
            body: #"{"pageSize":10,"eventStatus":1.0}"#, status: 901,
            message: "eventStatus: expected integer array"),
        Case(
            body: #"{"pageSize":10,"eventStatus":{}}"#, status: 901,
            message: "eventStatus: expected integer array"),
        Case(
            body: #"{"pageSize":10,"eventTimeStart":"2026/11/01 00:00:00"}"#, status: 901,
            message: #"eventTimeStart: expected "yyyy-MM-dd HH:mm:ss", got "2026/11/01 00:00:00""#),
        Case(
            body: #"{"pageSize":10,"eventTimeEnd":"2026-02-30 00:00:00"}"#, status: 901,
            message: #"eventTimeEnd: expected "yyyy-MM-dd HH:mm:ss", got "2026-02-30 00:00:00""#),
        Case(
            body: #"{"pageSize":10,"depTimeStart":"2026-11-01"}"#, status: 901,
            message: #"depTimeStart: expected "yyyy-MM-dd HH:mm:ss", got "2026-11-01""#),
        Case(
            body: #"{"pageSize":10,"depTimeEnd":20261101}"#, status: 901,
            message: "depTimeEnd: expected string, got integer"),
        Case(
            body: #"{"pageSize":10,"updateTimeStart":"2026-11-01T00:00:00"}"#, status: 901,
            message: "updateTimeStart: expected"),
        Case(body: #"{"pageSize":"20"}"#, status: 0, message: ""),
        Case(body: #"{"pageSize":1000,"pageIndex":"3"}"#, status: 0, message: ""),
        Case(body: #"{"pageSize":1,"pageIndex":null}"#, status: 0, message: ""),
        Case(body: " \n{\"pageSize\" : 5 }\n", status: 0, message: ""),
    ]

    @Test(arguments: cases)
    func getPageList_validatesBody_withAtlasCodeAndFieldName(testCase: Case) throws {
        let reply = sandbox.handle(TestSupport.getPageList(testCase.body))
        #expect(reply.httpStatus == 200)
        #expect(reply.bodyStatus == testCase.status)
        let json = try TestSupport.json(reply)
        #expect(json["status"] == .int(testCase.status))
        if testCase.status == 0 {
            #expect(json["msg"] == .null)
        } else {
            let message = json["msg"]?.stringValue ?? ""
            #expect(message.contains(testCase.message), "\(message)")
            #expect(json.objectValue?.keys.sorted() == ["msg", "status"])
        }
    }

    @Test func getPageList_pageSizeLimit_isConfigurable() {
        let small = TestSupport.sandbox { $0.maxPageSize = 50 }
        #expect(small.handle(TestSupport.getPageList(#"{"pageSize":50}"#)).bodyStatus == 0)
        #expect(small.handle(TestSupport.getPageList(#"{"pageSize":51}"#)).bodyStatus == 901)
    }

    @Test func getPageList_badInputNeverStopsTheSandbox() {
        let bodies = [
            "{", "}", "[[[[[[[[", String(repeating: "[", count: 10_000), "\u{0}", "{\"pageSize\":1e309}",
        ]
        for body in bodies {
            #expect(sandbox.handle(TestSupport.getPageList(body)).bodyStatus == 901)
        }
        #expect(sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#)).bodyStatus == 0)
    }
}
