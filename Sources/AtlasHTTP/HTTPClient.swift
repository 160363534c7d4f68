import CAtlasSystem
import Glibc
import Synchronization

/// A small HTTP/1.1 client on the shared reactor, for webhooks: raw non-blocking sockets, a
/// keep-alive pool per `host:port`, and one deadline for the whole exchange.
///
/// Waiting never burns CPU (reactor waits, no polling), never blocks the cooperative pool (name
/// lookups run on their own thread), and the deadline is enforced to the millisecond.
public final class HTTPClient: Sendable {
    let reactor: Reactor
    /// Largest response body kept.
    public let maxResponseBytes: Int
    /// Most idle keep-alive connections kept per `host:port`.
    public let maxIdleConnectionsPerHost: Int
    /// Idle pooled connections older than this are dropped instead of reused.
    static let maxIdleAge: Duration = .seconds(30)

    private struct Pooled {
        var fd: Int32
        var idleSince: ContinuousClock.Instant
    }

    private let pool = Mutex<[String: [Pooled]]>([:])

    /// Creates a client.
    public init(
        reactor: Reactor = .shared, maxResponseBytes: Int = 1 << 20, maxIdleConnectionsPerHost: Int = 32
    ) {
        self.reactor = reactor
        self.maxResponseBytes = maxResponseBytes
        self.maxIdleConnectionsPerHost = maxIdleConnectionsPerHost
    }

    deinit {
        closeIdleConnections()
    }

    /// Sends `request` and reads the response, all before `deadline`.
    ///
    /// A reused keep-alive connection that turns out closed before any response byte arrived is
    /// retried once on a fresh connection (the server cannot have processed the request then).
    public func execute(
        _ request: HTTPClientRequest, deadline: ContinuousClock.Instant
    ) async throws(HTTPClientError) -> HTTPClientResponse {
        let url = try HTTPClientURL.parse(request.url)
        let key = "\(url.host):\(url.port)"
        let bytes = try Self.encode(request, url: url)
        let isHead = request.method == "HEAD"
        if let fd = checkout(key) {
            do throws(ExchangeError) {
                return try await exchangeAndPool(
                    fd: fd, key: key, bytes: bytes, isHead: isHead, request: request, deadline: deadline,
                    reused: true)
            } catch {
                guard case .stale = error else { throw error.clientError }
            }
        }
        if ContinuousClock.now >= deadline {
            throw HTTPClientError(.timeout, "deadline passed before connecting")
        }
        let addresses = try await HostResolver.resolve(host: url.host, port: url.port, deadline: deadline)
        let fd = try await connect(to: addresses, deadline: deadline)
        do throws(ExchangeError) {
            return try await exchangeAndPool(
                fd: fd, key: key, bytes: bytes, isHead: isHead, request: request, deadline: deadline,
                reused: false)
        } catch {
            throw error.clientError
        }
    }

    /// Closes every pooled idle connection.
    public func closeIdleConnections() {
        let all = pool.withLock { pool in
            defer { pool = [:] }
            return pool.values.flatMap { $0 }
        }
        for connection in all { close(connection.fd) }
    }

    private func exchangeAndPool(
        fd: Int32, key: String, bytes: [UInt8], isHead: Bool, request: HTTPClientRequest,
        deadline: ContinuousClock.Instant, reused: Bool
    ) async throws(ExchangeError) -> HTTPClientResponse {
        var exchange = ClientExchange(
            fd: fd, reactor: reactor, deadline: deadline, reused: reused, maxBodyBytes: maxResponseBytes,
            truncate: request.truncateLargeResponses)
        do throws(ExchangeError) {
            let (response, reusable) = try await exchange.run(bytes, isHead: isHead)
            if reusable { checkin(key, fd) } else { close(fd) }
            return response
        } catch {
            close(fd)
            throw error
        }
    }

    /// An idle pooled connection that still looks open, or nil.
    private func checkout(_ key: String) -> Int32? {
        let now = ContinuousClock.now
        while true {
            guard let candidate = pool.withLock({ $0[key]?.popLast() }) else { return nil }
            if now - candidate.idleSince < Self.maxIdleAge && Self.looksOpen(candidate.fd) {
                return candidate.fd
            }
            close(candidate.fd)
        }
    }

    private func checkin(_ key: String, _ fd: Int32) {
        let kept = pool.withLock { pool -> Bool in
            guard pool[key, default: []].count < maxIdleConnectionsPerHost else { return false }
            pool[key, default: []].append(Pooled(fd: fd, idleSince: .now))
            return true
        }
        if !kept { close(fd) }
    }

    /// An idle connection must have nothing to read: EOF or stray bytes mean it cannot be reused.
    private static func looksOpen(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let result = recv(fd, &byte, 1, Int32(MSG_PEEK) | Int32(MSG_DONTWAIT))
        let code = catlas_errno()
        return result < 0 && (code == EAGAIN || code == EWOULDBLOCK)
    }
}
