import AtlasJSON
import AtlasSandbox
import Testing

/// The shipped orders fixture and the loader's faults.
@Suite struct OrderFixturesTests {
    @Test func shippedFixture_coversTheRequiredItineraries() throws {
        let orders = Fixture.orders()
        #expect(Set(orders.keys) == ["sandbox", "partner"])
        let all = orders.values.flatMap { $0 }
        #expect(all.count >= 6)
        #expect(all.allSatisfy { $0.orderNo.hasPrefix("TEST") })
        #expect(all.contains { $0.segments.count == 1 })  // one-way
        #expect(all.contains { Set($0.segments.map(\.direction)) == [1, 2] })  // round trip
        #expect(all.contains { $0.segments.filter { $0.direction == 1 }.count >= 2 })  // connection
        #expect(all.contains { $0.segments.contains(where: \.codeShare) })
        #expect(
            all.contains { order in
                order.passengers.contains { $0.type == .child }
                    && order.passengers.contains { $0.type == .infant }
            })
    }

    @Test(arguments: [
        (
            #"{"sandbox":[{"orderNo":"TESTA1"}]}"#,
            "orders.json: $.sandbox[0].orderNo: expected five uppercase letters and yyyyMMddHHmmssSSS, got \"TESTA1\""
        ),
        (#"{"sandbox":{}}"#, "orders.json: $.sandbox: expected array, got object"),
        (#"{"sandbox":[1,]}"#, "orders.json: line 1, column "),
    ])
    func load_namesFilePathAndReason(text: String, prefix: String) {
        let error = #expect(throws: OrderFixtureError.self) {
            try OrderFixtures.load(from: Array(text.utf8), source: "orders.json")
        }
        #expect(error?.description.hasPrefix(prefix) == true, "\(String(describing: error))")
    }

    @Test func load_refusesBadSegmentTimeAndUnknownKeys() throws {
        var document = try JSONValue.parse(Fixture.ordersBytes)
        guard case .object(var clients) = document, case .array(var list) = clients["sandbox"]!,
            case .object(var order) = list[0], case .array(var segments) = order["segments"]!,
            case .object(var segment) = segments[0]
        else {
            Issue.record("fixture shape")
            return
        }
        segment["depTime"] = "2026-03-02T08:05"
        segments[0] = .object(segment)
        order["segments"] = .array(segments)
        list[0] = .object(order)
        clients["sandbox"] = .array(list)
        document = .object(clients)
        let error = #expect(throws: OrderFixtureError.self) {
            try OrderFixtures.load(from: document.serialized(), source: "fixtures/orders.json")
        }
        #expect(
            error?.description
                == "fixtures/orders.json: $.sandbox[0].segments[0].depTime: expected an airport-local time yyyy-MM-dd HH:mm:ss, got \"2026-03-02T08:05\""
        )
    }
}
