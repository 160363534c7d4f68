import Glibc
import Synchronization

/// An HTTP/1.1 server on non-blocking sockets and the shared epoll ``Reactor``.
///
/// Lifecycle: ``start()`` binds and listens synchronously (so the port is known at once), ``run()``
/// serves until a graceful ``shutdown()`` has drained, and ``statistics`` can be read at any time.
public final class HTTPServer: Sendable {
    /// The configuration the server was created with.
    public let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)?
    let events: (@Sendable (HTTPServerEvent) -> Void)?
    let reactor: Reactor
    /// Fired at shutdown; ends the accept wait and every idle keep-alive wait registered with it.
    let interrupter = ReactorInterrupter()
    let counters = HTTPServerCounters()
    let dateCache = HTTPDateCache()
    let rejecting = Atomic<Int>(0)
    private let draining = Atomic<Bool>(false)
    private let state = Mutex(State())

    private struct State {
        var started = false
        var running = false
        var listener: Int32 = -1
        var address: HTTPBoundAddress?
        var shutdownRequested = false
        var connections: Set<Int32> = []
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Creates a server; nothing is bound until ``start()``.
    /// - Parameters:
    ///   - accessLog: called once per request after its response was written.
    ///   - events: called for limit hits and lifecycle events worth logging.
    public init(
        configuration: HTTPServerConfiguration, responder: any HTTPResponder,
        accessLog: (@Sendable (HTTPAccessLogEntry) -> Void)? = nil,
        events: (@Sendable (HTTPServerEvent) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.accessLog = accessLog
        self.events = events
        self.reactor = .shared
    }

    /// Binds and listens synchronously, returning the bound address (the real port when 0 was asked).
    public func start() throws(HTTPServerError) -> HTTPBoundAddress {
        let alreadyStarted = state.withLock { state in
            defer { state.started = true }
            return state.started
        }
        if alreadyStarted { throw .alreadyStarted }
        let listener: Int32
        let address: HTTPBoundAddress
        do throws(HTTPServerError) {
            (listener, address) = try Listener.open(host: configuration.host, port: configuration.port)
        } catch {
            state.withLock { $0.started = false }
            throw error
        }
        state.withLock { state in
            state.listener = listener
            state.address = address
        }
        return address
    }

    /// The bound address once ``start()`` succeeded.
    public var boundAddress: HTTPBoundAddress? {
        state.withLock { $0.address }
    }

    /// Current counters.
    public var statistics: HTTPServerStatistics { counters.snapshot }

    /// Whether graceful shutdown has begun: responses then carry `Connection: close`.
    var isDraining: Bool { draining.load(ordering: .sequentiallyConsistent) }

    /// Begins graceful shutdown: stops accepting (the listener closes, so new connects are refused),
    /// closes idle keep-alive connections, lets in-flight requests finish with `Connection: close`, and
    /// after the grace period cancels what is left. Idempotent; ``run()`` returns once drained.
    public func shutdown() {
        let (first, listener, unusedListener, connections, waiters) = state.withLock { state in
            if state.shutdownRequested {
                return (false, Int32(-1), Int32(-1), Set<Int32>(), [CheckedContinuation<Void, Never>]())
            }
            state.shutdownRequested = true
            defer { state.shutdownWaiters = [] }
            // Started but never run: nobody else will close the listener.
            let unused = state.running ? -1 : state.listener
            if !state.running { state.listener = -1 }
            return (true, state.listener, unused, state.connections, state.shutdownWaiters)
        }
        guard first else { return }
        if unusedListener >= 0 { close(unusedListener) }
        draining.store(true, ordering: .sequentiallyConsistent)
        interrupter.fire()
        events?(.shutdownStarted(openConnections: counters.openConnections.load(ordering: .relaxed)))
        if listener >= 0 { reactor.interrupt(fd: listener, interrupter) }
        for fd in connections { reactor.interrupt(fd: fd, interrupter) }
        for waiter in waiters { waiter.resume() }
    }

    /// Suspends until ``shutdown()`` has been called.
    func waitForShutdownRequest() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if state.shutdownRequested { return true }
                state.shutdownWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Takes the listener fd out of the state so it is closed exactly once.
    func takeListener() -> Int32 {
        state.withLock { state in
            defer { state.listener = -1 }
            return state.listener
        }
    }

    /// The listener fd, or -1.
    var listenerFD: Int32 { state.withLock { $0.listener } }

    /// Marks the server running and returns the listener, or -1 when not started, already running or
    /// already shut down.
    func beginRunning() -> Int32 {
        state.withLock { state in
            guard state.listener >= 0, !state.running else { return -1 }
            state.running = true
            return state.listener
        }
    }

    func track(_ fd: Int32) {
        _ = state.withLock { $0.connections.insert(fd) }
    }

    /// Forgets a connection before its fd is closed, so shutdown never interrupts a reused fd number.
    func untrack(_ fd: Int32) {
        _ = state.withLock { $0.connections.remove(fd) }
    }
}
