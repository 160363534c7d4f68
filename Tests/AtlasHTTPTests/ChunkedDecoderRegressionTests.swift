import Testing

@testable import AtlasHTTP

/// Inputs found by `fuzz/run http-request-parser` that once broke an invariant, replayed exactly.
@Suite struct ChunkedDecoderRegressionTests {
    /// The fuzz reproducer: a chunk-size line of exactly 4096 bytes (the limit), `1`, 4091 spaces
    /// and `;e=2`.
    static let sizeLineAtLimit: [UInt8] = Array(
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1"
            + String(repeating: " ", count: 4091) + ";e=2\r\nx\r\n0\r\n\r\n").utf8)

    /// Decodes the body of `bytes` (after the head) with one read ending at `firstReadEnd`.
    private func decodeInTwoReads(_ bytes: [UInt8], firstReadEnd: Int) -> (ChunkedDecoder.Outcome, [UInt8]) {
        let headEnd = bytes.firstRange(of: Array("\r\n\r\n".utf8))!.upperBound
        var decoder = ChunkedDecoder(maxBodyBytes: 1024, maxTrailerBytes: 1024)
        var index = headEnd
        var body: [UInt8] = []
        let first = decoder.decode(bytes, index: &index, end: firstReadEnd, body: &body)
        guard first == .needMore else { return (first, body) }
        return (decoder.decode(bytes, index: &index, end: bytes.count, body: &body), body)
    }

    /// A read ending between the CR and LF of a size line at the limit used to count the CR as line
    /// content and refuse with 400, while the same bytes in one read were accepted.
    @Test func sizeLineAtLimit_isAcceptedWhenAReadEndsAfterItsCR() {
        let bytes = Self.sizeLineAtLimit
        let crOfSizeLine = bytes.firstRange(of: Array(";e=2\r".utf8))!.upperBound - 1
        #expect(HTTPRequestParser.parse(bytes) != .incomplete)
        if case .request(_, let body, _) = HTTPRequestParser.parse(bytes) {
            #expect(body == Array("x".utf8))
        } else {
            Issue.record("one-shot parse refused the at-limit size line")
        }
        let (outcome, body) = decodeInTwoReads(bytes, firstReadEnd: crOfSizeLine + 1)
        #expect(outcome == .done)
        #expect(body == Array("x".utf8))
    }

    /// One byte more is still refused however the reads fall, so the fix did not loosen the limit.
    @Test func sizeLineOverLimit_isRefusedWhateverTheReads() {
        var bytes = Self.sizeLineAtLimit
        bytes.insert(UInt8(ascii: " "), at: bytes.firstRange(of: Array(";e=2".utf8))!.lowerBound)
        let crOfSizeLine = bytes.firstRange(of: Array(";e=2\r".utf8))!.upperBound - 1
        #expect(HTTPRequestParser.parse(bytes) == .failure(HTTPParseError(400, "chunk size line too long")))
        let (outcome, _) = decodeInTwoReads(bytes, firstReadEnd: crOfSizeLine + 1)
        #expect(outcome == .failure(HTTPParseError(400, "chunk size line too long")))
    }
}
