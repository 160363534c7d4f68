import AtlasJSON
import Testing

@testable import AtlasSandbox

/// Every getPageList filter alone and in combination, over five hand-made incidents.
@Suite struct GetPageListFilterTests {
    static let incidents: [Incident] = [
        TestSupport.incident(
            "E1", at: "2026-11-01 10:00:00", orderNo: "O1", type: "email.schedulechange", status: 0,
            airline: "VJ",
            dep: "2026-12-01 10:00:00", pnr: "P1", pax: "SMITH/JOHN,DOE/JANE", email: "john.smith@mail.top"),
        TestSupport.incident(
            "E2", at: "2026-11-02 11:00:00", orderNo: "O2", type: "order.schedulechange", status: 1,
            airline: "AK",
            dep: "2026-12-05 08:00:00", pnr: "P2", pax: "TAN/WEI", email: "wei.tan@gorn.top",
            updated: "2026-11-10 00:00:00"),
        TestSupport.incident(
            "E3", at: "2026-11-03 12:00:00", orderNo: "O1", type: "abnormal.cancelled", status: 0,
            airline: "VJ",
            dep: "2026-11-20 23:00:00", pnr: "P1", pax: "SMITHERS/ANNA", email: "anna@ttjipiao.top"),
        TestSupport.incident(
            "E4", at: "2026-11-03 12:00:00", orderNo: "O3", type: "email.schedulechange", status: 1,
            airline: "TR",
            dep: "2027-01-01 00:00:00", pnr: "P3", pax: "NGUYEN/MINH ANH", email: "MINH@GORN.TOP"),
        TestSupport.incident(
            "E5", at: "2026-11-04 00:00:00", orderNo: "O4", type: "order.schedulechange", status: 0,
            airline: "AK",
            dep: "2026-12-01 10:00:00", pnr: "P4", pax: "GARCIA/JOSE", email: "jose@example.com"),
    ]

    let sandbox = TestSupport.sandbox(incidents: ["sandbox": GetPageListFilterTests.incidents])

    func ids(_ filters: String) throws -> [String] {
        let body = filters.isEmpty ? #"{"pageSize":100}"# : #"{"pageSize":100,\#(filters)}"#
        let reply = sandbox.handle(TestSupport.getPageList(body))
        #expect(reply.bodyStatus == 0, "\(String(decoding: reply.body, as: UTF8.self))")
        let ids = try TestSupport.eventIds(reply)
        #expect(try TestSupport.total(reply) == ids.count)
        return ids
    }

    @Test func getPageList_noFilters_returnsAllNewestFirst_tiesByEventIdDescending() throws {
        #expect(try ids("") == ["E5", "E4", "E3", "E2", "E1"])
    }

    @Test(arguments: [
        (#""eventId":"E3""#, ["E3"]),
        (#""eventId":"e3""#, []),
        (#""eventId":"E""#, []),
        (#""eventId":"""#, ["E5", "E4", "E3", "E2", "E1"]),
        (#""eventId":null"#, ["E5", "E4", "E3", "E2", "E1"]),
    ])
    func getPageList_filtersByEventId_exactMatch(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""orderNo":"O1""#, ["E3", "E1"]),
        (#""orderNo":"o1""#, []),
        (#""orderNo":"O""#, []),
        (#""orderNo":"O9""#, []),
    ])
    func getPageList_filtersByOrderNo_exactMatch(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""eventType":"abnormal.cancelled""#, ["E3"]),
        (#""eventType":"order.schedulechange""#, ["E5", "E2"]),
        (#""eventType":"email.schedulechange""#, ["E4", "E1"]),
        (#""eventType":"order.scheduleChange""#, []),
        (#""eventType":"order""#, []),
    ])
    func getPageList_filtersByEventType_exactMatch(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""pnr":"P1""#, ["E3", "E1"]),
        (#""pnr":"p1""#, []),
        (#""pnr":"P""#, []),
    ])
    func getPageList_filtersByPnr_exactMatch(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""airline":"VJ""#, ["E3", "E1"]),
        (#""airline":"vj""#, []),
        (#""airlines":["AK","TR"]"#, ["E5", "E4", "E2"]),
        (#""airlines":"TR""#, ["E4"]),
        (#""airlines":[]"#, ["E5", "E4", "E3", "E2", "E1"]),
        (#""airline":"VJ","airlines":["TR"]"#, ["E4", "E3", "E1"]),
        (#""airlines":["ZZ"]"#, []),
    ])
    func getPageList_filtersByAirline_exactMatch_legacyArrayMerged(filter: String, expected: [String]) throws
    {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""eventStatus":[1]"#, ["E4", "E2"]),
        (#""eventStatus":1"#, ["E4", "E2"]),
        (#""eventStatus":"1""#, ["E4", "E2"]),
        (#""eventStatus":"0,1""#, ["E5", "E4", "E3", "E2", "E1"]),
        (#""eventStatus":[0,1]"#, ["E5", "E4", "E3", "E2", "E1"]),
        (#""eventStatus":[0]"#, ["E5", "E3", "E1"]),
        (#""eventStatus":[]"#, ["E5", "E4", "E3", "E2", "E1"]),
        (#""eventStatus":"""#, ["E5", "E4", "E3", "E2", "E1"]),
        (#""eventStatus":[7]"#, []),
    ])
    func getPageList_filtersByEventStatus_intArrayIntOrNumericString(filter: String, expected: [String])
        throws
    {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""paxName":"smith""#, ["E3", "E1"]),
        (#""paxName":"JANE""#, ["E1"]),
        (#""paxName":"minh anh""#, ["E4"]),
        (#""paxName":"SMITH/JOHN,DOE""#, ["E1"]),
        (#""paxName":"nobody""#, []),
    ])
    func getPageList_filtersByPaxName_caseInsensitiveSubstringOfAnyPassenger(
        filter: String, expected: [String]
    )
        throws
    {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""paxEmail":"gorn""#, ["E4", "E2"]),
        (#""paxEmail":"JOSE@EXAMPLE.COM""#, ["E5"]),
        (#""paxEmail":"smith""#, ["E1"]),
    ])
    func getPageList_filtersByPaxEmail_caseInsensitiveSubstring(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""eventTimeStart":"2026-11-03 12:00:00""#, ["E5", "E4", "E3"]),
        (#""eventTimeEnd":"2026-11-03 12:00:00""#, ["E4", "E3", "E2", "E1"]),
        (#""eventTimeStart":"2026-11-03 12:00:00","eventTimeEnd":"2026-11-03 12:00:00""#, ["E4", "E3"]),
        (#""eventTimeStart":"2026-11-03 12:00:01","eventTimeEnd":"2026-11-03 23:59:59""#, []),
        (#""eventTimeStart":"2026-11-05 00:00:00","eventTimeEnd":"2026-11-01 00:00:00""#, []),
        (#""eventTimeStart":"","eventTimeEnd":null"#, ["E5", "E4", "E3", "E2", "E1"]),
    ])
    func getPageList_filtersByEventTime_inclusiveWindow(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""depTimeStart":"2026-12-01 10:00:00","depTimeEnd":"2026-12-01 10:00:00""#, ["E5", "E1"]),
        (#""depTimeStart":"2026-12-02 00:00:00""#, ["E4", "E2"]),
        (#""depTimeEnd":"2026-11-30 23:59:59""#, ["E3"]),
    ])
    func getPageList_filtersByDepTime_inclusiveAirportLocal(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""updateTimeStart":"2026-11-04 00:00:00""#, ["E5", "E2"]),
        (#""updateTimeStart":"2026-11-10 00:00:01""#, []),
    ])
    func getPageList_filtersByUpdateTimeStart_updateOrCreateTime(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test(arguments: [
        (#""airline":"VJ","eventStatus":[0],"paxName":"smith""#, ["E3", "E1"]),
        (#""orderNo":"O1","eventType":"email.schedulechange""#, ["E1"]),
        (#""pnr":"P1","eventTimeStart":"2026-11-02 00:00:00""#, ["E3"]),
        (#""eventType":"order.schedulechange","airline":"AK","depTimeEnd":"2026-12-02 00:00:00""#, ["E5"]),
        (#""eventId":"E2","orderNo":"O2","pnr":"P2","eventStatus":[1],"paxEmail":"wei""#, ["E2"]),
        (#""eventId":"E2","orderNo":"O1""#, []),
        (#""eventStatus":[1],"airlines":["TR","AK"],"eventTimeEnd":"2026-11-02 11:00:00""#, ["E2"]),
        (
            #""eventId":"","orderNo":"","eventType":"","eventStatus":[0,1],"airline":"","eventTimeStart":"2026-11-01 00:00:00","eventTimeEnd":"2026-12-01 00:00:00","depTimeStart":null,"depTimeEnd":null,"pageIndex":1"#,
            ["E5", "E4", "E3", "E2", "E1"]
        ),
    ])
    func getPageList_combinesFiltersWithAnd(filter: String, expected: [String]) throws {
        #expect(try ids(filter) == expected)
    }

    @Test func getPageList_officialExampleRequest_succeeds() throws {
        let body = """
            {"eventId":"","orderNo":"","eventType":"","eventStatus":[0,1],"airline":"","eventTimeStart":"2023-04-01 00:00:00","eventTimeEnd":"2023-05-01 00:00:00","depTimeStart":null,"depTimeEnd":null,"pageIndex":1,"pageSize":100}
            """
        let reply = sandbox.handle(TestSupport.getPageList(body))
        #expect(
            String(decoding: reply.body, as: UTF8.self)
                == #"{"msg":null,"pageIndex":"1","pageSize":"100","records":[],"status":0,"total":"0"}"#)
        #expect(reply.warnings.isEmpty)
    }

    @Test func getPageList_unknownFields_ignoredWithWarning() throws {
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":2,"pageNo":3,"cid":"TAC00001"}"#))
        #expect(reply.bodyStatus == 0)
        #expect(try TestSupport.eventIds(reply) == ["E5", "E4"])
        #expect(reply.warnings == [#"unknown field "cid" ignored"#, #"unknown field "pageNo" ignored"#])
        #expect(sandbox.journal(limit: 1).first?.warnings == reply.warnings)
    }
}
