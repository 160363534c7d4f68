// libFuzzer entry point for the HTTP/1.1 request parser, compiled into the AtlasHTTP module by
// fuzz/run (so it reaches the internal parser types). The input is a byte stream as a client would
// send it, possibly several pipelined requests. For two sets of limits (the defaults, and tight ones
// the fuzzer can actually hit within -max_len) it checks:
// - parsing never traps and every outcome is well-formed (`RequestInvariants`);
// - a parsed request is prefix-closed: the bytes it consumed parse to the same request on their own,
//   and any shorter prefix is merely incomplete (the server would wait, not answer);
// - feeding the same stream in pieces, as `HTTPConnection` does with its reads, yields exactly the
//   outcomes of the one-shot parse (`IncrementalFeed`), so framing cannot depend on TCP segmentation.

/// Called by libFuzzer once per input; returns 0 (the input may be added to the corpus).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var random = FuzzRandom(seed: bytes)
    for limits in FuzzLimits.all {
        let outcomes = parseStream(bytes, limits: limits)
        for (outcome, requestBytes) in outcomes {
            RequestInvariants.check(outcome, limits: limits)
            checkPrefixes(requestBytes, outcome: outcome, limits: limits, random: &random)
        }
        let pieces = IncrementalFeed.cuts(bytes, random: &random)
        let incremental = IncrementalFeed.outcomes(bytes, cuts: pieces, limits: limits)
        IncrementalFeed.compare(incremental, outcomes.map(\.outcome), cuts: pieces)
    }
    return 0
}

/// Limit sets every input is parsed with.
enum FuzzLimits {
    /// Small enough that head size, header count and body size limits are reachable in a few KiB.
    static let tight = HTTPLimits(maxHeadBytes: 200, maxHeaderCount: 4, maxBodyBytes: 48)
    static let all = [HTTPLimits(), tight]
}

/// Most pipelined requests parsed from one input; enough to cover keep-alive sequencing.
let maxPipelinedRequests = 8

/// Parses requests back to back, as the connection loop does, until one is incomplete or refused.
/// Returns each outcome with the bytes the parse saw (the unconsumed rest of the stream).
func parseStream(_ bytes: [UInt8], limits: HTTPLimits)
    -> [(outcome: HTTPRequestParser.Outcome, requestBytes: [UInt8])]
{
    var results: [(outcome: HTTPRequestParser.Outcome, requestBytes: [UInt8])] = []
    var rest = bytes
    while results.count < maxPipelinedRequests {
        let outcome = HTTPRequestParser.parse(rest, limits: limits)
        results.append((outcome, rest))
        guard case .request(let head, _, let consumed) = outcome, head.keepAlive, consumed < rest.count else {
            break
        }
        rest.removeFirst(consumed)
    }
    return results
}

/// A request parsed from `bytes` must parse identically from exactly the bytes it consumed, and a
/// random strictly shorter prefix must be incomplete (never a different request, never an error).
private func checkPrefixes(
    _ bytes: [UInt8], outcome: HTTPRequestParser.Outcome, limits: HTTPLimits, random: inout FuzzRandom
) {
    guard case .request(_, _, let consumed) = outcome else { return }
    let exact = HTTPRequestParser.parse(Array(bytes[..<consumed]), limits: limits)
    guard exact == outcome else {
        fuzzFailure("request changes when parsed from its own \(consumed) bytes: \(outcome) vs \(exact)")
    }
    let shorter = random.next(below: consumed)
    let partial = HTTPRequestParser.parse(Array(bytes[..<shorter]), limits: limits)
    guard partial == .incomplete else {
        fuzzFailure("prefix of \(shorter) of \(consumed) request bytes is not incomplete: \(partial)")
    }
}

/// Stops the run with a message; libFuzzer reports the trap as a crash and saves the input.
func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant violated: \(message)")
}
