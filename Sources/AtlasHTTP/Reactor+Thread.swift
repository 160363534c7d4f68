import CAtlasSystem
import Glibc
import Synchronization

extension Reactor {
    /// Starts the dedicated epoll thread (a plain pthread: no Foundation, never a pool thread).
    func startThread() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                let reactor = Unmanaged<Reactor>.fromOpaque(context!).takeUnretainedValue()
                reactor.runLoop()
                return nil
            }, context)
        precondition(result == 0, "pthread_create failed: \(result)")
        pthread_detach(thread)
    }

    /// epoll_wait forever; the nearest deadline bounds the sleep, EINTR is retried.
    private func runLoop() {
        var fds = [Int32](repeating: 0, count: 256)
        var ready: [(CheckedContinuation<ReactorWaitResult, Never>, ReactorWaitResult)] = []
        ready.reserveCapacity(256)
        while true {
            let timeout = state.withLock { state -> Int32 in
                state.sleeping = true
                state.sleepDeadline = state.earliestDeadline
                return Self.milliseconds(until: state.earliestDeadline)
            }
            let count = fds.withUnsafeMutableBufferPointer {
                catlas_epoll_wait_fds(epollFD, $0.baseAddress, Int32($0.count), timeout)
            }
            let failure = count < 0 ? catlas_errno() : 0
            precondition(count >= 0 || failure == EINTR, "epoll_wait failed: errno \(failure)")
            let now = ContinuousClock.now
            state.withLock { state in
                state.sleeping = false
                for index in 0..<max(0, Int(count)) {
                    let fd = fds[index]
                    if fd == wakeFD {
                        var value: UInt64 = 0
                        _ = Glibc.read(wakeFD, &value, 8)
                    } else if let waiter = state.waiters.removeValue(forKey: fd) {
                        ready.append((waiter.continuation, .ready))
                    }
                }
                if let earliest = state.earliestDeadline, earliest <= now {
                    var nextEarliest: ContinuousClock.Instant?
                    for (fd, waiter) in state.waiters {
                        guard let deadline = waiter.deadline else { continue }
                        if deadline <= now {
                            state.waiters.removeValue(forKey: fd)
                            ready.append((waiter.continuation, .timedOut))
                        } else if nextEarliest.map({ deadline < $0 }) ?? true {
                            nextEarliest = deadline
                        }
                    }
                    state.earliestDeadline = nextEarliest
                }
            }
            for (continuation, result) in ready { continuation.resume(returning: result) }
            ready.removeAll(keepingCapacity: true)
        }
    }

    /// epoll timeout for a deadline: -1 for none, rounded up so the thread never wakes early and spins.
    static func milliseconds(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = deadline - .now
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }
}
