import AtlasJSON
import Testing

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("{}", JSONValue.object([:])),
        ("[]", .array([])),
        (" \t\n\r1 ", .int(1)),
        ("-0", .int(0)),
        ("12.5", .double(12.5)),
        ("1e3", .double(1000)),
        ("-1E-2", .double(-0.01)),
        ("9223372036854775807", .int(Int.max)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        (#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#, .string("a\"b\\c/d\n\té😀")),
        (
            #"{"a":[1,{"b":null}],"c":"x"}"#,
            .object(["a": .array([.int(1), .object(["b": .null])]), "c": .string("x")])
        ),
        ("\"é\"", .string("é")),
    ])
    func parse_acceptsValidDocument(text: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(text) == expected)
    }

    @Test(arguments: [
        ("", "unexpected end of input"),
        ("{", "expected a string as an object key"),
        ("{\"a\":1,}", "expected a string as an object key"),
        ("[1,]", "expected a value"),
        ("[1 2]", "expected ',' or ']'"),
        ("{\"a\" 1}", "expected ':'"),
        ("{\"a\":1,\"a\":2}", "duplicate key \"a\""),
        ("01", "leading zero"),
        ("1.", "expected a digit after '.'"),
        ("1e", "expected a digit in the exponent"),
        ("-", "expected a digit"),
        ("+1", "unexpected character '+'"),
        ("1e999", "number out of range"),
        ("tru", "expected 'true'"),
        ("nul", "expected 'null'"),
        ("\"abc", "unterminated string"),
        ("\"a\u{01}b\"", "unescaped control character"),
        (#""\x""#, "invalid escape"),
        (#""\u12""#, "truncated \\u escape"),
        (#""\u12G4""#, "invalid hex digit"),
        (#""\ud800""#, "unpaired high surrogate"),
        (#""\udc00""#, "unpaired low surrogate"),
        ("{} x", "unexpected data after the JSON value"),
        ("// c\n{}", "unexpected character '/'"),
        ("'a'", "unexpected character"),
        ("NaN", "unexpected character"),
    ])
    func parse_rejectsMalformedDocument(text: String, reasonFragment: String) {
        #expect {
            try JSONValue.parse(text)
        } throws: { error in
            "\(error)".contains(reasonFragment)
        }
    }

    @Test func parse_rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func parse_reportsLineAndColumn() {
        do {
            _ = try JSONValue.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 7)
        }
    }

    @Test func parse_boundsNestingDepthWithoutCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        let allowed = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(throws: Never.self) { try JSONValue.parse(allowed, maxDepth: 10) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse(allowed, maxDepth: 9) }
    }
}
