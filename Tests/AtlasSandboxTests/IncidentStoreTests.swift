import AtlasJSON
import Testing

@testable import AtlasSandbox

/// The store behind getPageList: inserts in and out of time order, updates, limits, round trips.
@Suite struct IncidentStoreTests {
    @Test func insert_outOfTimeOrder_isSortedIn() throws {
        let sandbox = TestSupport.sandbox()
        for (id, time) in [
            ("B", "2026-11-02 00:00:00"), ("D", "2026-11-04 00:00:00"), ("A", "2026-11-01 00:00:00"),
        ] {
            try sandbox.insert(TestSupport.incident(id, at: time), clientId: "sandbox")
        }
        #expect(
            try TestSupport.eventIds(sandbox.handle(TestSupport.getPageList(#"{"pageSize":9}"#))) == [
                "D", "B", "A",
            ])
        try sandbox.insert(TestSupport.incident("C", at: "2026-11-03 00:00:00"), clientId: "sandbox")
        try sandbox.insert(TestSupport.incident("E", at: "2026-11-05 00:00:00"), clientId: "sandbox")
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":9,"airline":"VJ"}"#))
        #expect(try TestSupport.eventIds(reply) == ["E", "D", "C", "B", "A"])
    }

    @Test func insert_refusesDuplicates_unknownClients_andOverCapacity() throws {
        let sandbox = TestSupport.sandbox { $0.maxIncidentsPerClient = 1 }
        let incident = TestSupport.incident("A", at: "2026-11-01 00:00:00")
        try sandbox.insert(incident, clientId: "sandbox")
        #expect(throws: SandboxError.duplicateEventId("A", clientId: "sandbox")) {
            try sandbox.insert(incident, clientId: "sandbox")
        }
        #expect(throws: SandboxError.unknownClient("ghost")) {
            try sandbox.insert(incident, clientId: "ghost")
        }
        #expect(throws: SandboxError.capacityReached(clientId: "sandbox", limit: 1)) {
            try sandbox.insert(TestSupport.incident("B", at: "2026-11-02 00:00:00"), clientId: "sandbox")
        }
        #expect(sandbox.statistics.capacityRejectionCount == 1)
        #expect("\(SandboxError.capacityReached(clientId: "sandbox", limit: 1))".contains("1 incidents"))
    }

    @Test func incident_roundTripsEveryField() throws {
        let sandbox = TestSupport.sandbox()
        let full = Incident(
            eventId: "20261101100000123ABCDE", orderNo: "TESTA20261020101122345",
            subOrderNo: "TESTA20261020101122345_1",
            eventType: "abnormal.cancelled", eventStatus: 1,
            eventTime: TestSupport.instant("2026-11-01 10:00:00").adding(milliseconds: 123),
            createTime: TestSupport.instant("2026-11-01 10:00:01"),
            updateTime: TestSupport.instant("2026-11-02 10:00:00"),
            airline: "AK", depTime: TestSupport.local("2026-12-01 06:00:00"), pnr: "G7ZNW5",
            paxName: "O'NEIL/\"QUOTE\" \\ SLASH,ÉLODIE/ZOË", paxEmail: "e@x.top",
            confirmedResult: "NO_CANCELLATION",
            confirmedRemark: "line\nbreak", confirmTime: TestSupport.instant("2026-11-02 10:00:00"),
            confirmUser: "ops",
            notified: 0, extraInfo: "4775822", clientCode: "TAC00001")
        try sandbox.insert(full, clientId: "sandbox")
        #expect(sandbox.incident(eventId: full.eventId, clientId: "sandbox") == full)
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1,"paxName":"zoë"}"#))
        #expect(try TestSupport.json(reply)["records"] == .array([full.record()]))
    }

    @Test func update_changesIndexedFields_andKeepsIdentity() throws {
        let sandbox = TestSupport.sandbox()
        try sandbox.insert(TestSupport.incident("A", at: "2026-11-01 00:00:00"), clientId: "sandbox")
        try sandbox.insert(TestSupport.incident("B", at: "2026-11-02 00:00:00"), clientId: "sandbox")
        let updated = try sandbox.updateIncident(eventId: "A", clientId: "sandbox") {
            $0.eventStatus = 1
            $0.confirmTime = TestSupport.now
            $0.eventId = "HIJACK"
            $0.orderNo = "NEWORDER"
        }
        #expect(updated.eventId == "A")
        let byStatus = sandbox.handle(
            TestSupport.getPageList(#"{"pageSize":9,"eventStatus":1,"orderNo":"NEWORDER"}"#))
        #expect(try TestSupport.eventIds(byStatus) == ["A"])
        #expect(
            try TestSupport.eventIds(
                sandbox.handle(TestSupport.getPageList(#"{"pageSize":9,"eventStatus":0}"#))) == ["B"])
        #expect(throws: SandboxError.unknownIncident("Z", clientId: "sandbox")) {
            try sandbox.updateIncident(eventId: "Z", clientId: "sandbox") { $0.notified = 1 }
        }
        sandbox.setNotified(nil, eventId: "B", clientId: "sandbox")
        #expect(sandbox.incident(eventId: "B", clientId: "sandbox")?.notified == nil)
    }

    @Test func manyUpdates_compactGarbage_withoutChangingResults() throws {
        let sandbox = TestSupport.sandbox()
        for number in 0..<50 {
            try sandbox.insert(
                TestSupport.incident("I\(number)", at: "2026-11-01 00:00:\(10 + number % 40)"),
                clientId: "sandbox")
        }
        for round in 0..<20 {
            for number in stride(from: round % 2, to: 50, by: 2) {
                try sandbox.updateIncident(eventId: "I\(number)", clientId: "sandbox") {
                    $0.eventStatus = round % 3
                }
            }
            _ = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1}"#))
        }
        let page = sandbox.query(IncidentQuery(eventStatuses: [1], pageSize: 100), clientId: "sandbox")
        #expect(page.incidents.allSatisfy { $0.eventStatus == 1 })
        #expect(page.total == page.incidents.count)
    }

    @Test func query_pastTheEnd_andHugePages_neverOverflow() {
        let sandbox = TestSupport.sandbox(incidents: [
            "sandbox": [TestSupport.incident("A", at: "2026-11-01 00:00:00")]
        ])
        for pageIndex in [2, 1_000_000, Int.max] {
            let page = sandbox.query(IncidentQuery(pageIndex: pageIndex, pageSize: 1000), clientId: "sandbox")
            #expect(page.total == 1)
            #expect(page.incidents.isEmpty)
        }
        let reply = sandbox.handle(
            TestSupport.getPageList(#"{"pageSize":1000,"pageIndex":9223372036854775807}"#))
        #expect(reply.bodyStatus == 0)
        #expect(String(decoding: reply.body, as: UTF8.self).contains(#""records":[],"status":0,"total":"1""#))
        #expect(sandbox.query(IncidentQuery(), clientId: "ghost").total == 0)
    }
}

/// The seeded incident generator behind `--seed-incidents`.
@Suite struct IncidentGeneratorTests {
    @Test func generator_isReproducibleForASeed() {
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        var other = SeededRandom(seed: 43)
        let a = IncidentGenerator.make(
            count: 200, clientCode: "TAC00001", random: &first, around: TestSupport.now)
        let b = IncidentGenerator.make(
            count: 200, clientCode: "TAC00001", random: &second, around: TestSupport.now)
        let c = IncidentGenerator.make(
            count: 200, clientCode: "TAC00001", random: &other, around: TestSupport.now)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func generator_makesConsistentAtlasShapedIncidents() throws {
        var random = SeededRandom(seed: 1)
        let incidents = IncidentGenerator.make(
            count: 2000, clientCode: "TAC00001", random: &random, around: TestSupport.now)
        #expect(incidents.count == 2000)
        #expect(Set(incidents.map(\.eventId)).count == 2000)
        let letters = Set(IdentifierGenerator.letters.utf8)
        for incident in incidents {
            let id = Array(incident.eventId.utf8)
            #expect(id.count == 22)
            #expect(incident.eventId.hasPrefix(AtlasTime.formatCompact(incident.eventTime)))
            #expect(id[17...].allSatisfy(letters.contains))
            #expect(incident.orderNo.hasPrefix("TEST") && incident.orderNo.utf8.count == 22)
            #expect(incident.subOrderNo == incident.orderNo + "_1")
            #expect(incident.createTime == incident.eventTime)
            #expect(incident.eventTime <= TestSupport.now)
            #expect(
                incident.depTime.secondsSinceEpochNaive > incident.eventTime.millisecondsSinceEpoch / 1000 + 8
                    * 3600)
            #expect(incident.pnr.utf8.count == 6)
            #expect(incident.paxName.split(separator: ",").allSatisfy { $0.contains("/") })
            #expect(Incident.documentedEventTypes.contains(incident.eventType))
            #expect(IncidentGenerator.airlines.contains(incident.airline))
            if incident.eventStatus == 1 {
                #expect(incident.confirmTime.map { $0 > incident.eventTime && $0 <= TestSupport.now } == true)
                #expect(incident.confirmedResult != nil && incident.confirmUser != nil)
            } else {
                #expect(incident.confirmTime == nil && incident.confirmedResult == nil)
            }
        }
        #expect(zip(incidents, incidents.dropFirst()).allSatisfy { $0.eventTime <= $1.eventTime })
        let sandbox = TestSupport.sandbox(incidents: ["sandbox": incidents])
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1000,"pageIndex":2}"#))
        #expect(try TestSupport.total(reply) == 2000)
        #expect(try TestSupport.eventIds(reply).count == 1000)
    }
}

/// Generated incidents configured per client (`--seed-incidents`), rebuilt identically on reset.
@Suite struct GeneratedIncidentTests {
    @Test func generatedIncidents_areReproducible_perClient_andSurviveReset() throws {
        func make(seed: UInt64) -> Sandbox {
            TestSupport.sandbox {
                $0.generatedIncidents = ["sandbox": 300, "partner": 50, "ghost": 10]
                $0.generatorSeed = seed
            }
        }
        let first = make(seed: 5)
        let page = first.query(IncidentQuery(pageSize: 1000), clientId: "sandbox")
        #expect(page.total == 300)
        #expect(first.statistics.incidentCounts == ["sandbox": 300, "partner": 50])
        #expect(page.incidents.allSatisfy { $0.clientCode == "TAC00001" })
        #expect(make(seed: 5).query(IncidentQuery(pageSize: 1000), clientId: "sandbox") == page)
        #expect(make(seed: 6).query(IncidentQuery(pageSize: 1000), clientId: "sandbox") != page)
        let partner = first.query(IncidentQuery(pageSize: 1000), clientId: "partner").incidents
        #expect(Set(partner.map(\.eventId)).isDisjoint(with: page.incidents.map(\.eventId)))
        try first.insert(TestSupport.incident("EXTRA", at: "2026-11-23 11:00:00"), clientId: "sandbox")
        first.reset()
        #expect(first.query(IncidentQuery(pageSize: 1000), clientId: "sandbox") == page)
    }

    @Test func eventIdsWithEscapedCharacters_sortAsStrings() throws {
        let sandbox = TestSupport.sandbox()
        for id in ["a\"b", "a b", "a\\b", "a", "a!", "a\u{1}"] {
            try sandbox.insert(TestSupport.incident(id, at: "2026-11-01 00:00:00"), clientId: "sandbox")
        }
        let expected = ["a\"b", "a b", "a\\b", "a", "a!", "a\u{1}"].sorted {
            $1.utf8.lexicographicallyPrecedes($0.utf8)
        }
        #expect(sandbox.query(IncidentQuery(), clientId: "sandbox").incidents.map(\.eventId) == expected)
        #expect(sandbox.incident(eventId: "a\"b", clientId: "sandbox")?.eventId == "a\"b")
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":10,"eventId":"a\\b"}"#))
        #expect(try TestSupport.eventIds(reply) == ["a\\b"])
    }

    @Test func oversizedIncident_isRefused_notTruncated() {
        let sandbox = TestSupport.sandbox()
        var huge = TestSupport.incident("HUGE", at: "2026-11-01 00:00:00")
        huge.paxName = String(repeating: "\u{1}", count: 20_000)
        #expect(throws: SandboxError.incidentTooLarge("HUGE")) {
            try sandbox.insert(huge, clientId: "sandbox")
        }
        #expect(sandbox.incident(eventId: "HUGE", clientId: "sandbox") == nil)
    }
}

/// `Sandbox.record(eventId:clientId:)`, what the webhook side files back.
@Suite struct RecordLookupTests {
    @Test(arguments: IncidentTimeFormat.allCases)
    func record_isWhatGetPageListPrints(timeFormat: IncidentTimeFormat) throws {
        let sandbox = try TestSupport.fixtureSandbox { $0.timeFormat = timeFormat }
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":1,"pnr":"S30814"}"#))
        let printed = try #require(try TestSupport.json(reply)["records"]?.arrayValue?.first)
        #expect(sandbox.record(eventId: "20261105143240511TATVO", clientId: "sandbox") == printed)
        #expect(sandbox.record(eventId: "20261105143240511TATVO", clientId: "partner") == nil)
        let incident = try #require(sandbox.incident(eventId: "20261105143240511TATVO", clientId: "sandbox"))
        #expect(incident.record(timeFormat: timeFormat) == printed)
    }
}
