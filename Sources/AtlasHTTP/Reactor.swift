import CAtlasSystem
import Glibc
import Synchronization

/// What a reactor wait is waiting for.
public enum ReactorInterest: Sendable {
    /// Data, EOF or an error can be read (or a connection accepted).
    case readable
    /// Data can be written (or a non-blocking connect finished).
    case writable
}

/// How a reactor wait ended; exactly one of these is delivered per wait.
public enum ReactorWaitResult: Sendable, Equatable {
    /// The fd became ready (possibly spuriously: callers retry the syscall and wait again on EAGAIN).
    case ready
    /// The deadline passed first.
    case timedOut
    /// The waiting task was cancelled.
    case cancelled
    /// The wait's ``ReactorInterrupter`` fired (e.g. server shutdown interrupting idle waits).
    case interrupted
}

/// A flag that ends every wait registered with it, now and later; used to stop idle waits at shutdown.
public final class ReactorInterrupter: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates an interrupter that has not fired.
    public init() {}

    /// Whether ``Reactor/interrupt(fd:_:)`` has been used with this interrupter.
    public var isInterrupted: Bool { flag.load(ordering: .sequentiallyConsistent) }

    func fire() { flag.store(true, ordering: .sequentiallyConsistent) }
}

/// One epoll thread that turns fd readiness and deadlines into resumed continuations.
///
/// Tasks never block: they try the non-blocking syscall, and on EAGAIN call ``wait(for:on:deadline:interrupter:)``
/// which suspends until the fd is ready, the deadline passes, the task is cancelled or an interrupter
/// fires. Registrations are EPOLLONESHOT and re-armed per wait, so an fd nobody waits on never wakes
/// the thread (no busy loop). At most one wait per fd at a time.
public final class Reactor: Sendable {
    /// The process-wide reactor; its thread lives as long as the process.
    public static let shared = Reactor()

    struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<ReactorWaitResult, Never>
        var deadline: ContinuousClock.Instant?
        var interrupter: ReactorInterrupter?
    }

    struct State {
        var waiters: [Int32: Waiter] = [:]
        var nextID: UInt64 = 0
        /// Lower bound of the waiters' deadlines (may be stale-early after removals; only costs a scan).
        var earliestDeadline: ContinuousClock.Instant?
        /// True while the thread sits in epoll_wait; then `sleepDeadline` is its wake-up time.
        var sleeping = false
        var sleepDeadline: ContinuousClock.Instant?
    }

    let epollFD: Int32
    let wakeFD: Int32
    let state = Mutex(State())

    /// Creates a reactor and starts its thread. Prefer ``shared``; each reactor owns a thread forever.
    public init() {
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        precondition(epollFD >= 0, "epoll_create1 failed: errno \(catlas_errno())")
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        precondition(wakeFD >= 0, "eventfd failed: errno \(catlas_errno())")
        precondition(catlas_epoll_add_level_read(epollFD, wakeFD) == 0, "epoll_ctl(eventfd) failed")
        startThread()
    }

    /// Suspends until `fd` is ready for `interest`, `deadline` passes, the task is cancelled, or
    /// `interrupter` fires. Never blocks a thread.
    public func wait(
        for interest: ReactorInterest, on fd: Int32, deadline: ContinuousClock.Instant?,
        interrupter: ReactorInterrupter? = nil
    ) async -> ReactorWaitResult {
        if let deadline, deadline <= .now { return .timedOut }
        let id = state.withLock { state in
            state.nextID &+= 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                register(
                    Waiter(id: id, continuation: continuation, deadline: deadline, interrupter: interrupter),
                    fd: fd, interest: interest)
            }
        } onCancel: {
            resume(fd: fd, id: id, with: .cancelled)
        }
    }

    /// Ends the current wait on `fd` with `.interrupted` if it was registered with `interrupter`.
    /// Fire-then-interrupt ordering with the check in `register` means no wait can slip through.
    public func interrupt(fd: Int32, _ interrupter: ReactorInterrupter) {
        interrupter.fire()
        let waiter = state.withLock { state -> Waiter? in
            guard let waiter = state.waiters[fd], waiter.interrupter === interrupter else { return nil }
            return state.waiters.removeValue(forKey: fd)
        }
        waiter?.continuation.resume(returning: .interrupted)
    }

    private func register(_ waiter: Waiter, fd: Int32, interest: ReactorInterest) {
        let (displaced, wake) = state.withLock { state -> (Waiter?, Bool) in
            let displaced = state.waiters.updateValue(waiter, forKey: fd)
            var wake = false
            if let deadline = waiter.deadline {
                if state.earliestDeadline.map({ deadline < $0 }) ?? true { state.earliestDeadline = deadline }
                if state.sleeping, state.sleepDeadline.map({ deadline < $0 }) ?? true {
                    state.sleepDeadline = deadline
                    wake = true
                }
            }
            return (displaced, wake)
        }
        // Two waits on one fd is a caller bug; a spurious `.ready` is the harmless way out.
        assert(displaced == nil, "two concurrent waits on fd \(fd)")
        displaced?.continuation.resume(returning: .ready)
        if catlas_epoll_arm(epollFD, fd, interest == .writable ? 1 : 0) != 0 {
            // Not pollable (closed fd): report ready so the caller's syscall surfaces the real error.
            resume(fd: fd, id: waiter.id, with: .ready)
            return
        }
        if wake { wakeThread() }
        // Checked after registering so a cancel or interrupt racing with registration is never lost.
        if Task.isCancelled { resume(fd: fd, id: waiter.id, with: .cancelled) }
        if waiter.interrupter?.isInterrupted == true { resume(fd: fd, id: waiter.id, with: .interrupted) }
    }

    /// Resumes the wait `id` on `fd` if it is still pending; the table removal makes it exactly-once.
    func resume(fd: Int32, id: UInt64, with result: ReactorWaitResult) {
        let waiter = state.withLock { state -> Waiter? in
            guard state.waiters[fd]?.id == id else { return nil }
            return state.waiters.removeValue(forKey: fd)
        }
        waiter?.continuation.resume(returning: result)
    }

    func wakeThread() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }
}
