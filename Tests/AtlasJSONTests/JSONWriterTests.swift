import AtlasJSON
import Testing

@Suite struct JSONWriterTests {
    @Test func serialized_sortsKeysAtEveryLevelCompactly() {
        let value: JSONValue = ["type": "x", "data": ["z": 1, "a": [["b": true, "a": nil]]], "cid": "C"]
        #expect(value.compactText == #"{"cid":"C","data":{"a":[{"a":null,"b":true}],"z":1},"type":"x"}"#)
    }

    @Test(arguments: [
        (JSONValue.string("a/b"), #""a/b""#),
        (.string("q\"\\\n\r\t\u{08}\u{0C}\u{01}"), #""q\"\\\n\r\t\b\f\u0001""#),
        (.string("é😀"), "\"é😀\""),
        (.int(-9_223_372_036_854_775_807 - 1), "-9223372036854775808"),
        (.int(0), "0"),
        (.double(1.5), "1.5"),
        (.double(2), "2.0"),
        (.double(.infinity), "null"),
    ])
    func serialized_encodesScalars(value: JSONValue, expected: String) {
        #expect(value.compactText == expected)
    }

    @Test func serialized_roundTripsThroughParser() throws {
        let value: JSONValue = ["a": [1, 2.25, "x", nil, true, ["k": "v"]], "é": "ü"]
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func writer_insertsCommasAndWritesRawValues() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.raw(Array(#"{"x":1}"#.utf8))
        writer.key("b")
        writer.beginArray()
        writer.int(1)
        writer.string(orNull: nil)
        writer.endArray()
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":{"x":1},"b":[1,null]}"#)
    }

    @Test func path_printsKeysAndIndexes() {
        let path = JSONPath.root.appending("steps").appending(2).appending("odd key")
        #expect(path.description == #"$.steps[2]["odd key"]"#)
        let document: JSONValue = ["steps": [1, 2, ["odd key": "v"]]]
        #expect(document[path: path] == "v")
    }

    @Test func shapeError_namesPathAndKinds() {
        let members: [String: JSONValue] = ["a": 1, "typo": 2]
        #expect(
            throws: JSONShapeError(path: JSONPath.root.appending("a"), reason: "expected string, got integer")
        ) {
            try members["a"]!.expectString(at: JSONPath.root.appending("a"))
        }
        #expect(throws: JSONShapeError.self) { try members.rejectUnknownKeys(allowed: ["a"], at: .root) }
        #expect(throws: JSONShapeError(path: JSONPath.root.appending("b"), reason: "missing required field"))
        {
            try members.required("b", at: .root)
        }
    }
}
