/// Replays a byte stream the way `HTTPConnection` reads it: bytes arrive in pieces, the head scanner
/// resumes where it stopped, the body (Content-Length or chunked) is completed from later pieces,
/// and consumed bytes are dropped before the next pipelined request.
///
/// The connection itself needs a socket, so this mirrors its `readHead` / `readBody` / `compact`
/// loop over the same scanner, head parser and chunked decoder.
enum IncrementalFeed {
    /// Where the stream is cut into reads: 1 to 4 random pieces; or (one time in four) a cut between
    /// every CR and the byte after it, where line-length limits are checked against a line whose end
    /// is not yet known; or (for short inputs, one time in eight) one byte per read, the most hostile
    /// segmentation.
    static func cuts(_ stream: [UInt8], random: inout FuzzRandom) -> [Int] {
        let count = stream.count
        switch random.next(below: 8) {
        case 0 where count > 0 && count <= 512:
            return Array(1...count)
        case 1, 2:
            return stream.indices.filter { stream[$0] == HTTPSyntax.cr }.map { $0 + 1 } + [count]
        default:
            var cuts = (0..<random.next(below: 4)).map { _ in random.next(below: count + 1) }
            cuts.append(count)
            return Array(Set(cuts)).sorted()
        }
    }

    /// The outcome of each request on the connection, in order, ending with the first refusal or the
    /// first request still incomplete when the stream ends.
    static func outcomes(_ stream: [UInt8], cuts: [Int], limits: HTTPLimits) -> [HTTPRequestParser.Outcome] {
        var reads = cuts.makeIterator()
        var delivered = 0
        var buffer: [UInt8] = []
        // One `recv`: the next piece of the stream, or false at end of stream.
        func fill() -> Bool {
            while let cut = reads.next() {
                guard cut > delivered else { continue }
                buffer += stream[delivered..<cut]
                delivered = cut
                return true
            }
            return false
        }
        var results: [HTTPRequestParser.Outcome] = []
        while results.count < maxPipelinedRequests {
            var scanner = HTTPHeadScanner(
                origin: 0, maxHeadBytes: limits.maxHeadBytes, maxHeaderCount: limits.maxHeaderCount)
            var head: HTTPRequestHead?
            var headEnd = 0
            scan: while true {
                switch scanner.scan(buffer, end: buffer.count) {
                case .complete(let start, let end):
                    do {
                        head = try HTTPRequestHead.parse(buffer, start: start, end: end, limits: limits)
                        headEnd = end
                    } catch {
                        results.append(.failure(error))
                        return results
                    }
                    break scan
                case .failure(let error):
                    results.append(.failure(error))
                    return results
                case .needMore:
                    if !fill() {
                        results.append(.incomplete)
                        return results
                    }
                }
            }
            guard let head else { return results }
            var readIndex = headEnd
            var body: [UInt8] = []
            switch head.framing {
            case .none, .untilClose:
                break
            case .length(let length):
                while buffer.count - readIndex < length {
                    if !fill() {
                        results.append(.incomplete)
                        return results
                    }
                }
                body = Array(buffer[readIndex..<(readIndex + length)])
                readIndex += length
            case .chunked:
                var decoder = ChunkedDecoder(maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeadBytes)
                decode: while true {
                    switch decoder.decode(buffer, index: &readIndex, end: buffer.count, body: &body) {
                    case .done:
                        break decode
                    case .failure(let error):
                        results.append(.failure(error))
                        return results
                    case .needMore:
                        if !fill() {
                            results.append(.incomplete)
                            return results
                        }
                    }
                }
            }
            results.append(.request(head, body: body, consumed: readIndex))
            // The connection closes after a non-keep-alive exchange; nothing more is parsed.
            guard head.keepAlive else { return results }
            buffer.removeSubrange(0..<readIndex)
            if buffer.isEmpty && !fill() { return results }
        }
        return results
    }

    /// The incremental outcomes must be the one-shot ones. A refusal must stay a refusal; its status
    /// may differ when the pieces reveal different faults first (e.g. 431 for a head that outgrew the
    /// limit in an early read, where the one-shot scan met a bare LF further on), which is harmless:
    /// either way the client is refused and the connection closed.
    static func compare(_ incremental: [HTTPRequestParser.Outcome], _ oneShot: [HTTPRequestParser.Outcome], cuts: [Int]) {
        guard incremental.count == oneShot.count else {
            fuzzFailure("cuts \(cuts): \(incremental.count) outcomes in pieces, \(oneShot.count) at once\n\(incremental)\n\(oneShot)")
        }
        for (piecewise, whole) in zip(incremental, oneShot) {
            switch (piecewise, whole) {
            case (.failure, .failure):
                continue
            default:
                guard piecewise == whole else {
                    fuzzFailure("cuts \(cuts): reading in pieces gave \(piecewise), at once \(whole)")
                }
            }
        }
    }
}
