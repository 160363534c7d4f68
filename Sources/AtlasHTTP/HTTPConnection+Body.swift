extension HTTPConnection {
    enum BodyResult {
        case body([UInt8])
        case failure(HTTPParseError)
        case close
    }

    private static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Reads the body the head announced, starting at `readIndex`, within the body timeout.
    /// Sends `100 Continue` first when the client asked for it and has not started sending.
    mutating func readBody(_ head: HTTPRequestHead) async -> BodyResult {
        if head.framing == .none || head.framing == .untilClose { return .body([]) }
        let deadline = ContinuousClock.now + limits.bodyTimeout
        if head.expectsContinue && buffer.count == readIndex {
            guard
                await Socket.sendAll(
                    fd, Self.continueResponse, deadline: .now + limits.writeTimeout, reactor: server.reactor)
            else { return .close }
        }
        if case .length(let length) = head.framing {
            while buffer.count - readIndex < length {
                if let failure = await fillBody(deadline: deadline) { return failure }
            }
            let body = Array(buffer[readIndex..<(readIndex + length)])
            readIndex += length
            return .body(body)
        }
        var decoder = ChunkedDecoder(maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeadBytes)
        var body: [UInt8] = []
        while true {
            switch decoder.decode(buffer, index: &readIndex, end: buffer.count, body: &body) {
            case .done:
                return .body(body)
            case .failure(let error):
                return .failure(error)
            case .needMore:
                if let failure = await fillBody(deadline: deadline) { return failure }
            }
        }
    }

    /// Reads more body bytes; nil on data, otherwise how to end the connection.
    private mutating func fillBody(deadline: ContinuousClock.Instant) async -> BodyResult? {
        switch await fill(deadline: deadline, interruptible: false) {
        case .data:
            return nil
        case .timedOut:
            return .failure(HTTPParseError(408, "request body not received within \(limits.bodyTimeout)"))
        case .endOfFile, .interrupted, .closed:
            return .close
        }
    }
}
