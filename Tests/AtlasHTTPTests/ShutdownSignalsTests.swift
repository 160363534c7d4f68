import Glibc
import Testing

@testable import AtlasHTTP

@Suite(.serialized, .timeLimit(.minutes(1)))
struct ShutdownSignalsTests {
    @Test func signals_deliverTrappedSignalToWaitAndStream() async throws {
        let signals = ShutdownSignals(signals: [SIGUSR2])
        let stream = signals.stream()
        // Dispatch may register asynchronously, so signal until seen. A process-directed kill (as from a
        // shell) is what gets delivered; raise() from a pool thread is not.
        let raiser = Task {
            while !Task.isCancelled {
                kill(getpid(), SIGUSR2)
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        let received = await signals.wait()
        raiser.cancel()
        await raiser.value
        #expect(received == SIGUSR2)
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == SIGUSR2)
        // A process that is still alive here did not die from the signal's default action.
        signals.cancel()
        #expect(await signals.wait() == SIGUSR2)
    }
}

@Suite(.timeLimit(.minutes(1)))
struct ConnectionAccountingTests {
    @Test func server_returnsToZeroOpenConnectionsAfterManyShortConnections() async throws {
        let running = try startServer()
        for index in 0..<100 {
            let client = try #require(await RawClient.connect(port: running.port))
            if index.isMultiple(of: 2) {
                await client.send("GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                #expect(await client.readResponse()?.status == 200)
            }
            // Odd clients connect and leave without a request.
        }
        #expect(
            await eventually {
                running.server.statistics.acceptedConnections == 100
                    && running.server.statistics.openConnections == 0
            })
        await running.stop()
    }
}
