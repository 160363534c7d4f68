import CAtlasSystem
import Glibc

/// Result of one non-blocking `recv`.
enum ReceiveResult {
    /// `count` bytes were appended to the buffer.
    case data(Int)
    /// The peer closed its side.
    case endOfFile
    /// Nothing to read yet: wait for readable.
    case wouldBlock
    /// The connection failed (reset, etc.).
    case failed(Int32)
}

/// Thin wrappers over the socket syscalls with the EINTR / EAGAIN discipline applied in one place.
enum Socket {
    /// Reads up to `scratch.count` bytes and appends them to `buffer`; EINTR is retried.
    static func receive(_ fd: Int32, into buffer: inout [UInt8], scratch: inout [UInt8]) -> ReceiveResult {
        while true {
            let count = scratch.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: scratch[0..<count])
                return .data(count)
            }
            if count == 0 { return .endOfFile }
            let code = catlas_errno()
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            return .failed(code)
        }
    }

    /// Sends as much of `bytes[offset...]` as the kernel takes now; MSG_NOSIGNAL so a gone peer is an
    /// error, not SIGPIPE. Returns bytes sent, 0 for EAGAIN, or -errno.
    static func send(_ fd: Int32, _ bytes: [UInt8], from offset: Int) -> Int {
        while true {
            let sent = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 { return sent }
            let code = catlas_errno()
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return 0 }
            return -Int(code)
        }
    }

    /// Writes all of `bytes`, waiting on the reactor when the socket buffer is full.
    /// Returns false when the peer is gone, the deadline passed or the task was cancelled.
    static func sendAll(
        _ fd: Int32, _ bytes: [UInt8], deadline: ContinuousClock.Instant, reactor: Reactor
    ) async -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = send(fd, bytes, from: offset)
            if sent < 0 { return false }
            if sent > 0 {
                offset += sent
                continue
            }
            guard await reactor.wait(for: .writable, on: fd, deadline: deadline) == .ready else {
                return false
            }
        }
        return true
    }

    /// Disables Nagle so small keep-alive responses leave at once instead of waiting for an ACK.
    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sets an integer socket option, returning errno on failure.
    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) -> Int32? {
        var value = value
        return setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
            ? nil : catlas_errno()
    }

    /// Creates a non-blocking, close-on-exec TCP socket, or returns -errno.
    static func makeTCP(family: Int32) -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = Glibc.socket(family, type, 0)
        return fd >= 0 ? fd : -catlas_errno()
    }

    /// Closes in stages so a response sent with unread input still arrives (RFC 9112 §9.6): stop
    /// sending, drain input for at most `linger` or 1 MiB, then close.
    static func lingeringClose(
        _ fd: Int32, linger: Duration, reactor: Reactor, scratch: inout [UInt8]
    ) async {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + linger
        var drained = 0
        var sink: [UInt8] = []
        drain: while drained < 1 << 20 {
            switch receive(fd, into: &sink, scratch: &scratch) {
            case .data(let count):
                drained += count
                sink.removeAll(keepingCapacity: true)
            case .wouldBlock:
                if await reactor.wait(for: .readable, on: fd, deadline: deadline) != .ready { break drain }
            case .endOfFile, .failed:
                break drain
            }
        }
        _ = Glibc.close(fd)
    }
}
