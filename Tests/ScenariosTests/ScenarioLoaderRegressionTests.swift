import Scenarios
import Testing

/// Scenario files found by `fuzz/run scenario-file` that once broke an invariant, replayed exactly.
@Suite struct ScenarioLoaderRegressionTests {
    /// The reproducer: line feeds (escaped in the JSON) in the name, client, step name, event type,
    /// a reference, a number string, an event list and a key. Reasons quoting them printed the line
    /// feeds raw, so `validate` showed lines that did not start with the file.
    static let lineBreaksEverywhere: [UInt8] = Array(
        #"{"name":"n\nl","client":"a\nb","steps":[{"name":"x\ny","fire":{"type":"order.\nvoid","orderNo":"${la\nter.orderNo}"}},{"wait":{"ms":"1\n"}},{"expect":{"deliveries":{"events":["no\nne"]}}}],"unknown\nkey":1}"#
            .utf8)

    @Test func lineBreaksInQuotedText_everyErrorIsOneLineNamingTheFile() {
        do {
            _ = try ScenarioLoader.load(bytes: Self.lineBreaksEverywhere, file: "fuzz.json")
            Issue.record("the reproducer must be refused")
        } catch {
            #expect(!error.errors.isEmpty)
            for fault in error.errors {
                #expect(!fault.description.contains("\n"), "\(fault.description.debugDescription)")
                #expect(fault.description.hasPrefix("fuzz.json: "))
            }
            #expect(error.errors.contains { $0.reason.contains(#"got "n\nl""#) })
        }
    }
}
