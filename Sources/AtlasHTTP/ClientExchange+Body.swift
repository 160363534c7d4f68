extension ClientExchange {
    /// Reads the body per `framing`; returns it and whether it was truncated at the limit.
    mutating func readBody(
        _ framing: HTTPBodyFraming, _ head: HTTPResponseHead
    ) async throws(ExchangeError) -> ([UInt8], Bool) {
        switch framing {
        case .none:
            return ([], false)
        case .length(let length):
            if length > maxBodyBytes && !truncate { throw tooLarge(head, "Content-Length \(length)") }
            let wanted = min(length, maxBodyBytes)
            while buffer.count < wanted {
                guard try await fillBody(head) else { throw closedEarly(head) }
            }
            let body = Array(buffer[0..<wanted])
            buffer.removeSubrange(0..<wanted)
            return (body, wanted < length)
        case .chunked:
            var decoder = ChunkedDecoder(maxBodyBytes: maxBodyBytes, maxTrailerBytes: 64 * 1024)
            var body: [UInt8] = []
            var index = 0
            while true {
                let outcome = decoder.decode(buffer, index: &index, end: buffer.count, body: &body)
                buffer.removeSubrange(0..<index)
                index = 0
                switch outcome {
                case .done:
                    return (body, false)
                case .failure(let error) where error.status == 413:
                    if truncate { return (body, true) }
                    throw tooLarge(head, "chunked body")
                case .failure(let error):
                    throw ExchangeError.failure(
                        HTTPClientError(
                            .protocolError, "invalid chunked body: \(error.message)", status: head.status,
                            headers: head.headers))
                case .needMore:
                    guard try await fillBody(head) else { throw closedEarly(head) }
                }
            }
        case .untilClose:
            repeat {
                // Checked before every read: bytes that arrived with the head count too.
                if buffer.count > maxBodyBytes {
                    if truncate { return (Array(buffer[0..<maxBodyBytes]), true) }
                    throw tooLarge(head, "body")
                }
            } while try await fillBody(head)
            let body = buffer
            buffer.removeAll()
            return (body, false)
        }
    }

    private mutating func fillBody(_ head: HTTPResponseHead) async throws(ExchangeError) -> Bool {
        do throws(ExchangeError) {
            return try await fill(while: "reading the response body")
        } catch {
            if case .failure(var clientError) = error {
                clientError.status = head.status
                clientError.headers = head.headers
                throw .failure(clientError)
            }
            throw error
        }
    }

    private func tooLarge(_ head: HTTPResponseHead, _ what: String) -> ExchangeError {
        .failure(
            HTTPClientError(
                .tooLarge, "response \(what) exceeds the limit of \(maxBodyBytes) bytes", status: head.status,
                headers: head.headers))
    }

    private func closedEarly(_ head: HTTPResponseHead) -> ExchangeError {
        .failure(
            HTTPClientError(
                .reset, "the server closed the connection before the response body was complete",
                status: head.status, headers: head.headers))
    }
}
