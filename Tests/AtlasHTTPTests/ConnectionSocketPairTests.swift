import Glibc
import Testing

@testable import AtlasHTTP

/// Drives `HTTPConnection` directly over a socketpair: no listener, no TCP.
@Suite(.timeLimit(.minutes(1)))
struct ConnectionSocketPairTests {
    /// Runs a connection on one end of a socketpair and returns a client on the other end.
    private func makePair(limits: HTTPLimits = HTTPLimits()) -> (RawClient, Task<Void, Never>, HTTPServer) {
        var fds: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        precondition(socketpair(AF_UNIX, type, 0, &fds) == 0)
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, limits: limits), responder: echoRouter())
        let serverFD = fds[0]
        let task = Task {
            var connection = HTTPConnection(fd: serverFD, remoteAddress: "unix", server: server)
            await connection.run()
        }
        return (RawClient(fd: fds[1]), task, server)
    }

    @Test func connection_answersRequestsOverSocketPair() async throws {
        let (client, task, server) = makePair()
        await client.send("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(await client.readResponse()?.bodyText == "hello")
        await client.send(
            "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
        let response = try #require(await client.readResponse())
        #expect(response.bodyText == "abc")
        #expect(response.header("Connection") == "close")
        #expect(await client.isClosedByPeer())
        await task.value
        #expect(server.statistics.requests == 2)
    }

    @Test func connection_endsQuietlyWhenPeerClosesMidHead() async throws {
        let (client, task, server) = makePair()
        await client.send("GET /hello HTTP/1.1\r\nHo")
        shutdown(client.fd, Int32(SHUT_WR))
        #expect(await client.isClosedByPeer())
        #expect(client.received.isEmpty)
        await task.value
        #expect(server.statistics.requests == 0)
    }

    @Test func connection_stopsWhenItsTaskIsCancelled() async throws {
        let (client, task, _) = makePair()
        task.cancel()
        await task.value
        #expect(await client.isClosedByPeer())
    }

    @Test func connection_answersRequestsSplitAcrossManyWrites() async throws {
        let (client, task, _) = makePair()
        let raw = Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello".utf8)
        for byte in raw {
            await client.send([byte])
        }
        #expect(await client.readResponse()?.bodyText == "hello")
        task.cancel()
        await task.value
    }
}
