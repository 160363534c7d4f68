import AtlasJSON
import FoundationEssentials
import Scenarios
import Testing

@Suite struct ScenarioSchemaTests {
    private let schema: JSONValue = {
        let data = FileManager.default.contents(atPath: libraryDirectory + "/scenario.schema.json")!
        return try! JSONValue.parse([UInt8](data))
    }()

    @Test func schemaDescribesTheSameTopLevelKeysStepActionsAndEventTypesAsTheLoader() throws {
        let top = try #require(schema["properties"]?.objectValue)
        #expect(
            Set(top.keys) == ["$schema", "name", "description", "client", "orders", "variables", "steps"])
        let step = try #require(schema["$defs"]?["step"]?["properties"]?.objectValue)
        #expect(Set(step.keys) == ["name", "description", "register", "fire", "wait", "clock", "expect"])
        let expect = try #require(step["expect"]?["properties"]?.objectValue)
        #expect(Set(expect.keys) == ["deliveries", "incidents", "requests", "equal"])
        let types = try #require(step["fire"]?["properties"]?["type"]?["enum"]?.arrayValue)
        #expect(
            Set(types.compactMap(\.stringValue)) == [
                "order.ticketed", "order.schedulechange", "email.schedulechange", "abnormal.cancelled",
                "order.void",
                "airline.status", "email.all", "order.cancelled",
            ])
    }

    @Test func everyLibraryFilePointsEditorsAtTheSchema() {
        for scenario in library.scenarios {
            #expect(scenario.document["$schema"] == "./scenario.schema.json", "\(scenario.file)")
        }
    }
}
