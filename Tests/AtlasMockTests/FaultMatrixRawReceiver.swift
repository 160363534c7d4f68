import Foundation
import Glibc

/// A loopback webhook receiver on raw blocking sockets that breaks the HTTP exchange itself (a reset
/// mid-response, an endless body), which a receiver built on `HTTPServer` cannot be made to do.
/// Each connection gets its own thread, so a burst's concurrent attempts are not queued behind
/// one another into timeouts.
final class RawFaultyReceiver: Sendable {
    enum Fault: Sendable {
        /// Reads the request, sends the head and a few body bytes, then resets the connection.
        case resetMidResponse
        /// Reads the request and answers 200 with a body of `bytes`, sent until the peer gives up.
        case hugeBody(bytes: Int)
    }

    let port: UInt16
    private let listener: Int32
    var url: String { "http://127.0.0.1:\(port)/atlas/webhook" }

    init(_ fault: Fault) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 512) == 0
                    && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw LaunchError(message: "raw receiver: bind/listen failed, errno \(errno)")
        }
        self.listener = listener
        self.port = UInt16(bigEndian: address.sin_port)
        Thread.detachNewThread {
            while true {
                let fd = accept(listener, nil, nil)
                if fd < 0 {
                    if errno == EINTR { continue }
                    return  // the listener was shut down by stop()
                }
                Thread.detachNewThread { Self.serve(fd, fault) }
            }
        }
    }

    /// Stops accepting; `shutdown` wakes the thread blocked in `accept`.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port nothing listens on: bound once to reserve a free number, then closed.
    static func closedPort() throws -> UInt16 {
        let probe = try RawFaultyReceiver(.resetMidResponse)
        probe.stop()
        return probe.port
    }

    private static func serve(_ fd: Int32, _ fault: Fault) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)  // never let a misbehaving test peer pin a thread
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard readRequest(fd) else { return }
        switch fault {
        case .resetMidResponse:
            sendText(
                fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"rec")
            var option = linger(l_onoff: 1, l_linger: 0)  // close() now sends RST instead of FIN
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        case .hugeBody(let bytes):
            guard
                sendText(
                    fd, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(bytes)\r\n\r\n")
            else { return }
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
            var sent = 0
            while sent < bytes {
                let count = chunk.withUnsafeBytes {
                    send(fd, $0.baseAddress, min($0.count, bytes - sent), Int32(MSG_NOSIGNAL))
                }
                if count <= 0 { return }  // the client stopped reading, as it should past its limit
                sent += count
            }
        }
    }

    /// Reads one request head and its Content-Length body; false if the peer closed first.
    private static func readRequest(_ fd: Int32) -> Bool {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            if let end = RawClient.headEnd(received) {
                let head = String(decoding: received[0..<end], as: UTF8.self).lowercased()
                let length = RawClient.contentLength(ofHead: head)
                if received.count >= end + 4 + length { return true }
            }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return false }
            received.append(contentsOf: buffer[0..<count])
        }
    }

    @discardableResult
    private static func sendText(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            == bytes.count
    }
}
