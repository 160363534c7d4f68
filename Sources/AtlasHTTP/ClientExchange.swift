import CAtlasSystem
import Glibc

/// How one attempt failed: `stale` (a reused connection was already closed; safe to retry) or a
/// final error.
enum ExchangeError: Error {
    case stale
    case failure(HTTPClientError)

    var clientError: HTTPClientError {
        switch self {
        case .stale: return HTTPClientError(.reset, "the connection was closed before a response arrived")
        case .failure(let error): return error
        }
    }
}

/// One request/response exchange on a connected socket, bounded by a single deadline.
struct ClientExchange {
    let fd: Int32
    let reactor: Reactor
    let deadline: ContinuousClock.Instant
    let reused: Bool
    let maxBodyBytes: Int
    let truncate: Bool
    var buffer: [UInt8] = []
    var scratch = [UInt8](repeating: 0, count: 16 * 1024)

    init(
        fd: Int32, reactor: Reactor, deadline: ContinuousClock.Instant, reused: Bool, maxBodyBytes: Int,
        truncate: Bool
    ) {
        self.fd = fd
        self.reactor = reactor
        self.deadline = deadline
        self.reused = reused
        self.maxBodyBytes = maxBodyBytes
        self.truncate = truncate
    }

    /// Writes the request and reads the response; also says whether the connection can be pooled.
    mutating func run(_ request: [UInt8], isHead: Bool) async throws(ExchangeError) -> (
        HTTPClientResponse, Bool
    ) {
        try await write(request)
        var head: HTTPResponseHead
        var consumed: Int
        repeat {
            (head, consumed) = try await readHead()
            buffer.removeSubrange(0..<consumed)
            if head.status == 101 { throw failure(.protocolError, "unexpected 101 Switching Protocols") }
        } while head.status < 200
        let framing: HTTPBodyFraming
        do {
            framing = try head.framing(forRequestMethod: isHead ? "HEAD" : "GET")
        } catch {
            throw failure(.protocolError, error.message, head)
        }
        let (body, truncated) = try await readBody(framing, head)
        let reusable = head.keepAlive && framing != .untilClose && !truncated && buffer.isEmpty
        return (
            HTTPClientResponse(
                status: head.status, headers: head.headers, body: body, bodyTruncated: truncated), reusable
        )
    }

    private func failure(_ kind: HTTPClientError.Kind, _ message: String, _ head: HTTPResponseHead? = nil)
        -> ExchangeError
    {
        .failure(HTTPClientError(kind, message, status: head?.status, headers: head?.headers))
    }

    private mutating func write(_ bytes: [UInt8]) async throws(ExchangeError) {
        var offset = 0
        while offset < bytes.count {
            let sent = Socket.send(fd, bytes, from: offset)
            if sent > 0 {
                offset += sent
            } else if sent < 0 {
                // Nothing has been received on this exchange yet, so a reused connection may be retried.
                if reused { throw .stale }
                throw failure(.reset, "sending the request failed: \(errnoDescription(Int32(-sent)))")
            } else {
                try await waitFor(.writable, while: "sending the request")
            }
        }
    }

    private mutating func readHead() async throws(ExchangeError) -> (HTTPResponseHead, Int) {
        var scanner = HTTPHeadScanner(origin: 0, maxHeadBytes: 64 * 1024, maxHeaderCount: 256)
        while true {
            switch scanner.scan(buffer, end: buffer.count) {
            case .complete(let start, let end):
                do {
                    return (try HTTPResponseHead.parse(buffer, start: start, end: end), end)
                } catch {
                    throw failure(.protocolError, "invalid response head: \(error.message)")
                }
            case .failure(let error):
                throw failure(.protocolError, "invalid response head: \(error.message)")
            case .needMore:
                let hadBytes = !buffer.isEmpty
                if try await fill(while: "reading the response head") == false {
                    if reused && !hadBytes { throw .stale }
                    throw failure(
                        .reset, "the server closed the connection before the response head was complete")
                }
            }
        }
    }

    /// Reads more bytes; false at EOF or reset (the caller decides what that means).
    mutating func fill(while activity: String) async throws(ExchangeError) -> Bool {
        while true {
            switch Socket.receive(fd, into: &buffer, scratch: &scratch) {
            case .data: return true
            case .endOfFile: return false
            case .failed(let code):
                if code == ECONNRESET { return false }
                throw failure(.reset, "\(activity) failed: \(errnoDescription(code))")
            case .wouldBlock: try await waitFor(.readable, while: activity)
            }
        }
    }

    private func waitFor(_ interest: ReactorInterest, while activity: String) async throws(ExchangeError) {
        switch await reactor.wait(for: interest, on: fd, deadline: deadline) {
        case .ready: return
        case .timedOut, .interrupted: throw failure(.timeout, "the deadline passed while \(activity)")
        case .cancelled: throw failure(.cancelled, "cancelled while \(activity)")
        }
    }
}
