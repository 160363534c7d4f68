import CAtlasSystem
import Glibc
import Synchronization

/// Turns a host into socket addresses without ever blocking the cooperative pool.
///
/// IP literals and `localhost` are resolved inline; other names go to `getaddrinfo` on a detached
/// thread (it blocks, and has no async form), raced against the deadline and task cancellation.
enum HostResolver {
    static func resolve(
        host: String, port: UInt16, deadline: ContinuousClock.Instant
    ) async throws(HTTPClientError) -> [SocketAddress] {
        if let literal = SocketAddress(host: host, port: port) { return [literal] }
        let waiter = ResolutionWaiter()
        let timer = Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            waiter.finish(
                .failure(HTTPClientError(.timeout, "resolving \(host) did not finish before the deadline")))
        }
        defer { timer.cancel() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiter.install(continuation)
                let started = startDetachedThread {
                    waiter.finish(lookUp(host: host, port: port))
                }
                if !started {
                    waiter.finish(.failure(HTTPClientError(.dns, "could not start a resolver thread")))
                }
            }
        } onCancel: {
            waiter.finish(.failure(HTTPClientError(.cancelled, "cancelled while resolving \(host)")))
        }
        return try result.get()
    }

    /// The blocking lookup; runs on the resolver thread only.
    private static func lookUp(host: String, port: UInt16) -> Result<[SocketAddress], HTTPClientError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, String(port), &hints, &list)
        guard code == 0, let first = list else {
            let reason = gai_strerror(code).map { String(cString: $0) } ?? "error \(code)"
            return .failure(HTTPClientError(.dns, "cannot resolve \(host): \(reason)"))
        }
        defer { freeaddrinfo(first) }
        var addresses: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr,
                entry.pointee.ai_addrlen <= MemoryLayout<sockaddr_storage>.size
            {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(
                        from: UnsafeRawBufferPointer(start: address, count: Int(entry.pointee.ai_addrlen)))
                }
                addresses.append(SocketAddress(storage: storage, length: entry.pointee.ai_addrlen))
            }
            cursor = entry.pointee.ai_next
        }
        if addresses.isEmpty { return .failure(HTTPClientError(.dns, "no addresses for \(host)")) }
        return .success(addresses)
    }
}

/// Resumes the resolution continuation exactly once: with the lookup, the timeout or cancellation,
/// whichever comes first (the loser's result is dropped).
private final class ResolutionWaiter: Sendable {
    typealias Outcome = Result<[SocketAddress], HTTPClientError>

    private struct State {
        var continuation: CheckedContinuation<Outcome, Never>?
        var early: Outcome?
        var done = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<Outcome, Never>) {
        let early = state.withLock { state -> Outcome? in
            if let early = state.early {
                state.early = nil
                state.done = true
                return early
            }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func finish(_ outcome: Outcome) {
        let continuation = state.withLock { state -> CheckedContinuation<Outcome, Never>? in
            if state.done { return nil }
            guard let continuation = state.continuation else {
                if state.early == nil { state.early = outcome }
                return nil
            }
            state.done = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(returning: outcome)
    }
}

private final class ThreadBody {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }
}

/// Runs `body` on a new detached pthread; false when the thread could not be created.
func startDetachedThread(_ body: @escaping @Sendable () -> Void) -> Bool {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
        &thread, nil,
        { context in
            Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
    guard result == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        return false
    }
    pthread_detach(thread)
    return true
}
