import AtlasSandbox
import Testing

/// Fixture-file inputs found by `fuzz/run fixture-files` that once broke an invariant, replayed exactly.
@Suite struct FixturesRegressionTests {
    /// The `clients.json` part of the reproducer (up to its NUL byte): truncated JSON whose keys
    /// repeat `cl\` + line feed + `tId`. The duplicate-key fault printed the line feed raw, so the
    /// error's second line did not name the file.
    static let clientsWithLineBreakKey: [UInt8] =
        Array(
            #"[{"clientId":"","cl\\\ntId":"","cl\\\ntId":"","cl\\\\\\\\\\\tId":"","cl\\\\\\\\\\e\ntSecre"#
                .utf8)
        + [0x01]

    @Test func duplicateKeyWithLineBreak_everyErrorLineNamesTheFile() {
        do {
            _ = try Fixtures.clients(from: Self.clientsWithLineBreakKey, source: "clients.json")
            Issue.record("the reproducer is not valid JSON and must be refused")
        } catch {
            let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 1)
            #expect(lines.allSatisfy { $0.hasPrefix("clients.json: ") })
        }
    }
}
