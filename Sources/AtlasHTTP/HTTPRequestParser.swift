/// The whole request parse (scanner, head, body) as one pure function over a byte buffer.
///
/// The connection runs the same pieces incrementally as bytes arrive; this entry point exists for
/// tests and fuzzing, where the input is all there at once.
enum HTTPRequestParser {
    enum Outcome: Equatable {
        /// The bytes end before the request does.
        case incomplete
        /// One request, and how many bytes it used (the rest belongs to the next request).
        case request(HTTPRequestHead, body: [UInt8], consumed: Int)
        /// The request is refused with this status and message.
        case failure(HTTPParseError)
    }

    /// Parses the first request in `bytes`.
    static func parse(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) -> Outcome {
        var scanner = HTTPHeadScanner(
            origin: 0, maxHeadBytes: limits.maxHeadBytes, maxHeaderCount: limits.maxHeaderCount)
        let start: Int
        let end: Int
        switch scanner.scan(bytes, end: bytes.count) {
        case .needMore: return .incomplete
        case .failure(let error): return .failure(error)
        case .complete(let headStart, let headEnd): (start, end) = (headStart, headEnd)
        }
        let head: HTTPRequestHead
        do {
            head = try HTTPRequestHead.parse(bytes, start: start, end: end, limits: limits)
        } catch {
            return .failure(error)
        }
        switch head.framing {
        case .none, .untilClose:
            return .request(head, body: [], consumed: end)
        case .length(let length):
            guard bytes.count - end >= length else { return .incomplete }
            return .request(head, body: Array(bytes[end..<(end + length)]), consumed: end + length)
        case .chunked:
            var decoder = ChunkedDecoder(
                maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeadBytes)
            var index = end
            var body: [UInt8] = []
            switch decoder.decode(bytes, index: &index, end: bytes.count, body: &body) {
            case .needMore: return .incomplete
            case .failure(let error): return .failure(error)
            case .done: return .request(head, body: body, consumed: index)
            }
        }
    }
}
