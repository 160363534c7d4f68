/// Finds the end of a message head incrementally, enforcing size and line rules as bytes arrive.
///
/// Each byte is looked at once across calls (no quadratic rescans for slow clients), bare CR / bare LF
/// are rejected as soon as they are seen, and the head-size and header-count limits are enforced while
/// the head is still growing, before any terminator shows up.
struct HTTPHeadScanner {
    enum Outcome: Equatable {
        /// More bytes are needed.
        case needMore
        /// The head spans `start..<end`, where `end` is just past the blank line; `start` is past any
        /// leading empty lines.
        case complete(start: Int, end: Int)
        /// The head is invalid or too large.
        case failure(HTTPParseError)
    }

    let maxHeadBytes: Int
    let maxHeaderCount: Int
    /// Where this message's bytes begin in the buffer (leading CRLFs count against the size limit).
    let origin: Int
    private(set) var start: Int
    private var index: Int
    private var lineStart: Int
    private var lineCount = 0
    private var skippingLeadingLines = true

    init(origin: Int, maxHeadBytes: Int, maxHeaderCount: Int) {
        self.origin = origin
        self.start = origin
        self.index = origin
        self.lineStart = origin
        self.maxHeadBytes = maxHeadBytes
        self.maxHeaderCount = maxHeaderCount
    }

    /// Whether any byte of a message (beyond tolerated leading empty lines) has been seen.
    var hasStarted: Bool { index > start || !skippingLeadingLines }

    /// Scans `buffer[...<end]` from where the previous call stopped.
    mutating func scan(_ buffer: [UInt8], end: Int) -> Outcome {
        let outcome = buffer.withUnsafeBufferPointer { scan($0, end: end) }
        if case .needMore = outcome, end - origin > maxHeadBytes {
            return .failure(HTTPParseError(431, "request head exceeds \(maxHeadBytes) bytes"))
        }
        return outcome
    }

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Outcome {
        while index < end {
            let byte = bytes[index]
            if byte == HTTPSyntax.lf {
                return .failure(HTTPParseError(400, "bare LF line ending"))
            }
            guard byte == HTTPSyntax.cr else {
                skippingLeadingLines = false
                index += 1
                continue
            }
            guard index + 1 < end else { return .needMore }
            guard bytes[index + 1] == HTTPSyntax.lf else {
                return .failure(HTTPParseError(400, "bare CR in head"))
            }
            if index == lineStart {
                if skippingLeadingLines {
                    // RFC 9112 §2.2: empty lines before the request line are ignored.
                    index += 2
                    lineStart = index
                    start = index
                    continue
                }
                let headEnd = index + 2
                if headEnd - origin > maxHeadBytes {
                    return .failure(HTTPParseError(431, "request head exceeds \(maxHeadBytes) bytes"))
                }
                return .complete(start: start, end: headEnd)
            }
            lineCount += 1
            if lineCount - 1 > maxHeaderCount {
                return .failure(HTTPParseError(431, "more than \(maxHeaderCount) header fields"))
            }
            index += 2
            lineStart = index
        }
        return .needMore
    }
}
