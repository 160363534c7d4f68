import Testing

@testable import AtlasHTTP

@Suite(.timeLimit(.minutes(1)))
struct ServerSmokeTests {
    @Test func server_answersGetOverKeepAlive() async throws {
        let running = try startServer()
        let client = try #require(await RawClient.connect(port: running.port))
        await client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        let first = try #require(await client.readResponse())
        #expect(first.status == 200)
        #expect(first.bodyText == "hello")
        await client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        let second = try #require(await client.readResponse())
        #expect(second.status == 200)
        await running.stop()
    }
}
