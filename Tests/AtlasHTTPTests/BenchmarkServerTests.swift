import Glibc
import Testing

@testable import AtlasHTTP

/// Serves a trivial GET for load tools; runs only when `ATLAS_HTTP_BENCH_SECONDS` is set, e.g.
/// `ATLAS_HTTP_BENCH_SECONDS=20 ATLAS_HTTP_BENCH_PORT=8099 swift test -c release -Xswiftc -enable-testing
/// --filter benchmark_servesTrivialGet` and meanwhile `wrk -t2 -c32 -d10s http://127.0.0.1:8099/hello`.
@Suite struct BenchmarkServerTests {
    static var seconds: Int? { getenv("ATLAS_HTTP_BENCH_SECONDS").flatMap { Int(String(cString: $0)) } }
    static var port: UInt16 {
        getenv("ATLAS_HTTP_BENCH_PORT").flatMap { UInt16(String(cString: $0)) } ?? 8099
    }

    @Test(.enabled(if: seconds != nil))
    func benchmark_servesTrivialGet() async throws {
        var router = HTTPRouter()
        router.add("GET", "/hello") { _ in .text(200, "hello") }
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: Self.port), responder: router)
        _ = try server.start()
        let task = Task { await server.run() }
        try await Task.sleep(for: .seconds(Self.seconds ?? 0))
        server.shutdown()
        await task.value
        print("requests served: \(server.statistics.requests)")
    }
}
