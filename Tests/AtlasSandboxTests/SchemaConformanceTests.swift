import AtlasJSON
import Testing

@testable import AtlasSandbox

/// Every kind of response checked against the required fields and types of `atlas-openapi.json`.
///
/// Success bodies are checked against the operation's 200 schema. Error bodies (status ≠ 0) carry only
/// the envelope `{"msg","status"}`, as Atlas's errors do, so they are checked against the envelope
/// schema (the updateWebhookURL response: `status` integer required, `msg` string or null).
@Suite struct SchemaConformanceTests {
    static let spec: JSONValue = (try? JSONValue.parse(AtlasOpenAPISpec.text)) ?? .null

    static func responseSchema(_ path: String) -> JSONValue {
        spec["paths"]?[path]?["post"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]
            ?? .null
    }

    /// Problems of `value` against an OpenAPI 3.0 schema subset: type, required, properties, items,
    /// nullable, local `$ref`.
    static func problems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
        var schema = schema
        let nullable = schema["nullable"]?.boolValue ?? false
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            schema = spec["components"]?["schemas"]?[name] ?? .null
        }
        if value.isNull {
            return nullable || schema["nullable"]?.boolValue == true ? [] : ["\(path): null is not allowed"]
        }
        switch schema["type"]?.stringValue {
        case "object":
            guard let object = value.objectValue else {
                return ["\(path): expected object, got \(value.kindName)"]
            }
            var found: [String] = []
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            where object[key] == nil {
                found.append("\(path).\(key): required field missing")
            }
            for (key, property) in schema["properties"]?.objectValue ?? [:] {
                if let member = object[key] { found += problems(member, property, at: "\(path).\(key)") }
            }
            return found
        case "array":
            guard let items = value.arrayValue else {
                return ["\(path): expected array, got \(value.kindName)"]
            }
            return items.enumerated().flatMap { problems($1, schema["items"] ?? .null, at: "\(path)[\($0)]") }
        case "string":
            return value.stringValue == nil ? ["\(path): expected string, got \(value.kindName)"] : []
        case "integer":
            return value.intValue == nil ? ["\(path): expected integer, got \(value.kindName)"] : []
        default: return []
        }
    }

    static let calls: [(String, String, Bool)] = [
        ("/event/getPageList.do", #"{"pageSize":100}"#, true),
        ("/event/getPageList.do", #"{"pageSize":2,"pageIndex":2}"#, true),
        ("/event/getPageList.do", #"{"pageSize":2,"pageIndex":99}"#, true),
        ("/event/getPageList.do", #"{"pageSize":10,"eventStatus":[1]}"#, true),
        ("/event/getPageList.do", #"{"pageSize":10,"eventId":"none"}"#, true),
        ("/event/getPageList.do", "{}", true),
        ("/event/getPageList.do", "oops", true),
        ("/event/getPageList.do", #"{"pageSize":10}"#, false),
        ("/updateWebhookURL.do", #"{"url":"https://a.example/h"}"#, true),
        ("/updateWebhookURL.do", #"{"url":"nope"}"#, true),
        ("/updateWebhookURL.do", "{}", true),
        ("/updateWebhookURL.do", #"{"url":"https://a.example/h"}"#, false),
    ]

    @Test(arguments: IncidentTimeFormat.allCases, 0..<calls.count)
    func everyResponse_conformsToTheOpenAPISchema(timeFormat: IncidentTimeFormat, index: Int) throws {
        try #require(Self.spec != .null)
        let sandbox = try TestSupport.fixtureSandbox { $0.timeFormat = timeFormat }
        let (path, body, authenticated) = Self.calls[index]
        let reply = sandbox.handle(
            TestSupport.call(path, body, client: authenticated ? TestSupport.sandboxClient : nil))
        let json = try TestSupport.json(reply)
        let schema =
            reply.bodyStatus == 0 ? Self.responseSchema(path) : Self.responseSchema("/updateWebhookURL.do")
        #expect(Self.problems(json, schema, at: "$") == [])
        #expect(json["status"] == .int(reply.bodyStatus))
    }

    @Test(arguments: IncidentTimeFormat.allCases)
    func records_carryEverySchemaField_andTheSampleExtras(timeFormat: IncidentTimeFormat) throws {
        let sandbox = try TestSupport.fixtureSandbox { $0.timeFormat = timeFormat }
        let json = try TestSupport.json(sandbox.handle(TestSupport.getPageList(#"{"pageSize":100}"#)))
        let recordSchema = Self.responseSchema("/event/getPageList.do")["properties"]?["records"]?["items"]
        let schemaFields = Set(recordSchema?["properties"]?.objectValue?.keys.map { $0 } ?? [])
        let extras: Set<String> = ["subOrderNo", "extraInfo", "clientCode", "updateIme", "confirmUsr"]
        let records = try #require(json["records"]?.arrayValue)
        #expect(records.count == 5)
        for record in records {
            #expect(Set(record.objectValue?.keys.map { $0 } ?? []) == schemaFields.union(extras))
        }
    }

    @Test func validator_catchesWrongTypesAndMissingFields() throws {
        let bad = try JSONValue.parse(
            #"{"status":0,"msg":null,"pageIndex":1,"pageSize":"1","records":[{"eventId":5}]}"#)
        let found = Self.problems(bad, Self.responseSchema("/event/getPageList.do"), at: "$")
        #expect(found.contains("$.pageIndex: expected string, got integer"))
        #expect(found.contains("$.total: required field missing"))
        #expect(found.contains("$.records[0].eventId: expected string, got integer"))
        #expect(found.contains("$.records[0].paxEmail: required field missing"))
    }

    @Test func sampleTimeFormat_printsLikeTheOfficialSample() throws {
        let sandbox = try TestSupport.fixtureSandbox { $0.timeFormat = .sample }
        let reply = sandbox.handle(
            TestSupport.getPageList(#"{"pageSize":1,"eventId":"20261110014000568DRLNX"}"#))
        let record = try #require(try TestSupport.json(reply)["records"]?.arrayValue?.first)
        #expect(record["eventTime"] == .string("Nov 10, 2026 1:40:00 AM"))
        #expect(record["depTime"] == .string("Dec 18, 2026 6:10:00 AM"))
        #expect(record["confirmTime"] == .null)
    }

    @Test func response_isCompactWithSortedKeys() throws {
        let sandbox = try TestSupport.fixtureSandbox()
        let reply = sandbox.handle(TestSupport.getPageList(#"{"pageSize":3}"#))
        #expect(try TestSupport.json(reply).serialized() == reply.body)
    }
}
