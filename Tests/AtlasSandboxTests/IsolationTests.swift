import AtlasJSON
import Testing

@testable import AtlasSandbox

/// Two clients never see or change each other's incidents or registrations.
@Suite struct IsolationTests {
    @Test func clients_seeOnlyTheirOwnIncidents() throws {
        let sandbox = try TestSupport.fixtureSandbox()
        let mine = try TestSupport.eventIds(sandbox.handle(TestSupport.getPageList(#"{"pageSize":100}"#)))
        let theirs = try TestSupport.eventIds(
            sandbox.handle(TestSupport.getPageList(#"{"pageSize":100}"#, client: TestSupport.partnerClient)))
        #expect(mine.count == 5)
        #expect(theirs == ["20261118163000250PRTNB", "20261103101010101PRTNA"])
        #expect(Set(mine).isDisjoint(with: theirs))
        // Asking for the other client's incident by id finds nothing.
        let probe = sandbox.handle(
            TestSupport.getPageList(#"{"pageSize":10,"eventId":"20261103101010101PRTNA"}"#))
        #expect(try TestSupport.eventIds(probe) == [])
        #expect(try TestSupport.total(probe) == 0)
        #expect(sandbox.incident(eventId: "20261103101010101PRTNA", clientId: "sandbox") == nil)
        #expect(sandbox.incident(eventId: "20261103101010101PRTNA", clientId: "partner") != nil)
    }

    @Test func registrations_arePerClient() {
        let sandbox = TestSupport.sandbox()
        _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://a/mine"}"#))
        _ = sandbox.handle(
            TestSupport.updateWebhookURL(
                #"{"cid":"TAC00001","url":"http://a/theirs"}"#, client: TestSupport.partnerClient))
        #expect(sandbox.registration(clientId: "sandbox")?.url == "http://a/mine")
        #expect(sandbox.registration(clientId: "partner")?.url == "http://a/theirs")
        #expect(sandbox.registration(clientId: "sandbox")?.history.count == 1)
    }

    @Test func insertsAndUpdates_touchOnlyTheNamedClient() throws {
        let sandbox = TestSupport.sandbox()
        let shared = TestSupport.incident("SAME", at: "2026-11-01 00:00:00")
        try sandbox.insert(shared, clientId: "sandbox")
        var partnerCopy = shared
        partnerCopy.clientCode = "TAC00002"
        try sandbox.insert(partnerCopy, clientId: "partner")
        sandbox.setNotified(0, eventId: "SAME", clientId: "partner")
        #expect(sandbox.incident(eventId: "SAME", clientId: "sandbox")?.notified == 1)
        #expect(sandbox.incident(eventId: "SAME", clientId: "partner")?.notified == 0)
        _ = try sandbox.addIncidents(
            clientId: "partner",
            records: .array([
                TestSupport.incident("P-ONLY", at: "2026-11-02 00:00:00", clientCode: "TAC00002").record()
            ]))
        #expect(sandbox.query(IncidentQuery(), clientId: "sandbox").incidents.map(\.eventId) == ["SAME"])
        #expect(
            sandbox.query(IncidentQuery(), clientId: "partner").incidents.map(\.eventId) == [
                "P-ONLY", "SAME",
            ])
    }

    @Test func records_cannotClaimAnotherClientsCid() {
        let sandbox = TestSupport.sandbox()
        let record = TestSupport.incident("X1", at: "2026-11-01 00:00:00", clientCode: "TAC00002").record()
        #expect {
            try sandbox.addIncidents(clientId: "sandbox", records: .array([record]))
        } throws: { error in
            "\(error)" == #"$[0].clientCode: expected "TAC00001" (this client's cid), got "TAC00002""#
        }
    }
}
