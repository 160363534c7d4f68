// libFuzzer entry point for the strict JSON parser, compiled into the AtlasJSON module by fuzz/run
// (so it sees internal API). Checks, for every input:
// - `JSONValue.parse` returns or throws, never traps, at the default depth and at a shallow one;
// - a parse error points inside the input (offset 0...count, line/column from 1) and is one line;
// - an accepted document round-trips: `serialized()` re-parses to an equal value, serializing that
//   gives the same bytes (the writer is canonical), and `prettyPrinted()` re-parses equal too.

/// Called by libFuzzer once per input; returns 0 (the input may be added to the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A shallow limit too, so the depth check itself is exercised at small sizes.
    for maxDepth in [64, 3] {
        checkDocument(bytes, maxDepth: maxDepth)
    }
    return 0
}

private func checkDocument(_ bytes: [UInt8], maxDepth: Int) {
    let value: JSONValue
    do {
        value = try JSONValue.parse(bytes, maxDepth: maxDepth)
    } catch {
        guard (0...bytes.count).contains(error.offset), error.line >= 1, error.column >= 1,
            !error.reason.isEmpty
        else { fuzzFailure("parse error out of range: \(error) offset \(error.offset) of \(bytes.count)") }
        // Callers print faults as one "file: line, column: reason" line each.
        guard !error.description.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            fuzzFailure("parse error spans lines: \(error.description.debugDescription)")
        }
        return
    }
    let compact = value.serialized()
    let reparsed: JSONValue
    do {
        reparsed = try JSONValue.parse(compact, maxDepth: maxDepth)
    } catch {
        fuzzFailure("serialized() does not re-parse: \(error)\n\(String(decoding: compact, as: UTF8.self))")
    }
    guard reparsed == value else {
        fuzzFailure("round trip changed the value:\n\(value)\n\(reparsed)")
    }
    guard reparsed.serialized() == compact else {
        fuzzFailure("serialized() is not canonical:\n\(String(decoding: compact, as: UTF8.self))")
    }
    let pretty = value.prettyPrinted()
    guard (try? JSONValue.parse(Array(pretty.utf8), maxDepth: maxDepth)) == value else {
        fuzzFailure("prettyPrinted() does not re-parse to the same value:\n\(pretty)")
    }
}

/// Stops the run with a message; libFuzzer reports the trap as a crash and saves the input.
private func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant violated: \(message)")
}
