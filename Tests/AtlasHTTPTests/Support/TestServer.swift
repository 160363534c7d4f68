import Testing

@testable import AtlasHTTP

/// Collects server events and access-log entries for assertions.
final class Recorder: Sendable {
    private let events = MutexBox<[HTTPServerEvent]>([])
    private let entries = MutexBox<[HTTPAccessLogEntry]>([])

    func record(_ event: HTTPServerEvent) { events.mutate { $0.append(event) } }
    func record(_ entry: HTTPAccessLogEntry) { entries.mutate { $0.append(entry) } }
    var recordedEvents: [HTTPServerEvent] { events.value }
    var recordedEntries: [HTTPAccessLogEntry] { entries.value }
}

/// A started server on an ephemeral port with its run task.
struct RunningServer {
    let server: HTTPServer
    let address: HTTPBoundAddress
    let task: Task<Void, Never>
    let recorder: Recorder

    var port: UInt16 { address.port }

    /// Shuts down and waits for `run()` to return.
    func stop() async {
        server.shutdown()
        await task.value
    }
}

/// Starts a server on 127.0.0.1:0 with `limits` and `responder`.
func startServer(
    limits: HTTPLimits = HTTPLimits(), grace: Duration = .seconds(5),
    responder: any HTTPResponder = echoRouter()
) throws -> RunningServer {
    let recorder = Recorder()
    let server = HTTPServer(
        configuration: HTTPServerConfiguration(port: 0, limits: limits, shutdownGracePeriod: grace),
        responder: responder,
        accessLog: { recorder.record($0) },
        events: { recorder.record($0) })
    let address = try server.start()
    let task = Task { await server.run() }
    return RunningServer(server: server, address: address, task: task, recorder: recorder)
}

/// GET /hello → "hello"; POST /echo → the body; GET /slow?ms=N → waits N ms then "slow".
func echoRouter() -> HTTPRouter {
    var router = HTTPRouter()
    router.add("GET", "/hello") { _ in .text(200, "hello") }
    router.add("POST", "/echo") { request in
        HTTPResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: request.body)
    }
    router.add("GET", "/slow") { request in
        let millis = request.queryItems.first { $0.name == "ms" }.flatMap { Int($0.value) } ?? 500
        try? await Task.sleep(for: .milliseconds(millis))
        return .text(200, "slow")
    }
    return router
}

/// Polls `condition` every 5 ms until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
