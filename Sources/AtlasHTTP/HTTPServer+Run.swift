import Glibc
import Synchronization

extension HTTPServer {
    private enum Finished {
        case served
        case graceExpired
        case graceCancelled
    }

    /// Serves until shutdown completes: the accept loop runs until ``shutdown()``, then connections
    /// drain; if they outlast the grace period they are cancelled. Cancelling the calling task starts
    /// a shutdown. Returns at once when the server was never started.
    public func run() async {
        let listener = beginRunning()
        guard listener >= 0 else { return }
        let grace = configuration.shutdownGracePeriod
        await withTaskCancellationHandler {
            await withTaskGroup(of: Finished.self) { group in
                group.addTask {
                    await self.serve(listener)
                    return .served
                }
                group.addTask {
                    await self.waitForShutdownRequest()
                    do {
                        try await Task.sleep(for: grace)
                        return .graceExpired
                    } catch {
                        return .graceCancelled
                    }
                }
                if await group.next() == .graceExpired {
                    events?(
                        .shutdownGraceExpired(
                            openConnections: counters.openConnections.load(ordering: .relaxed)))
                }
                group.cancelAll()
            }
        } onCancel: {
            self.shutdown()
        }
    }

    /// Accept loop plus one child task per connection; returns when every connection has ended.
    private func serve(_ listener: Int32) async {
        let limits = configuration.limits
        await withDiscardingTaskGroup { group in
            accepting: while true {
                let (fd, peer) = Listener.accept(listener)
                if fd >= 0 {
                    counters.acceptedConnections.add(1, ordering: .relaxed)
                    Socket.setNoDelay(fd)
                    let open = counters.openConnections.add(1, ordering: .relaxed).newValue
                    if open > limits.maxConnections {
                        counters.openConnections.subtract(1, ordering: .relaxed)
                        counters.connectionsRejected.add(1, ordering: .relaxed)
                        events?(.connectionLimitReached(limit: limits.maxConnections))
                        if rejecting.add(1, ordering: .relaxed).newValue <= 64 {
                            group.addTask { await self.reject(fd) }
                        } else {
                            rejecting.subtract(1, ordering: .relaxed)
                            close(fd)
                        }
                        continue
                    }
                    track(fd)
                    group.addTask {
                        var connection = HTTPConnection(fd: fd, remoteAddress: peer, server: self)
                        await connection.run()
                        self.counters.openConnections.subtract(1, ordering: .relaxed)
                    }
                    continue
                }
                let code = -fd
                switch code {
                case EAGAIN, EWOULDBLOCK:
                    // Read interest only: a listener is always writable (the classic busy loop).
                    let result = await reactor.wait(
                        for: .readable, on: listener, deadline: nil, interrupter: interrupter)
                    if result != .ready { break accepting }
                case EINTR, ECONNABORTED, EPROTO, ENETDOWN, ENOPROTOOPT, EHOSTDOWN, ENONET, EHOSTUNREACH,
                    EOPNOTSUPP, ENETUNREACH:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: retrying at once would spin; wait for connections to close.
                    events?(.acceptFailed(errno: code, willRetry: true))
                    do { try await Task.sleep(for: .milliseconds(100)) } catch { break accepting }
                    if isDraining { break accepting }
                default:
                    events?(.acceptFailed(errno: code, willRetry: false))
                    break accepting
                }
            }
            let fd = takeListener()
            if fd >= 0 { close(fd) }
            shutdown()
        }
    }

    /// Answers a connection over the limit with 503 and closes it, so the client gets a clear answer.
    private func reject(_ fd: Int32) async {
        var output: [UInt8] = []
        HTTPResponseEncoder.encode(
            .error(
                503, code: "too_many_connections",
                message: "the server already has \(configuration.limits.maxConnections) open connections"),
            isHead: false, keepAlive: false, version: .http1_1, date: dateCache.current, into: &output)
        _ = Socket.send(fd, output, from: 0)
        var scratch = [UInt8](repeating: 0, count: 4096)
        await Socket.lingeringClose(
            fd, linger: configuration.limits.lingerTimeout, reactor: reactor, scratch: &scratch)
        rejecting.subtract(1, ordering: .relaxed)
    }
}
