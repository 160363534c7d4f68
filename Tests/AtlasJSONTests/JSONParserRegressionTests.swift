import AtlasJSON
import Testing

/// Parser faults found by fuzzing (fuzz/run), replayed exactly.
@Suite struct JSONParserRegressionTests {
    /// From `fuzz/run fixture-files`: a duplicated key holding an escaped line feed was printed raw in
    /// the fault, so "line 1, column 17: duplicate key ..." spanned two lines and the second line of
    /// a fixture or scenario error no longer started with the file name.
    @Test func duplicateKeyWithLineBreak_staysOnOneLine() {
        let bytes = Array(#"{"cl\\\ntId":"","cl\\\ntId":""}"#.utf8)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        do {
            _ = try JSONValue.parse(bytes)
        } catch {
            #expect(error.reason == #"duplicate key "cl\\\ntId""#)
            #expect(!error.description.contains("\n"))
        }
    }
}
