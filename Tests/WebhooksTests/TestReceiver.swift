import Foundation
import Glibc
import Synchronization

/// A webhook receiver for tests: a tiny blocking HTTP/1.1 server on 127.0.0.1, port 0, one thread per
/// connection, that records each request's headers, exact body bytes and arrival order, and answers
/// as the test says, including misbehaving (slow, reset mid-response, huge body).
final class TestReceiver: Sendable {
    struct Request: Sendable {
        var target: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    enum Reply: Sendable {
        /// A complete response, optionally after a delay.
        case respond(status: Int, body: String = "ok", delayMilliseconds: Int = 0)
        /// A 302 to `location`.
        case redirect(to: String)
        /// Half a response, then a TCP reset.
        case resetMidResponse
        /// A 200 announcing and sending `bytes` of body.
        case huge(bytes: Int)
    }

    let port: Int
    private let listener: Int32
    private let received = Mutex<[Request]>([])
    private let stopped = Atomic<Bool>(false)
    private let reply: @Sendable (Int, Request) -> Reply

    /// Starts listening; `reply` decides the answer to the n-th request (from 0).
    init(reply: @escaping @Sendable (Int, Request) -> Reply = { _, _ in .respond(status: 200) }) throws {
        self.reply = reply
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:<port>/hooks/atlas`.
    var url: String { "http://127.0.0.1:\(port)/hooks/atlas" }

    /// Requests received so far, in arrival order.
    var requests: [Request] { received.withLock { $0 } }

    /// Waits (polling, bounded) until `count` requests arrived; false on timeout.
    func waitFor(count: Int, timeout: Duration = .seconds(5)) async -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if requests.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return requests.count >= count
    }

    /// Stops accepting; open connections end when their clients close.
    ///
    /// Only the accept thread closes the listener, so its descriptor number cannot be reused by
    /// another test's socket while the thread may still call `accept` on it.
    func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
    }

    /// A port where nothing listens: bound without listening, then released.
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            if stopped.load(ordering: .sequentiallyConsistent) {
                close(connection)
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            var headEnd: Int?
            while headEnd == nil {
                headEnd = Self.find([13, 10, 13, 10], in: buffer)
                if headEnd != nil { break }
                let count = recv(fd, &chunk, chunk.count, 0)
                if count <= 0 { return }
                buffer += chunk[0..<count]
            }
            let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
            var lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.removeFirst().split(separator: " ")
            let headers = lines.compactMap { line -> (name: String, value: String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (
                    String(line[..<colon]),
                    line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                )
            }
            let length = Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
            buffer.removeFirst(headEnd! + 4)
            while buffer.count < length {
                let count = recv(fd, &chunk, chunk.count, 0)
                if count <= 0 { return }
                buffer += chunk[0..<count]
            }
            let request = Request(
                target: requestLine.count > 1 ? String(requestLine[1]) : "", headers: headers,
                body: Array(buffer[0..<length]))
            buffer.removeFirst(length)
            let index = received.withLock { list -> Int in
                list.append(request)
                return list.count - 1
            }
            switch reply(index, request) {
            case .respond(let status, let body, let delay):
                if delay > 0 { usleep(UInt32(delay) * 1000) }
                let text =
                    "HTTP/1.1 \(status) Status\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                guard Self.send(Array(text.utf8), to: fd) else { return }
            case .redirect(let location):
                let text = "HTTP/1.1 302 Found\r\nLocation: \(location)\r\nContent-Length: 0\r\n\r\n"
                guard Self.send(Array(text.utf8), to: fd) else { return }
            case .resetMidResponse:
                _ = Self.send(Array("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial".utf8), to: fd)
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            case .huge(let bytes):
                guard Self.send(Array("HTTP/1.1 200 OK\r\nContent-Length: \(bytes)\r\n\r\n".utf8), to: fd)
                else { return }
                let block = [UInt8](repeating: UInt8(ascii: "x"), count: 65_536)
                var sent = 0
                while sent < bytes {
                    guard Self.send(Array(block.prefix(bytes - sent)), to: fd) else { return }
                    sent += min(block.count, bytes - sent)
                }
            }
        }
    }

    private static func send(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}
