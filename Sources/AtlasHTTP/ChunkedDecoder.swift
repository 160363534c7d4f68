/// Incremental decoder for the chunked transfer coding (RFC 9112 §7.1).
///
/// Feed it the buffer as bytes arrive; it appends decoded data to the body and reports how many
/// input bytes it consumed, so leftover (pipelined) bytes stay in the buffer.
struct ChunkedDecoder {
    enum Outcome: Equatable {
        /// Consumed what it could; more bytes are needed.
        case needMore
        /// The last chunk and trailer section were read.
        case done
        /// The coding is invalid (400) or the body too large (413).
        case failure(HTTPParseError)
    }

    private enum State {
        case sizeLine
        case data(remaining: Int)
        case dataEnd
        case trailer
        case done
    }

    static let maxSizeLineBytes = 4096
    static let maxHexDigits = 15

    let maxBodyBytes: Int
    let maxTrailerBytes: Int
    private var state = State.sizeLine
    private var trailerBytes = 0

    init(maxBodyBytes: Int, maxTrailerBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTrailerBytes = maxTrailerBytes
    }

    /// Decodes from `buffer[index..<end]`, advancing `index` past consumed bytes.
    mutating func decode(_ buffer: [UInt8], index: inout Int, end: Int, body: inout [UInt8]) -> Outcome {
        while true {
            switch state {
            case .sizeLine:
                guard let lineEnd = findCRLF(buffer, from: index, end: end) else {
                    // A trailing CR may be the start of the line's CRLF, which the complete-line
                    // check below does not count; counting it here refused a 4096-byte line only
                    // when a read happened to end between its CR and LF.
                    let pendingCR = end > index && buffer[end - 1] == HTTPSyntax.cr ? 1 : 0
                    if end - index - pendingCR > Self.maxSizeLineBytes {
                        return .failure(HTTPParseError(400, "chunk size line too long"))
                    }
                    if let failure = bareLineEnding(buffer, from: index, end: end) {
                        return .failure(failure)
                    }
                    return .needMore
                }
                if lineEnd - index > Self.maxSizeLineBytes {
                    return .failure(HTTPParseError(400, "chunk size line too long"))
                }
                let size: Int
                switch parseSizeLine(buffer, from: index, to: lineEnd) {
                case .success(let value): size = value
                case .failure(let error): return .failure(error)
                }
                index = lineEnd + 2
                if size == 0 {
                    state = .trailer
                } else {
                    if size > maxBodyBytes - body.count {
                        return .failure(
                            HTTPParseError(413, "chunked body exceeds the limit of \(maxBodyBytes) bytes"))
                    }
                    state = .data(remaining: size)
                }
            case .data(let remaining):
                let available = min(remaining, end - index)
                if available > 0 {
                    body.append(contentsOf: buffer[index..<(index + available)])
                    index += available
                }
                if available < remaining {
                    state = .data(remaining: remaining - available)
                    return .needMore
                }
                state = .dataEnd
            case .dataEnd:
                guard end - index >= 2 else { return .needMore }
                guard buffer[index] == HTTPSyntax.cr, buffer[index + 1] == HTTPSyntax.lf else {
                    return .failure(HTTPParseError(400, "missing CRLF after chunk data"))
                }
                index += 2
                state = .sizeLine
            case .trailer:
                guard let lineEnd = findCRLF(buffer, from: index, end: end) else {
                    if trailerBytes + (end - index) > maxTrailerBytes {
                        return .failure(HTTPParseError(431, "chunked trailer section too large"))
                    }
                    if let failure = bareLineEnding(buffer, from: index, end: end) {
                        return .failure(failure)
                    }
                    return .needMore
                }
                trailerBytes += lineEnd + 2 - index
                if trailerBytes > maxTrailerBytes {
                    return .failure(HTTPParseError(431, "chunked trailer section too large"))
                }
                if lineEnd == index {
                    index += 2
                    state = .done
                    return .done
                }
                if let failure = validateTrailerLine(buffer, from: index, to: lineEnd) {
                    return .failure(failure)
                }
                index = lineEnd + 2
            case .done:
                return .done
            }
        }
    }

    /// `1*15HEXDIG [ BWS ";" chunk-ext ]`; the hex digits are checked by hand because
    /// `Int(_:radix:)` accepts a sign.
    private func parseSizeLine(_ buffer: [UInt8], from start: Int, to end: Int) -> Result<Int, HTTPParseError>
    {
        var index = start
        var size = 0
        while index < end, let digit = hexValue(buffer[index]) {
            size = size << 4 | Int(digit)
            index += 1
            if index - start > Self.maxHexDigits {
                return .failure(HTTPParseError(400, "chunk size has too many digits"))
            }
        }
        guard index > start else { return .failure(HTTPParseError(400, "invalid chunk size")) }
        guard index < end else { return .success(size) }
        var extensionStart = index
        while extensionStart < end
            && (buffer[extensionStart] == HTTPSyntax.space || buffer[extensionStart] == HTTPSyntax.tab)
        {
            extensionStart += 1
        }
        guard extensionStart < end, buffer[extensionStart] == UInt8(ascii: ";") else {
            return .failure(HTTPParseError(400, "invalid chunk size"))
        }
        for position in extensionStart..<end where !HTTPSyntax.isFieldValueByte(buffer[position]) {
            return .failure(HTTPParseError(400, "control character in chunk extension"))
        }
        return .success(size)
    }

    /// A trailer field must look like a header field: `token ":" value` without control characters.
    private func validateTrailerLine(_ buffer: [UInt8], from start: Int, to end: Int) -> HTTPParseError? {
        var index = start
        while index < end && buffer[index] != HTTPSyntax.colon {
            guard HTTPSyntax.isTchar(buffer[index]) else {
                return HTTPParseError(400, "invalid trailer field")
            }
            index += 1
        }
        guard index > start, index < end else { return HTTPParseError(400, "invalid trailer field") }
        for position in (index + 1)..<end where !HTTPSyntax.isFieldValueByte(buffer[position]) {
            return HTTPParseError(400, "control character in trailer field")
        }
        return nil
    }
}

/// Index of the CR of the first CRLF in `buffer[from..<end]`, or nil.
func findCRLF(_ buffer: [UInt8], from: Int, end: Int) -> Int? {
    var index = from
    while index + 1 < end {
        if buffer[index] == HTTPSyntax.cr && buffer[index + 1] == HTTPSyntax.lf { return index }
        index += 1
    }
    return nil
}

/// A bare LF, or a CR followed by something other than LF, in an incomplete line.
func bareLineEnding(_ buffer: [UInt8], from: Int, end: Int) -> HTTPParseError? {
    var index = from
    while index < end {
        if buffer[index] == HTTPSyntax.lf { return HTTPParseError(400, "bare LF line ending") }
        if buffer[index] == HTTPSyntax.cr && index + 1 < end && buffer[index + 1] != HTTPSyntax.lf {
            return HTTPParseError(400, "bare CR line ending")
        }
        index += 1
    }
    return nil
}
