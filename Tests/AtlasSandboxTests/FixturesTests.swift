import AtlasJSON
import FoundationEssentials
import Testing

@testable import AtlasSandbox

/// Fixture files, their embedded copies, and record validation for `addIncidents`.
@Suite struct FixturesTests {
    static let repositoryRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func fileText(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(filePath: repositoryRoot + "/" + relative)), as: UTF8.self)
    }

    @Test func defaultClients_includeSandboxAndPartner() throws {
        let clients = try Fixtures.defaultClients()
        #expect(
            clients.contains(
                AtlasClient(
                    clientId: "sandbox", clientSecret: "sandbox-secret", cid: "TAC00001", name: "Sandbox")))
        #expect(
            clients.contains(
                AtlasClient(
                    clientId: "partner", clientSecret: "partner-secret", cid: "TAC00002", name: "Partner")))
    }

    @Test func defaultIncidents_areConsistent() throws {
        let incidents = try Fixtures.defaultIncidents()
        #expect(incidents["sandbox"]?.count == 5)
        #expect(incidents["partner"]?.count == 2)
        for (clientId, list) in incidents {
            for incident in list {
                #expect(incident.clientCode == (clientId == "sandbox" ? "TAC00001" : "TAC00002"))
                #expect(incident.eventId.hasPrefix(AtlasTime.formatCompact(incident.eventTime)))
                #expect(
                    incident.createTime.millisecondsSinceEpoch / 1000 == incident.eventTime
                        .millisecondsSinceEpoch / 1000)
                #expect(
                    incident.depTime.secondsSinceEpochNaive > incident.eventTime.millisecondsSinceEpoch / 1000
                )
            }
        }
    }

    @Test(arguments: [
        (#"{"a":1}"#, "fixtures/clients.json: $: expected array, got object"),
        (
            #"[{"clientId":"a","clientSecret":5,"cid":"C"}]"#,
            "fixtures/clients.json: $[0].clientSecret: expected string, got integer"
        ),
        (
            #"[{"clientId":"a","cid":"C"}]"#,
            "fixtures/clients.json: $[0].clientSecret: missing required field"
        ),
        (
            #"[{"clientId":"","clientSecret":"s","cid":"C"}]"#,
            "fixtures/clients.json: $[0].clientId: expected a non-empty string"
        ),
        (
            #"[{"clientId":"a:b","clientSecret":"s","cid":"C"}]"#,
            "fixtures/clients.json: $[0].clientId: must not contain ':' or whitespace"
        ),
        (
            #"[{"clientId":"a","clientSecret":"s","cid":"C"},{"clientId":"a","clientSecret":"t","cid":"D"}]"#,
            #"fixtures/clients.json: $[1].clientId: duplicate of $[0].clientId "a""#
        ),
        ("[1]", "fixtures/clients.json: $[0]: expected object, got integer"),
        ("[", "fixtures/clients.json: "),
    ])
    func clients_reportEachProblemWithFileAndPath(json: String, message: String) {
        #expect {
            try Fixtures.clients(from: Array(json.utf8), source: "fixtures/clients.json")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func clientErrors_neverEchoSecrets() {
        let json = #"[{"clientId":"a","clientSecret":"hunter2","cid":5}]"#
        #expect {
            try Fixtures.clients(from: Array(json.utf8), source: "c.json")
        } throws: { error in
            "\(error)" == "c.json: $[0].cid: expected string, got integer"
        }
    }

    @Test func incidents_unknownClient_andBadRecords_areReported() {
        let json = #"{"ghost":[],"sandbox":[{"eventId":"X"}]}"#
        #expect {
            try Fixtures.incidents(
                from: Array(json.utf8), source: "i.json", clients: [TestSupport.sandboxClient])
        } throws: { error in
            let text = "\(error)"
            return text.contains(#"i.json: $.ghost: unknown client "ghost""#)
                && text.contains("i.json: $.sandbox[0].orderNo: missing required field")
                && text.contains("i.json: $.sandbox[0].eventTime: missing required field")
        }
    }

    static func record(_ changes: [String: JSONValue] = [:]) -> JSONValue {
        var fields =
            TestSupport.incident("20261101100000123ABCDE", at: "2026-11-01 10:00:00").record().objectValue
            ?? [:]
        for (key, value) in changes { fields[key] = value }
        return .object(fields)
    }

    @Test(arguments: [
        (
            ["eventTime": JSONValue.string("2026-11-01T10:00:00")],
            #"$[3].eventTime: expected "yyyy-MM-dd HH:mm:ss", got "2026-11-01T10:00:00""#
        ),
        (
            ["eventTime": .string("Nov 1, 2026 10:00:00 AM")],
            #"$[3].eventTime: expected "yyyy-MM-dd HH:mm:ss", got "Nov 1, 2026 10:00:00 AM""#
        ),
        (
            ["depTime": .string("2026-13-01 00:00:00")],
            #"$[3].depTime: expected "yyyy-MM-dd HH:mm:ss", got "2026-13-01 00:00:00""#
        ),
        (["eventStatus": .string("0")], "$[3].eventStatus: expected integer, got string"),
        (["eventId": .null], "$[3].eventId: missing required field"),
        (["pnr": .int(5)], "$[3].pnr: expected string, got integer"),
        (["notified": .bool(true)], "$[3].notified: expected integer, got boolean"),
        (
            ["paxName": .string(String(repeating: "A", count: 5000))],
            "$[3].paxName: string longer than 4096 bytes"
        ),
    ])
    func addIncidents_reportsTheFirstBadFieldAtItsPath(change: [String: JSONValue], message: String) throws {
        let sandbox = TestSupport.sandbox()
        var records = (0..<3).map { Self.record(["eventId": .string("OK\($0)")]) }
        records.append(Self.record(change))
        #expect {
            try sandbox.addIncidents(clientId: "sandbox", records: .array(records))
        } throws: { error in
            "\(error)" == message
        }
        #expect(
            sandbox.statistics.incidentCounts["sandbox"] == nil, "nothing is added when any record is bad")
    }

    @Test func addIncidents_addsAll_andTheyComeBackInTheResponse() throws {
        let sandbox = TestSupport.sandbox()
        let record = Self.record()
        #expect(try sandbox.addIncidents(clientId: "sandbox", records: .array([record])) == 1)
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":10}"#))
        let returned = try TestSupport.json(reply)["records"]?.arrayValue?.first
        #expect(returned == record)
        let stored = try #require(sandbox.incident(eventId: "20261101100000123ABCDE", clientId: "sandbox"))
        #expect(stored.eventTime == TestSupport.instant("2026-11-01 10:00:00").adding(milliseconds: 123))
    }

    @Test func addIncidents_rejectsDuplicates_inTheBatchAndInTheStore() throws {
        let sandbox = TestSupport.sandbox()
        _ = try sandbox.addIncidents(clientId: "sandbox", records: .array([Self.record()]))
        #expect {
            try sandbox.addIncidents(clientId: "sandbox", records: .array([Self.record()]))
        } throws: { error in
            "\(error)" == #"$[0].eventId: client already has incident "20261101100000123ABCDE""#
        }
        let twice = JSONValue.array([
            Self.record(["eventId": .string("D")]), Self.record(["eventId": .string("D")]),
        ])
        #expect {
            try sandbox.addIncidents(clientId: "sandbox", records: twice)
        } throws: { error in
            "\(error)" == "$[1].eventId: duplicate of $[0].eventId"
        }
    }

    @Test func addIncidents_refusesNonArrays_unknownClients_andOverCapacity() throws {
        let sandbox = TestSupport.sandbox { $0.maxIncidentsPerClient = 2 }
        #expect(throws: IncidentRecordError.self) {
            try sandbox.addIncidents(clientId: "sandbox", records: .object([:]))
        }
        #expect(throws: IncidentRecordError.self) {
            try sandbox.addIncidents(clientId: "ghost", records: .array([]))
        }
        let three = JSONValue.array((0..<3).map { Self.record(["eventId": .string("C\($0)")]) })
        #expect {
            try sandbox.addIncidents(clientId: "sandbox", records: three)
        } throws: { error in
            "\(error)".contains("would exceed the limit of 2 incidents")
        }
        #expect(sandbox.statistics.capacityRejectionCount == 3)
    }

    @Test func addIncidents_acceptsMinimalRecords_withDefaults() throws {
        let sandbox = TestSupport.sandbox()
        let minimal: JSONValue = [
            "eventId": "M1", "orderNo": "TESTA1", "eventType": "abnormal.cancelled", "eventStatus": 0,
            "eventTime": "2026-11-01 10:00:00", "airline": "AK", "depTime": "2026-12-01 08:00:00",
            "pnr": "PNR001",
            "paxName": "LIM/MEI", "paxEmail": "",
        ]
        _ = try sandbox.addIncidents(clientId: "sandbox", records: [minimal])
        let stored = try #require(sandbox.incident(eventId: "M1", clientId: "sandbox"))
        #expect(stored.createTime == stored.eventTime)
        #expect(stored.clientCode == "TAC00001")
        #expect(stored.subOrderNo == nil)
        #expect(stored.notified == nil)
    }
}
