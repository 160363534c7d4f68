import CAtlasSystem
import Dispatch
import Glibc
import Synchronization

/// Process-wide signal handling for a server's main: ignores SIGPIPE, and turns SIGTERM / SIGINT into
/// an async value instead of killing the process.
///
/// Keep the instance alive for as long as signals should be handled (store it, or use it after the
/// server stops): the Dispatch sources live inside it, and a release build would otherwise free them
/// and silently ignore SIGTERM.
///
/// Process-directed signals (`kill <pid>`, Ctrl-C, `kill(getpid(), …)`) are delivered. A thread-directed
/// `raise()` from a thread other than the one that created the sources is not (measured): the signal
/// is ignored in that thread before Dispatch sees it.
public final class ShutdownSignals: Sendable {
    private let core = SignalCore()
    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Ignores SIGPIPE and starts trapping SIGTERM and SIGINT.
    public convenience init() {
        self.init(signals: [SIGTERM, SIGINT])
    }

    /// Ignores SIGPIPE and starts trapping `signals`.
    public init(signals: [Int32]) {
        // SIGPIPE would kill the process on a write to a closed pipe (stdout to a dead parent, too).
        _ = catlas_ignore_signal(SIGPIPE)
        var created: [any DispatchSourceSignal] = []
        for signalNumber in signals {
            // Ignored first so the default action cannot kill the process before the source exists.
            _ = catlas_ignore_signal(signalNumber)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: Self.makeHandler(for: signalNumber, core: core))
            source.resume()
            created.append(source)
        }
        sources = Mutex(created)
    }

    /// Built in a nonisolated static context: a handler written inside a `@MainActor` main would inherit
    /// main-actor isolation and trap when Dispatch runs it on a global queue.
    private static func makeHandler(for signalNumber: Int32, core: SignalCore) -> @Sendable () -> Void {
        { core.deliver(signalNumber) }
    }

    /// Waits for the first trapped signal and returns its number (returns at once if one already came).
    public func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let first = core.state.withLock { state -> Int32? in
                if let first = state.received.first { return first }
                state.waiters.append(continuation)
                return nil
            }
            if let first { continuation.resume(returning: first) }
        }
    }

    /// Every trapped signal from now on, e.g. to force-exit on a second Ctrl-C.
    public func stream() -> AsyncStream<Int32> {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        core.state.withLock { $0.streams.append(continuation) }
        return stream
    }

    /// Stops trapping: cancels the sources (the signals stay ignored) and ends the streams.
    public func cancel() {
        sources.withLock { sources in
            for source in sources { source.cancel() }
        }
        let streams = core.state.withLock { state in
            defer { state.streams = [] }
            return state.streams
        }
        for stream in streams { stream.finish() }
    }

    deinit {
        cancel()
    }
}

/// Received signals and whoever waits for them; shared with the Dispatch handlers.
private final class SignalCore: Sendable {
    struct State {
        var received: [Int32] = []
        var waiters: [CheckedContinuation<Int32, Never>] = []
        var streams: [AsyncStream<Int32>.Continuation] = []
    }

    let state = Mutex(State())

    func deliver(_ signalNumber: Int32) {
        let (waiters, streams) = state.withLock { state in
            state.received.append(signalNumber)
            defer { state.waiters = [] }
            return (state.waiters, state.streams)
        }
        for waiter in waiters { waiter.resume(returning: signalNumber) }
        for stream in streams { stream.yield(signalNumber) }
    }
}
