import AtlasJSON
import Testing

@testable import AtlasSandbox

/// The bounded request journal and `reset()`.
@Suite struct JournalTests {
    @Test func journal_recordsEveryCall_newestFirst_withTimeStatusAndWarnings() throws {
        let sandbox = TestSupport.sandbox()
        _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1,"pageNo":2}"#))
        sandbox.clock.advance(by: 1500)
        _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":5}"#, client: TestSupport.partnerClient))
        let entries = sandbox.journal()
        #expect(entries.map(\.sequence) == [2, 1])
        #expect(entries.map(\.path) == ["/updateWebhookURL.do", "/event/getPageList.do"])
        #expect(entries.map(\.bodyStatus) == [901, 0])
        #expect(entries.map(\.clientId) == ["partner", "sandbox"])
        #expect(entries[0].receivedAt == TestSupport.now.adding(milliseconds: 1500))
        #expect(entries[1].warnings == [#"unknown field "pageNo" ignored"#])
        #expect(entries[1].requestBody == #"{"pageSize":1,"pageNo":2}"#)
        let json = entries[1].json()
        #expect(json["receivedAt"] == .string("2026-11-23 12:00:00"))
        #expect(json["httpStatus"] == .int(200))
    }

    @Test func journal_keepsHeadersInOrder_withOnlyTheSecretRedacted() {
        let sandbox = TestSupport.sandbox()
        let headers: [(name: String, value: String)] = [
            ("Accept", "application/json"), ("X-Atlas-Client-Secret", "sandbox-secret"),
            ("x-atlas-client-id", "sandbox"), ("X-Note", "café ☕"), ("Empty", ""),
        ]
        _ = sandbox.handle(AtlasCall(path: "/event/getPageList.do", headers: headers, body: []))
        let entry = sandbox.journal()[0]
        #expect(entry.path == "/event/getPageList.do")
        #expect(entry.requestHeaders.map(\.name) == headers.map(\.name))
        #expect(
            entry.requestHeaders.map(\.value) == [
                "application/json", JournalEntry.redacted, "sandbox", "café ☕", "",
            ])
        #expect(entry.requestBody.isEmpty)
        #expect(!"\(entry.json())".contains("sandbox-secret"))
    }

    @Test func journal_filtersByClientAndPath_andLimits() {
        let sandbox = TestSupport.sandbox()
        for _ in 0..<3 { _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#)) }
        _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#, client: TestSupport.partnerClient))
        _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://a/b"}"#))
        #expect(sandbox.journal(clientId: "sandbox").count == 4)
        #expect(sandbox.journal(clientId: "partner").count == 1)
        #expect(sandbox.journal(path: "/updateWebhookURL.do").count == 1)
        #expect(sandbox.journal(clientId: "sandbox", path: "/event/getPageList.do").count == 3)
        #expect(sandbox.journal(limit: 2).map(\.sequence) == [5, 4])
        #expect(sandbox.journal(limit: 0).isEmpty)
        #expect(sandbox.journal(clientId: "nobody").isEmpty)
    }

    @Test func journal_isBounded_andCountsEvictions() {
        let sandbox = TestSupport.sandbox { $0.journalCapacity = 3 }
        for _ in 0..<7 { _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#)) }
        #expect(sandbox.journal().map(\.sequence) == [7, 6, 5])
        #expect(sandbox.journalEvictedCount == 4)
        #expect(sandbox.statistics.journalCount == 3)
        #expect(sandbox.statistics.journalEvictedCount == 4)
    }

    @Test func journal_withZeroCapacity_keepsNothingButCounts() {
        let sandbox = TestSupport.sandbox { $0.journalCapacity = 0 }
        _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#))
        #expect(sandbox.journal().isEmpty)
        #expect(sandbox.journalEvictedCount == 1)
    }

    @Test func journal_capsLargeBodies_andKeepsInvalidUTF8Readable() {
        let sandbox = TestSupport.sandbox()
        let big = AtlasCall(
            path: "/event/getPageList.do",
            headers: TestSupport.contractHeaders + [
                ("x-atlas-client-id", "sandbox"), ("x-atlas-client-secret", "sandbox-secret"),
            ],
            body: [UInt8](repeating: 0x7B, count: 100_000) + [0xFF, 0xFE])
        _ = sandbox.handle(big)
        let entry = sandbox.journal()[0]
        #expect(entry.requestBodyTruncated)
        #expect(entry.requestBody.utf8.count == JournalEntry.maximumBodyBytes)
        #expect(entry.bodyStatus == 901)
    }

    @Test func reset_restoresFixtures_andClearsRegistrationsIncidentsAndJournal() throws {
        let sandbox = try TestSupport.fixtureSandbox()
        _ = sandbox.handle(TestSupport.updateWebhookURL(#"{"url":"http://a/b"}"#))
        try sandbox.insert(TestSupport.incident("NEW", at: "2026-11-22 00:00:00"), clientId: "sandbox")
        sandbox.setNotified(0, eventId: "20261102091530412QWERT", clientId: "sandbox")
        #expect(sandbox.statistics.incidentCounts["sandbox"] == 6)

        sandbox.reset()
        #expect(sandbox.registration(clientId: "sandbox") == nil)
        #expect(sandbox.incident(eventId: "NEW", clientId: "sandbox") == nil)
        #expect(sandbox.incident(eventId: "20261102091530412QWERT", clientId: "sandbox")?.notified == 1)
        #expect(sandbox.statistics.incidentCounts == ["sandbox": 5, "partner": 2])
        #expect(sandbox.journal().isEmpty)
        #expect(sandbox.journalEvictedCount == 0)
        _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#))
        #expect(sandbox.journal().first?.sequence == 2, "sequence numbers keep increasing across resets")
    }

    @Test func statistics_reportCountsAsJSON() throws {
        let sandbox = try TestSupport.fixtureSandbox()
        let json = sandbox.statistics.json()
        #expect(json["incidentCounts"] == .object(["sandbox": .int(5), "partner": .int(2)]))
        #expect(json["journalCapacity"] == .int(10_000))
        #expect((json["approximateIncidentBytes"]?.intValue ?? 0) > 0)
    }
}
