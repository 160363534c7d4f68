import AtlasJSON
import Testing
import Webhooks

/// The catalog documents what the parser accepts, and the deliveries query parses strictly.
@Suite struct EventCatalogTests {
    @Test func catalog_coversEveryType_inOrder() {
        #expect(EventCatalog.all.map(\.type) == WebhookType.allCases)
        #expect(EventCatalog.json()["events"]?.arrayValue?.count == WebhookType.allCases.count)
    }

    @Test(arguments: WebhookType.allCases)
    func catalogFields_areExactlyTheKeysTheParserAccepts(type: WebhookType) throws {
        for field in EventCatalog.description(of: type).fields {
            let request: JSONValue = [
                "clientId": "sandbox", "type": .string(type.rawValue), "fields": [field.name: [:]],
            ]
            let error = try #require(throws: EventRequestError.self) { try EventRequest.parse(request) }
            #expect(!error.reason.hasPrefix("unknown key"), "\(type.rawValue).\(field.name): \(error)")
        }
        let unknown: JSONValue = ["clientId": "sandbox", "type": .string(type.rawValue), "fields": ["zz": 1]]
        let error = try #require(throws: EventRequestError.self) { try EventRequest.parse(unknown) }
        #expect(error.path.description == "$.fields.zz")
    }

    @Test func deliveryFilter_parsesQuery_andRefusesUnknownValues() throws {
        let filter = try DeliveryFilter.parse(query: [
            "clientId": "sandbox", "type": "order.void", "outcome": "failed", "orderNo": "", "eventId": "E",
        ])
        #expect(
            filter == DeliveryFilter(clientId: "sandbox", type: .orderVoid, outcome: .failed, eventId: "E"))
        #expect(throws: EventRequestError.self) { try DeliveryFilter.parse(query: ["outcome": "lost"]) }
        let error = try #require(throws: EventRequestError.self) {
            try DeliveryFilter.parse(query: ["limit": "3"])
        }
        #expect(error.description.hasPrefix("$.limit: unknown parameter"))
    }
}
