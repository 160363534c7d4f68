import CAtlasSystem
import Glibc
import Testing

@testable import AtlasHTTP

/// A raw-socket test client on the reactor (never blocking a pool thread), for byte-exact input that
/// URLSession cannot produce.
final class RawClient {
    let fd: Int32
    var received: [UInt8] = []
    private var scratch = [UInt8](repeating: 0, count: 16 * 1024)

    /// Wraps an already connected non-blocking fd (e.g. one end of a socketpair); closes it on deinit.
    init(fd: Int32) {
        self.fd = fd
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Connects to 127.0.0.1:`port`; nil when refused.
    static func connect(port: UInt16, timeout: Duration = .seconds(5)) async -> RawClient? {
        let address = SocketAddress(host: "127.0.0.1", port: port)!
        let fd = Socket.makeTCP(family: AF_INET)
        precondition(fd >= 0)
        let result = address.withSockaddr { Glibc.connect(fd, $0, $1) }
        if result != 0 {
            let code = catlas_errno()
            guard code == EINPROGRESS else {
                close(fd)
                return nil
            }
            _ = await Reactor.shared.wait(for: .writable, on: fd, deadline: .now + timeout)
            var error: Int32 = 0
            var length = socklen_t(4)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error != 0 {
                close(fd)
                return nil
            }
        }
        return RawClient(fd: fd)
    }

    /// Sends all bytes; false if the peer is gone.
    @discardableResult
    func send(_ text: String) async -> Bool {
        await send(Array(text.utf8))
    }

    @discardableResult
    func send(_ bytes: [UInt8]) async -> Bool {
        await Socket.sendAll(fd, bytes, deadline: .now + .seconds(5), reactor: .shared)
    }

    /// Reads until the peer closes (true) or the timeout passes (false).
    func readUntilClose(timeout: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            switch Socket.receive(fd, into: &received, scratch: &scratch) {
            case .data: continue
            case .endOfFile, .failed: return true
            case .wouldBlock:
                if await Reactor.shared.wait(for: .readable, on: fd, deadline: deadline) != .ready {
                    return false
                }
            }
        }
    }

    /// Reads until `condition` holds for the received bytes, EOF, or the timeout.
    func read(until condition: ([UInt8]) -> Bool, timeout: Duration = .seconds(5)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(received) {
            switch Socket.receive(fd, into: &received, scratch: &scratch) {
            case .data: continue
            case .endOfFile, .failed: return condition(received)
            case .wouldBlock:
                if await Reactor.shared.wait(for: .readable, on: fd, deadline: deadline) != .ready {
                    return false
                }
            }
        }
        return true
    }

    /// Reads and removes one complete response (Content-Length framed) from the received bytes.
    func readResponse(timeout: Duration = .seconds(5)) async -> RawResponse? {
        guard await read(until: { RawResponse.parse($0) != nil }, timeout: timeout),
            let (response, consumed) = RawResponse.parse(received)
        else { return nil }
        received.removeFirst(consumed)
        return response
    }

    /// Whether the server closed the connection within the timeout (no further bytes expected).
    func isClosedByPeer(timeout: Duration = .seconds(5)) async -> Bool {
        await readUntilClose(timeout: timeout)
    }
}

/// A response as parsed by the tests (independently of the production client).
struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Parses one response from the start of `bytes`; nil when incomplete.
    static func parse(_ bytes: [UInt8]) -> (RawResponse, Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.utf8.firstRange(of: "\r\n\r\n".utf8) else { return nil }
        let headText = String(text[text.startIndex..<headEnd.lowerBound])
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1].drop { $0 == " " }) : "")
        }
        let headLength = text.utf8.distance(from: text.startIndex, to: headEnd.upperBound)
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        guard bytes.count >= headLength + length else { return nil }
        return (
            RawResponse(
                status: status, headers: headers, body: Array(bytes[headLength..<(headLength + length)])),
            headLength + length
        )
    }
}
